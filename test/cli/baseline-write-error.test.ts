import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { baselineWriteError } from "../../src/cli/baseline-write-error.js";
import { exitCodeFor, UsageError } from "../../src/errors/index.js";
import { PROJECT_ROOT } from "../support/run-coach.js";

const refused = (code: string) => Object.assign(new Error(`${code}: refused`), { code });

describe("a refused write of the eval baseline (an installed package is read-only)", () => {
  it("EACCES, EPERM and EROFS are usage errors naming the file, the reason and where to update the baseline", () => {
    for (const [code, reason] of [["EACCES", "permission denied"], ["EPERM", "operation not permitted"], ["EROFS", "the disk is read-only"]] as const) {
      const error = baselineWriteError(refused(code), "/usr/lib/node_modules/coach/evals/baseline.json");
      expect(error).toBeInstanceOf(UsageError);
      const message = (error as UsageError).message;
      expect(message).toContain("/usr/lib/node_modules/coach/evals/baseline.json");
      expect(message).toContain(reason);
      expect(message).toContain("checkout");
      expect(exitCodeFor(error)).toBe(2);
    }
  });

  it("other failures pass through unchanged", () => {
    const full = refused("ENOSPC");
    expect(baselineWriteError(full, "/x/evals/baseline.json")).toBe(full);
    const plain = new Error("boom");
    expect(baselineWriteError(plain, "/x/evals/baseline.json")).toBe(plain);
  });
});

describe("eval --update-baseline from an installed copy that can be written (a global install under nvm)", () => {
  it("is refused before any eval runs, exit 2, naming the installed file", () => {
    const installed = path.join(mkdtempSync(path.join(os.tmpdir(), "coach-global-")), "lib", "node_modules", "interview-coach");
    for (const part of ["dist", "evals", "corpus", "prompts", "package.json"]) cpSync(path.join(PROJECT_ROOT, part), path.join(installed, part), { recursive: true });
    symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(installed, "node_modules"));
    const before = readFileSync(path.join(installed, "evals", "baseline.json"), "utf8");
    const run = spawnSync(process.execPath, [path.join(installed, "dist", "cli", "coach.mjs"), "eval", "critique", "--update-baseline"], { cwd: os.tmpdir(), encoding: "utf8", timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`--update-baseline: cannot write ${path.join(installed, "evals", "baseline.json")}: it is part of an installed package.`);
    expect(run.stdout).toBe("");
    expect(readFileSync(path.join(installed, "evals", "baseline.json"), "utf8")).toBe(before);
  }, 90_000);
});
