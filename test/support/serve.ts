import { spawn, type ChildProcess } from "node:child_process";
import { COACH_BIN, PROJECT_ROOT } from "./run-coach.js";

export interface RunningServer {
  url: string;
  child: ChildProcess;
  stderr: () => string;
  stop(): Promise<void>;
}

/** Starts the built `coach serve` on a free loopback port and waits until it listens. */
export function startServe(args: string[], env: Record<string, string> = {}): Promise<RunningServer> {
  const cleanEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !/^(OPENAI_|COACH_)/.test(key)) cleanEnv[key] = value;
  const child = spawn(process.execPath, [COACH_BIN, "serve", "--port", "0", ...args], { cwd: PROJECT_ROOT, env: { ...cleanEnv, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 20_000);
    child.stderr!.on("data", (chunk) => {
      stderr += chunk;
      const match = /serving \d+ stories on (http:\/\/[^\s]+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          child,
          stderr: () => stderr,
          stop: () => new Promise<void>((done) => {
            // Killed by a signal, it has exited with no exit code.
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
        });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`server exited ${code}: ${stderr}`), { code, stderr }));
    });
  });
}

/** Reads a server-sent-events response into its events. */
export async function readEvents(response: Response): Promise<Array<{ event: string; data: any }>> {
  const text = await response.text();
  return text
    .split("\n\n")
    .filter((block) => block.trim() !== "")
    .map((block) => {
      const event = /^event: (.+)$/m.exec(block)?.[1] ?? "message";
      const data = JSON.parse(/^data: (.+)$/m.exec(block)?.[1] ?? "null");
      return { event, data };
    });
}
