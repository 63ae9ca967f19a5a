import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Story } from "../../src/core/story.js";
import { themeSentence } from "../../src/retrieval/quote-evidence.js";
import { runCoach } from "../support/run-coach.js";

// Non-native speakers tell their slips in the present tense: "I miss the deadline", "I forget to...", "I break the
// build" (audit). The failure cues knew only the past ("i missed", "i forgot", "i broke"), so `coach match` said no line
// of such a story shows a failure.

function story(parts: Story["parts"]): Story {
  const body = Object.values(parts).join("\n");
  return { id: "s", experience: "s", title: "A story", question: null, questions: [], principles: [], principleSource: "none", tags: [], parts, partsInferred: false, body, text: body, source: { file: "b.md", startLine: 1, endLine: 5 } };
}

const shows = (sentence: string) => themeSentence(story({ action: sentence }), "failure");

describe("a failure told in the present tense", () => {
  it.each([
    "I start late and I miss the deadline by two days.",
    "I miss my deadline for the board report.",
    "I forget to update the config on the second server.",
    "I break production with a wrong config.",
    "I break the build on Friday evening.",
  ])("shows a failure of the speaker's own: %j", (sentence) => {
    expect(shows(sentence)).toMatchObject({ text: sentence, part: "action" });
  });

  it.each([
    "I break the work into small tickets.",
    "I miss my old team sometimes.",
    // Review: the cues once took any "I miss the/our ..." and "I break the release/tests ..." for a slip.
    "I miss the old office sometimes.",
    "I miss our Friday lunches.",
    "I miss a good debugger in Go.",
    "I break the release into two phases.",
    "I break the tests into smaller suites.",
  ])("does not read %j as a failure", (sentence) => {
    expect(shows(sentence)).toBeUndefined();
  });

  it("is quoted by coach match for a failure question", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "coach-present-failure-"));
    const bank = path.join(dir, "bank.md");
    writeFileSync(
      bank,
      `# My STAR stories

## Deliver Results

### 1. The monthly report
**Situation:** I am analyst in a small bank. Every month I prepare the risk report for the board.
**Task:** The report must be ready on the first Monday.
**Action:** I start late because I help another team, and I miss the deadline by two days. I tell my manager and I work in the weekend to finish it.
**Result:** The board gets the report on Wednesday and my manager is not happy.

### 2. New onboarding guide
**Situation:** New staff in the branch need two weeks to learn the systems.
**Task:** My manager asks me to make it faster.
**Action:** I write a short guide with screenshots and I make a checklist for the first day.
**Result:** New staff can work alone after one week instead of two.
`,
    );
    const run = await runCoach(["match", "--store", path.join(dir, "store"), "--bank", bank, "--json", "Tell me about a time you failed."]);
    expect(run.code).toBe(0);
    const report = run.stdout.trim().split("\n").map((line) => JSON.parse(line) as { matches: Array<{ title: string; why: string }> });
    const monthly = report[0]!.matches.find((match) => match.title === "The monthly report")!;
    expect(monthly.why).toMatch(/^Shows failure or mistake: "[^"]*I miss the deadline by two days"/);
  });
});
