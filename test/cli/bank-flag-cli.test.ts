import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCoach } from "../support/run-coach.js";

const STORY = "## Cut CI time in half\n**Situation:** CI took 48 minutes.\n**Action:** I split the suite across 8 runners.\n**Result:** CI went from 48 to 19 minutes.\n";

describe("coach --bank", () => {
  it("refuses an empty --bank as a usage error naming the flag, in every command that takes it", async () => {
    for (const args of [["stories", "--bank", ""], ["stories", "--bank", "corpus/sample-bank", "--bank", "  "], ["match", "--bank", "", "Tell me about a time you failed."], ["coverage", "--bank="]]) {
      const run = await runCoach(args);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr.trim()).toBe("coach: --bank: the value is empty; give a bank file or folder, or leave the flag out.");
    }
  });

  it("reads a folder past a file that is not a bank, naming it on stderr; given alone, that file is still an input error", async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "coach-bank-flag-"));
    mkdirSync(path.join(folder, "prep"));
    writeFileSync(path.join(folder, "prep", "stories.md"), STORY);
    writeFileSync(path.join(folder, "prep", "resume.json"), '{"basics": {"name": "Sam Rivera"}}');
    const run = await runCoach(["stories", "--bank", path.join(folder, "prep")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Cut CI time in half");
    expect(run.stderr).toMatch(/resume\.json:1: file skipped: .*resume\.json: a JSON bank is \{"stories": \[\.\.\.\]\}; it has no "stories" key \(its keys: "basics"\)\. Skipped: the other files were read\./);
    const alone = await runCoach(["stories", "--bank", path.join(folder, "prep", "resume.json")]);
    expect(alone.code).toBe(3);
    expect(alone.stderr).toContain('resume.json: a JSON bank is {"stories": [...]}; it has no "stories" key');
  });
});
