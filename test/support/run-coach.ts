import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const COACH_BIN = path.join(PROJECT_ROOT, "dist/cli/coach.mjs");
export const SEEDS_PATH = path.resolve(PROJECT_ROOT, "../shared/seeds");
export const SAMPLE_BANK = path.join(PROJECT_ROOT, "corpus/sample-bank");

const ISOLATED_STORE = path.join(mkdtempSync(path.join(os.tmpdir(), "coach-test-store-")), ".coach");

export interface CoachRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built `coach` command as a user would, in a clean environment
 * (no provider variables unless the test passes them).
 */
export function runCoach(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; input?: string; timeoutMs?: number } = {}): Promise<CoachRun> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || /^(OPENAI_|COACH_)/.test(key)) continue;
    env[key] = value;
  }
  // Runs from the project folder must not see or write the developer's own ./.coach store.
  if (!options.cwd) env.COACH_HOME = ISOLATED_STORE;
  for (const [key, value] of Object.entries(options.env ?? {})) if (value !== undefined) env[key] = value;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [COACH_BIN, ...args], { cwd: options.cwd ?? PROJECT_ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 20_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? "");
  });
}

/** Parses JSON Lines output, failing loudly on any line that is not JSON. */
export function jsonLines(text: string): any[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line));
}
