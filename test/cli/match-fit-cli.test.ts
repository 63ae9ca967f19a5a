import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, runCoach } from "../support/run-coach.js";

describe("coach match: how well the stories fit, and what was skipped", () => {
  let cwd: string;
  beforeAll(() => {
    cwd = mkdtempSync(path.join(os.tmpdir(), "coach-fit-"));
    // Mentoring an analyst, rolling back a deploy that broke checkout, cutting a cloud bill: none about a disagreement.
    copyFileSync(path.join(PROJECT_ROOT, "test/fixtures/three-stories.md"), path.join(cwd, "bank.md"));
  });

  it("says when no story clearly fits, and shows each story's fit", async () => {
    const run = await runCoach(["match", "--bank", "bank.md", "Tell me about a time you disagreed with your manager."], { cwd });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("coach: Your closest stories are each a stretch for this question: tell one only if you can say plainly how it answers it, or write a story that does.");
    expect(run.stdout.match(/· stretch fit\]/g)).toHaveLength(3);
    const json = await runCoach(["match", "--bank", "bank.md", "--json", "Tell me about a time you mentored someone."], { cwd });
    const line = JSON.parse(json.stdout);
    expect(line.matches[0]).toMatchObject({ title: "Mentored a new analyst", fit: "strong" });
    expect(json.stderr).not.toContain("a stretch for this question");
  });

  it("says why a stretch with a higher score is listed below a story that fits", async () => {
    const store = path.join(cwd, "sample-store");
    // The sample bank has no story of a reorganisation: its disagreement story scores first but is a stretch.
    const reorganised = await runCoach(["match", "--store", store, "Tell me about a time you led a team through a reorganisation."], { cwd });
    expect(reorganised.stdout).toContain("(a stretch is listed after the stories that fit better, whatever its score)");
    const mentored = await runCoach(["match", "--store", store, "Give me an example of someone you mentored."], { cwd });
    expect(mentored.stdout).not.toContain("a stretch is listed after");
  });

  it("says how many notes were skipped when --bank indexes a bank, as coach index does", async () => {
    writeFileSync(path.join(cwd, "notes.md"), "# Bank\n\n## Mentored an analyst\n\n**Situation:** A new analyst struggled.\n**Action:** I paired with him weekly.\n**Result:** He shipped alone by month three.\n\n## Tips\n\nLead with the number. Keep it short.\n");
    const store = path.join(cwd, "store");
    const first = await runCoach(["match", "--bank", "notes.md", "--store", store, "Tell me about a time you mentored someone."], { cwd });
    expect(first.stderr).toContain("coach: 1 parse warning (1 note outside any story); see them with: coach stories --bank notes.md");
    // Unchanged, the bank is not parsed again, and the notice is not repeated on every question.
    const again = await runCoach(["match", "--bank", "notes.md", "--store", store, "Tell me about a time you mentored someone."], { cwd });
    expect(again.stderr).not.toContain("parse warning");
  });
});
