import { describe, expect, it } from "vitest";
import { parseText } from "../support/parse-text.js";

// From a user audit: a bank's opening "Background:" line under its title read as a story (a Situation label), and a
// short story told as "I listened, brought her ..., and got ..." was skipped as notes (one "I" before three verbs).
const BANK = `# Maya: interview stories (Product Manager)

Background: 7 years as an ICU nurse, 2 years in clinical informatics, now a PM at Halden Health. Keep every answer under two minutes.

## Angry family member

A patient's daughter was shouting at the nurses' station about her father's pain medication. I listened, brought her to a quiet room, and got the attending to call her within 20 minutes. She wrote us a thank-you card.

## Loop notes

We should rehearse the pricing story, and the team, the hiring manager and the recruiter are all on the call.
`;

describe("a bank's opening lines and verbs that share their subject", () => {
  it("keeps the bank's scene-setting opening out of the stories, saying what it skipped and why", () => {
    const parsed = parseText(BANK);
    expect(parsed.stories.map((story) => story.title)).toEqual(["Angry family member"]);
    const skipped = parsed.warnings.find((warning) => warning.code === "SKIPPED_PROSE" && warning.line === 1);
    expect(skipped?.message).toContain("it has only a label that sets the scene, and it opens a section with headings under it");
  });

  it('counts each verb joined to an "I" by a comma or "and" as something the speaker did', () => {
    const parsed = parseText(BANK);
    expect(parsed.stories[0]!.parts.action).toContain("brought her to a quiet room");
    // Joined nouns are not verbs: the notes stay notes.
    expect(parsed.warnings.some((warning) => warning.code === "SKIPPED_PROSE" && warning.message.includes("Loop notes"))).toBe(true);
  });

  it("a story with only a Situation label and no headings under it is still a story (one to finish)", () => {
    const parsed = parseText("# Stories\n\n## Pager storm\n\nSituation: Our on-call pager fired 400 times in one night after a config push.\n");
    expect(parsed.stories.map((story) => story.title)).toEqual(["Pager storm"]);
  });
});
