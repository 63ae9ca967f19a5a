import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { jsonLines, runCoach } from "../support/run-coach.js";

// A complete story in notes (37 words, about 15 s if read out): situation, the speaker's steps and a figure.
const NOTES = "Our weekly sales report took an analyst most of Monday to build by hand. I wrote a Python script that pulled the data, built the tables and mailed the report. It saved 5 hours of analyst time a week.";
const QUESTION = "Tell me about a time you automated a manual process.";

describe("coach critique --bank reads stories as notes to speak from", () => {
  it("says short notes need expanding (medium) instead of capping them as a spoken answer far too short", async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "coach-bank-notes-"));
    const bank = path.join(folder, "bank.md");
    writeFileSync(bank, `## Automated the weekly sales report\nQuestion: ${QUESTION}\n\n${NOTES}\n`);
    const audit = await runCoach(["critique", "--bank", bank, "--json"], { cwd: folder });
    expect(audit.code).toBe(0);
    const [story] = jsonLines(audit.stdout);
    const short = story.issues.find((issue: { code: string }) => issue.code === "TOO_SHORT");
    expect(short).toMatchObject({ severity: "medium" });
    expect(short.message).toMatch(/short notes\. Expand them when you tell the story/);
    expect(story.issues.filter((issue: { severity: string }) => issue.severity === "high")).toEqual([]);

    // Told as an answer, the same words are far too short, and score as a high-severity gap.
    const spoken = await runCoach(["critique", "--question", QUESTION, "--answer", NOTES, "--json"], { cwd: folder });
    const answer = JSON.parse(spoken.stdout);
    expect(answer.issues.find((issue: { code: string }) => issue.code === "TOO_SHORT")).toMatchObject({ severity: "high" });
    expect(story.score).toBeGreaterThan(answer.score);
  });
});
