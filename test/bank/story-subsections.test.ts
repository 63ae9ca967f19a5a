import { describe, expect, it } from "vitest";
import { subsectionKind } from "../../src/bank/story-subsections.js";
import { parseText } from "../support/parse-text.js";

const parse = parseText;

const VERSIONS = `# Stories

## Black Friday outage
### Short version
Checkout broke on Black Friday; I rolled back and shed load, and we recovered in 18 minutes.

### Long version
**Situation:** At 9 a.m. on Black Friday our checkout service started timing out for 30% of shoppers.
**Task:** As on-call lead I had to restore checkout fast.
**Action:** I rolled back the morning deploy, shed load from the recommendation widget, and paged the database team.
**Result:** Checkout recovered in 18 minutes; we lost an estimated $25K instead of $400K.

## Billing migration
### 30-second version
I led our Stripe migration and cut failed renewals from 3% to 0.2%.
### 2-minute version
**Situation:** Our homegrown billing system failed on 3% of renewals every month.
**Task:** I volunteered to lead the migration within one quarter.
**Action:** I mapped all 14 billing flows and migrated customers in cohorts of 500.
**Result:** Failed renewals dropped from 3% to 0.2%.
`;

const SUBSECTIONS = `# Stories

## Cut CI time in half
**Situation:** Our CI pipeline took 48 minutes and engineers merged without waiting for it.
**Task:** I set out to get it under 20 minutes without dropping tests.
**Action:** I profiled every job, split the integration suite across 8 runners, and cached Docker layers.
**Result:** CI went from 48 to 19 minutes and skipped-CI merges fell from 30% to 2%.

### Likely follow-ups
- Why not buy faster machines? I priced it: 3x the cost for a 20% gain, so I pitched parallelism instead.
Q: What would you do differently?

### Numbers to remember
- 48 → 19 minutes
- 8 runners

## Mentored a new grad
**Situation:** A new grad on my team was struggling with code reviews.
**Task:** Ramp her up within a quarter.
**Action:** I paired with her twice a week and wrote a review checklist with her.
**Result:** Her PRs averaged 5 comments by quarter end and she led the next feature.

### Details
When she joined she was getting 40 comments per PR. After six weeks she was reviewing other people's code.
`;

describe("sub-headings that are parts of a story", () => {
  it("names parts by what they are, numbers and asides aside", () => {
    expect(subsectionKind("30-second version")).toBe("version");
    expect(subsectionKind("2-minute version")).toBe("version");
    expect(subsectionKind("Short version (30 seconds)")).toBe("version");
    expect(subsectionKind("TL;DR")).toBe("version");
    expect(subsectionKind("Details")).toBe("details");
    expect(subsectionKind("Likely follow-ups")).toBe("notes");
    expect(subsectionKind("Numbers to remember:")).toBe("notes");
    expect(subsectionKind("Cut CI time in half")).toBeNull();
    expect(subsectionKind("Customer Obsession")).toBeNull();
  });

  it("keeps a short and a long version under the story's own title, its parts from the fuller one", () => {
    const bank = parse(VERSIONS);
    expect(bank.stories.map((story) => [story.title, story.source.startLine, story.source.endLine])).toEqual([
      ["Black Friday outage", 3, 11],
      ["Billing migration", 13, 20],
    ]);
    const [outage, billing] = bank.stories;
    expect(outage!.parts).toEqual({
      situation: "At 9 a.m. on Black Friday our checkout service started timing out for 30% of shoppers.",
      task: "As on-call lead I had to restore checkout fast.",
      action: "I rolled back the morning deploy, shed load from the recommendation widget, and paged the database team.",
      result: "Checkout recovered in 18 minutes; we lost an estimated $25K instead of $400K.",
    });
    expect(outage!.partsInferred).toBe(false);
    expect(outage!.body.startsWith("Checkout broke on Black Friday; I rolled back and shed load")).toBe(true);
    expect(outage!.text).toContain("### Short version");
    expect(outage!.text).toContain("### Long version");
    expect(billing!.parts.situation).toBe("Our homegrown billing system failed on 3% of renewals every month.");
    expect(billing!.parts.result).toBe("Failed renewals dropped from 3% to 0.2%.");
    expect(billing!.id).toBe("bank-billing-migration");
    expect(bank.headings.filter((heading) => heading.kind === "part-label").map((heading) => [heading.line, heading.text])).toEqual([
      [4, "Short version"],
      [7, "Long version"],
      [14, "30-second version"],
      [16, "2-minute version"],
    ]);
    // Two tellings of one story are not "two stories under one heading".
    expect(bank.warnings.map((warning) => warning.code)).toEqual([]);
  });

  it("keeps follow-ups, numbers and details in the story's text, out of its parts and its question", () => {
    const bank = parse(SUBSECTIONS);
    expect(bank.stories.map((story) => [story.title, story.source.startLine, story.source.endLine])).toEqual([
      ["Cut CI time in half", 3, 15],
      ["Mentored a new grad", 17, 24],
    ]);
    const [ci, mentoring] = bank.stories;
    expect(ci!.parts.result).toBe("CI went from 48 to 19 minutes and skipped-CI merges fell from 30% to 2%.");
    expect(ci!.question).toBeNull();
    expect(ci!.text).toContain("### Numbers to remember\n- 48 → 19 minutes\n- 8 runners");
    expect(ci!.body).toContain("I priced it: 3x the cost");
    expect(mentoring!.parts.situation).toBe("A new grad on my team was struggling with code reviews.");
    expect(mentoring!.partsInferred).toBe(false);
    expect(mentoring!.body).toContain("After six weeks she was reviewing other people's code.");
    expect(bank.warnings).toEqual([]);
  });

  it("takes a story's parts from its details when it has no other text", () => {
    const bank = parse(`## Rebuilt the on-call rota
### Details
**Situation:** Three people carried every page.
**Action:** I split the rota across two time zones.
**Result:** Night pages per person fell from 12 to 3 a month.
### Notes
Tags: Ownership, on-call
`);
    expect(bank.stories).toHaveLength(1);
    expect(bank.stories[0]!.title).toBe("Rebuilt the on-call rota");
    expect(bank.stories[0]!.parts.result).toBe("Night pages per person fell from 12 to 3 a month.");
    expect(bank.stories[0]!.principles).toEqual(["Ownership"]);
    expect(bank.stories[0]!.tags).toEqual(["on-call"]);
  });

  it("leaves stories under principle and section headings, and other sub-headings, as stories (unchanged)", () => {
    const bank = parse(`# Stories

## Ownership
### Took over the billing service
**Situation:** The owner left. **Action:** I took it over. **Result:** Zero missed invoices.

### Notes
- ask about team size

## Cut the build time
**Situation:** Builds took 40 minutes. **Action:** I cached dependencies. **Result:** 12 minutes.

### Fixed the flaky tests
**Situation:** A tenth of runs failed at random. **Action:** I quarantined 30 tests. **Result:** Failures fell to 1%.
`);
    expect(bank.stories.map((story) => [story.title, story.source.startLine, story.source.endLine])).toEqual([
      ["Took over the billing service", 4, 5],
      ["Cut the build time", 10, 11],
      ["Fixed the flaky tests", 13, 14],
    ]);
    expect(bank.stories[0]!.principles).toEqual(["Ownership"]);
    expect(bank.warnings.map((warning) => [warning.code, warning.line])).toEqual([["SKIPPED_PROSE", 7]]);
  });
});
