import { describe, expect, it } from "vitest";
import { parseText } from "../support/parse-text.js";

const parse = parseText;

// Unlabelled stories told in the first person: one in irregular verbs only (lost, took, wrote, ran, won), one of
// 32 words. Beside them, notes that must stay notes: tips in the present, a note about the bank's own stories, and
// one that is too short to tell anything.
const BANK = `# Stories

## Saved the launch

Two days before launch our payment provider lost its certification. I took the problem to our CTO the same morning. I wrote an adapter for a second provider and ran it in shadow for a day. We won the launch date back and lost no orders.

## Shorter onboarding

New hires took three weeks to ship. I was asked to fix it. I cut the setup to one script and set up a buddy rota. They now ship in four days.

## Final Tips

Lead with the number. Keep each answer under two minutes and say what I did, not what we did. If I forget a figure, I give the range.

## Loop notes

I moved the outage story to Ownership and cut its long version. I asked Priya for the hiring numbers and added them to story 4.

## Reminders

Breathe before answering. Say "I" not "we".

## Weak spots

Think Big is thin and the numbers in the vendor answer need checking against the old notes before any loop this month.
`;

describe("unlabelled prose stories", () => {
  it("keeps a first-person account told in irregular verbs, and a 32-word one, as stories", () => {
    const bank = parse(BANK);
    expect(bank.stories.map((story) => [story.id, story.source.startLine, story.source.endLine, story.partsInferred])).toEqual([
      ["bank-saved-the-launch", 3, 5, true],
      ["bank-shorter-onboarding", 7, 9, true],
    ]);
    expect(bank.stories[1]!.body).toBe("New hires took three weeks to ship. I was asked to fix it. I cut the setup to one script and set up a buddy rota. They now ship in four days.");
  });

  it("skips tips, notes about the bank and fragments, saying why in words a user can act on", () => {
    const skipped = parse(BANK).warnings.filter((warning) => warning.code === "SKIPPED_PROSE");
    expect(skipped.map((warning) => [warning.line, warning.message])).toEqual([
      [
        11,
        'Skipped "Final Tips" (lines 11-13) as notes: it has no Situation/Task/Action/Result labels, and its heading names notes or tips rather than a story. If it is a story, give it a title of its own.',
      ],
      [
        15,
        'Skipped "Loop notes" (lines 15-17) as notes: it has no Situation/Task/Action/Result labels, and it talks about your stories or interviews rather than telling one. If it is a story, label its parts ("Situation:", "Action:", "Result:").',
      ],
      [
        19,
        'Skipped "Reminders" (lines 19-21) as notes: it has no Situation/Task/Action/Result labels, and it is only 7 words, too short to read as a story without labels. If it is a story, label its parts ("Situation:", "Action:", "Result:") or tell more of it.',
      ],
      [
        23,
        'Skipped "Weak spots" (lines 23-25) as notes: it has no Situation/Task/Action/Result labels, and it is not told in the first person (no "I" or "we"). If it is a story, label its parts ("Situation:", "Action:", "Result:") or tell it as "I ...".',
      ],
    ]);
  });

  it("keeps short stories that mention a quarter, interviewing candidates or user stories (review)", () => {
    const bank = parse(`## Onboarding in a day

In Q3 I took over onboarding. I rewrote the setup guide, built a one-command installer and we cut time to first commit from five days to one.

## The hiring loop

I was asked to fix our hiring loop. I interviewed the last 20 hires, rewrote the rubric and we cut time to offer from 30 days to 12.

## Smaller tickets

I split the billing epic into user stories a day each. We shipped the first three in a week and the team kept the habit.
`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Onboarding in a day", "The hiring loop", "Smaller tickets"]);
    expect(bank.warnings.filter((warning) => warning.code === "SKIPPED_PROSE")).toEqual([]);
  });

  it("says a present-tense note does not tell what happened", () => {
    const bank = parse(`## Frugality ideas

I keep a list of the tools we pay for and I check it every quarter. My plan is to cut the two we barely use and to ask for a discount on the rest.
`);
    expect(bank.stories).toEqual([]);
    expect(bank.warnings.map((warning) => warning.message)).toContain(
      'Skipped "Frugality ideas" (lines 1-3) as notes: it has no Situation/Task/Action/Result labels, and it does not tell what happened: no sentences such as "I built..." or "we cut..." in the past tense. If it is a story, label its parts ("Situation:", "Action:", "Result:").',
    );
  });

  it("starts a story at a bold title over a short account, not only at a heading", () => {
    const bank = parse(`# Stories

**Saved the launch**

Two days before launch our payment provider lost its certification. I took the problem to our CTO the same morning. I wrote an adapter for a second provider and ran it in shadow for a day. We won the launch date back and lost no orders.

**Shorter onboarding**

New hires took three weeks to ship. I was asked to fix it. I cut the setup to one script and set up a buddy rota. They now ship in four days.
`);
    expect(bank.stories.map((story) => [story.title, story.source.startLine, story.source.endLine])).toEqual([
      ["Saved the launch", 3, 5],
      ["Shorter onboarding", 7, 9],
    ]);
  });
});
