import { describe, expect, it } from "vitest";
import { parseText } from "../support/parse-text.js";

// From a user audit: a bank's opening "Background:" line under its title read as a story (a Situation label).
const BANK = `# Maya: interview stories (Product Manager)

Background: 7 years as an ICU nurse, 2 years in clinical informatics, now a PM at Halden Health. Keep every answer under two minutes.

## Angry family member

**Situation:** A patient's daughter was shouting at the nurses' station about her father's pain medication.
**Action:** I listened, brought her to a quiet room, and got the attending to call her within 20 minutes.
**Result:** She wrote us a thank-you card saying we took her father's pain seriously.

## Loop notes

We should rehearse the pricing story, and the team, the hiring manager and the recruiter are all on the call.
`;

describe("a bank's opening lines, and notes that stay notes", () => {
  it("keeps the bank's scene-setting opening out of the stories, saying what it skipped and why", () => {
    const parsed = parseText(BANK);
    expect(parsed.stories.map((story) => story.title)).toEqual(["Angry family member"]);
    expect(parsed.stories[0]!.parts.result).toContain("took her father's pain seriously");
    const skipped = parsed.warnings.find((warning) => warning.code === "SKIPPED_PROSE" && warning.line === 1);
    expect(skipped?.message).toContain("it has only a label that sets the scene, and it opens a section with headings under it");
  });

  it("keeps notes told in the past with one \"I\" and a list of verbs or adjectives as notes (review)", () => {
    const notes = `# Stories

## Feedback from the mock with Sam

Sam thought my answers ran long. I rambled, skipped the result, and forgot to name the metric. Next time: open with the headline, keep the setup to two sentences, finish with the number.

## What I want next

I wanted a team that is focused, motivated, and trusted to own its roadmap. Ask about on-call load, team size and how promotions work before accepting anything.

## Things to practise

I practised, recorded and timed the outage answer twice this week. Still too long: cut the situation to one line and lead with the rollback.
`;
    const parsed = parseText(notes);
    expect(parsed.stories).toEqual([]);
    expect(parsed.warnings.filter((warning) => warning.code === "SKIPPED_PROSE")).toHaveLength(3);
  });

  it("a story whose heading sits under another keeps its scene-setting opening above its subsections (review)", () => {
    const parsed = parseText("# Stories\n\n## Payments outage\n\n**Context:** Our payments service went down during the holiday sale.\n\n### The fix\n\nI rolled back the faulty deploy and wrote a runbook.\n");
    expect(parsed.stories.map((story) => story.title)).toContain("Payments outage");
  });

  it("a story with only a Situation label and no headings under it is still a story (one to finish)", () => {
    const parsed = parseText("# Stories\n\n## Pager storm\n\nSituation: Our on-call pager fired 400 times in one night after a config push.\n");
    expect(parsed.stories.map((story) => story.title)).toEqual(["Pager storm"]);
  });
});
