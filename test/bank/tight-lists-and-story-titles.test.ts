import { describe, expect, it } from "vitest";
import { parseText } from "../support/parse-text.js";

const parse = parseText;

describe("stories in a tight numbered list", () => {
  it("splits a numbered list of bold titles whose parts are indented below them, with no blank lines", () => {
    const bank = parse(`# Prep

1. **Sped up the nightly export**
   - Situation: The export ran for 9 hours.
   - Action: I split it into 12 parallel jobs.
   - Result: It finishes in 50 minutes.
2. **Pushed back on a rewrite**
   - Situation: My lead wanted to rewrite the app in Flutter.
   - Action: I costed both options in a two-page doc.
   - Result: We kept the native app and shipped 3 features that quarter.
3. **Onboarded two interns**
   Situation: Two interns joined with no Go experience.
   Action: I paired with each of them twice a week.
   Result: Both shipped a service by week six.
`);
    expect(bank.stories.map((story) => [story.id, story.source.startLine, story.source.endLine])).toEqual([
      ["bank-sped-up-the-nightly-export", 3, 6],
      ["bank-pushed-back-on-a-rewrite", 7, 10],
      ["bank-onboarded-two-interns", 11, 14],
    ]);
    expect(bank.stories[1]!.parts).toEqual({
      situation: "My lead wanted to rewrite the app in Flutter.",
      action: "I costed both options in a two-page doc.",
      result: "We kept the native app and shipped 3 features that quarter.",
    });
    expect(bank.warnings).toEqual([]);
    // Numbered steps inside a numbered story, a sub-bullet between them, stay steps of that story.
    const steps = parse(`## 1. Fixed the flaky deploys
Situation: Deploys failed twice a week.
Action:
1. Added retries
   - with backoff
2. Pinned the base image
Result: One failed deploy in the next two months.
`);
    expect(steps.stories.map((story) => story.title)).toEqual(["Fixed the flaky deploys"]);
    expect(steps.stories[0]!.parts.action).toBe("Added retries. with backoff. Pinned the base image.");
  });
});

describe("bold story titles", () => {
  it('starts a story at a bold "Story: Title" line, titled without the "Story:"', () => {
    const bank = parse(`**Story: Cleared the refund backlog**

**Situation**

1,800 refunds were stuck behind a finance tool bug.

**Action**

I wrote a script that replayed them in batches of 100.

**Result**

The backlog was gone in 3 days.

**Story: Hired a support team in Lisbon**

**Situation**

Tickets in Portuguese doubled after launch.

**Action**

I hired 4 agents in 2 weeks.

**Result**

First replies fell from 20 hours to 3.
`);
    expect(bank.stories.map((story) => [story.id, story.title, story.source.startLine])).toEqual([
      ["bank-cleared-the-refund-backlog", "Cleared the refund backlog", 1],
      ["bank-hired-a-support-team-in-lisbon", "Hired a support team in Lisbon", 15],
    ]);
    expect(bank.stories[1]!.parts.result).toBe("First replies fell from 20 hours to 3.");
    expect(bank.warnings).toEqual([]);
  });
});

describe("an empty list item", () => {
  it("adds nothing to the part it ends, not a stray dash read as a sentence", () => {
    const bank = parse(`## Tell me about a time you failed

**Situation:**
- Billing export rewrite
- 
At Lumen I owned the nightly billing export.

**Action:** I shipped the rewrite without a dry run.

**Result:** 300 invoices went out twice; I wrote the refund script that night.
`);
    expect(bank.stories[0]!.parts.situation).toBe("Billing export rewrite. At Lumen I owned the nightly billing export.");
  });
});
