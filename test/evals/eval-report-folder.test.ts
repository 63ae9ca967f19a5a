import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT, runCoach } from "../support/run-coach.js";

const SLOW = { timeoutMs: 60_000 };

describe("where coach eval writes its report", () => {
  it("run from inside the checkout: evals/report/, and says so on stderr", async () => {
    const run = await runCoach(["eval", "coach"], SLOW);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("coach: eval report written to evals/report/report.html (and report.json, report.md beside it).");
    expect(Date.now() - statSync(path.join(PROJECT_ROOT, "evals/report/report.json")).mtimeMs).toBeLessThan(60_000);
  }, 60_000);

  it("run from anywhere else: evals/report/ in the current folder (as the contract names it), never inside the installed package", async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), "coach-eval-cwd-"));
    const run = await runCoach(["eval", "coach"], { ...SLOW, cwd });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("coach: eval report written to evals/report/report.html (and report.json, report.md beside it).");
    for (const file of ["report.json", "report.md", "report.html"]) expect(existsSync(path.join(cwd, "evals", "report", file)), file).toBe(true);
    const elsewhere = path.join(cwd, "reports");
    const named = await runCoach(["eval", "coach", "--report", elsewhere], { ...SLOW, cwd });
    expect(named.stderr).toContain("coach: eval report written to reports/report.html");
    expect(existsSync(path.join(elsewhere, "report.html"))).toBe(true);
  }, 60_000);

  it("a folder that cannot be written is skipped with a notice, and is exit 1 only when --report named it", async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), "coach-eval-blocked-"));
    // A file where the folder should be: refused even to root, as a read-only install is to a user.
    mkdirSync(path.join(cwd, "evals"));
    writeFileSync(path.join(cwd, "evals", "report"), "not a folder");
    const skipped = await runCoach(["eval", "coach"], { ...SLOW, cwd });
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toMatch(/scripted conversations behave as expected/);
    expect(skipped.stderr).toMatch(/^coach: could not write the eval report to evals\/report \(.*EEXIST.*\); skipped; give --report DIR to write it elsewhere\.$/m);
    writeFileSync(path.join(cwd, "blocker"), "not a folder");
    const named = await runCoach(["eval", "coach", "--report", "blocker/report"], { ...SLOW, cwd });
    expect(named.code).toBe(1);
    expect(named.stdout).toMatch(/scripted conversations behave as expected/);
    expect(named.stderr).toMatch(/^coach: could not write the eval report to blocker\/report \(.*ENOTDIR.*\); give --report a folder you can write to\.$/m);
    expect((await runCoach(["eval", "coach", "--report", ""], { cwd })).code).toBe(2);
  }, 90_000);
});
