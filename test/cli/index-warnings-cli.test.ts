import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCoach, SAMPLE_BANK } from "../support/run-coach.js";

describe("coach index: the command it suggests for the parse warnings", () => {
  it("quotes a bank path with spaces, so the suggestion can be pasted into a shell as it is", async () => {
    const folder = path.join(mkdtempSync(path.join(os.tmpdir(), "coach-index-warnings-")), "my banks", "Résumé");
    mkdirSync(folder, { recursive: true });
    const bank = path.join(folder, "my stories.md");
    copyFileSync(path.join(SAMPLE_BANK, "numbered.md"), bank);
    const run = await runCoach(["index", bank, "--store", path.join(folder, "store")]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`see them with: coach stories --bank '${bank}'\n`);
    const plain = await runCoach(["index", path.join(SAMPLE_BANK, "numbered.md"), "--store", path.join(folder, "store")]);
    expect(plain.stderr).toContain(`see them with: coach stories --bank ${path.join(SAMPLE_BANK, "numbered.md")}\n`);
  }, 30_000);

  it("counts the warnings by kind and the files with no story apart from those the stories came from (audit: 'from 5 files', '(skipped notes, pointers, repairs)')", async () => {
    const folder = path.join(mkdtempSync(path.join(os.tmpdir(), "coach-index-warnings-")), "bank");
    mkdirSync(folder, { recursive: true });
    copyFileSync(path.join(SAMPLE_BANK, "numbered.md"), path.join(folder, "stories.md"));
    writeFileSync(path.join(folder, "empty.md"), "");
    writeFileSync(path.join(folder, "resume.json"), JSON.stringify({ name: "Jordan" }));
    writeFileSync(path.join(folder, "old.md"), Buffer.from("# Fixed the caf\xe9 rota\n\nSituation: Shifts clashed. Action: I rebuilt the rota. Result: No clashes for 3 months.\n", "latin1"));
    const store = path.join(folder, "..", "store");
    const run = await runCoach(["index", folder, "--store", store]);
    expect(run.code, run.stderr).toBe(0);
    // numbered.md brings a mojibake repair, a pointer entry and a note outside any story; old.md is Windows-1252.
    expect(run.stderr).toContain("coach: 6 parse warnings (1 file skipped as not a story bank, 1 file with no story, 2 encoding repairs, 1 pointer entry, 1 note outside any story);");
    expect(run.stdout).toMatch(/ from 2 files \(2 more with no story\) into /);
    // Read from the index, not the warnings, so an unchanged bank is counted the same.
    const again = await runCoach(["index", folder, "--store", store]);
    expect(again.stdout).toMatch(/^Index is up to date: .* from 2 files \(2 more with no story\) in /);
  }, 30_000);
});
