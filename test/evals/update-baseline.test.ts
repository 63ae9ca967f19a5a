import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../support/run-coach.js";

/** A copy of the package to update a baseline in: its own dist and evals/baseline.json, the rest linked (no ../shared/seeds beside it). */
function packageCopy(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "coach-baseline-"));
  copyFileSync(path.join(PROJECT_ROOT, "package.json"), path.join(root, "package.json"));
  cpSync(path.join(PROJECT_ROOT, "dist"), path.join(root, "dist"), { recursive: true });
  for (const entry of ["corpus", "prompts", "node_modules"]) symlinkSync(path.join(PROJECT_ROOT, entry), path.join(root, entry));
  mkdirSync(path.join(root, "evals"));
  for (const entry of readdirSync(path.join(PROJECT_ROOT, "evals"))) {
    if (entry === "baseline.json" || entry === "report") continue;
    symlinkSync(path.join(PROJECT_ROOT, "evals", entry), path.join(root, "evals", entry));
  }
  return root;
}

function run(root: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "dist/cli/coach.mjs"), ...args], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("coach eval --update-baseline", () => {
  it("updates the suite that ran and keeps the other suites' figures and the skipped seed-bank sets' hits, so they stay gated", async () => {
    const root = packageCopy();
    const original = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "evals/baseline.json"), "utf8"));
    // One figure the coach suite no longer gives, one of a suite that does not run.
    const before = { ...original, figures: { ...original.figures, "coach.scenarios.retired": 1, "retrieval.sample-bank.retired.hitAt3": 0.5 } };
    writeFileSync(path.join(root, "evals/baseline.json"), `${JSON.stringify(before, null, 2)}\n`);
    const updated = await run(root, ["eval", "coach", "--update-baseline"]);
    expect(updated.code, updated.stderr).toBe(0);
    const after = JSON.parse(readFileSync(path.join(root, "evals/baseline.json"), "utf8"));
    const expected = Object.keys(before.figures).filter((key) => key !== "coach.scenarios.retired");
    expect(Object.keys(after.figures)).toEqual(expected);
    expect(after.figures["coach.scenarios.passRate"]).toBeTypeOf("number");
    expect(after.figures["retrieval.sample-bank.hybrid.hitAt3"]).toBe(original.figures["retrieval.sample-bank.hybrid.hitAt3"]);
    expect(after.hits).toEqual(original.hits);
    // The gate still checks what ran against the kept file.
    expect((await run(root, ["eval", "coach", "--check"])).code).toBe(0);
  }, 120_000);
});
