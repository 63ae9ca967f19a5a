import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";

describe("coach eval's progress bar at a terminal", () => {
  it("counts up to every configuration over every question, not to 0 (it showed a full bar over '952/0')", async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), "coach-eval-progress-"));
    let drawn = "";
    const stderr = Object.assign(new PassThrough(), { isTTY: true });
    stderr.on("data", (chunk) => (drawn += chunk));
    const stdout = new PassThrough();
    stdout.resume();
    const code = await runCli(["eval", "retrieval", "--report", path.join(cwd, "report")], { stdout, stderr, stdin: new PassThrough(), env: {}, cwd });
    expect(code).toBe(0);
    const counts = [...drawn.matchAll(/\rretrieval eval \[[#-]+\] (\d+)\/(\d+)/g)].map((match) => [Number(match[1]), Number(match[2])]);
    expect(counts.length).toBeGreaterThan(0);
    const [done, total] = counts.at(-1)!;
    expect(total).toBeGreaterThan(0);
    expect(done).toBe(total);
    expect(counts.every(([step, of]) => of === total && step! <= total!)).toBe(true);
  }, 120_000);
});
