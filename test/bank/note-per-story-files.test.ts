import { describe, expect, it } from "vitest";
import { parseText } from "../support/parse-text.js";

const parse = parseText;

const BILLING = `**Situation:** Our legacy billing system failed on 3% of renewals every month and nobody owned it.
**Task:** I volunteered to lead the migration to Stripe within one quarter.
**Action:** I mapped all 14 billing flows, wrote a dual-write shim, and migrated customers in cohorts of 500.
**Result:** Failed renewals dropped from 3% to 0.2%, recovering about $40K a month.
`;

describe("a file holding one story with no heading", () => {
  it("takes its title from the file name, so editing the story keeps its id", () => {
    const bank = parse(BILLING, "vault/Billing migration.md");
    expect(bank.stories).toHaveLength(1);
    expect(bank.stories[0]!.title).toBe("Billing migration");
    expect(bank.stories[0]!.id).toBe("billing-migration-billing-migration");
    expect([bank.stories[0]!.source.startLine, bank.stories[0]!.source.endLine]).toEqual([1, 4]);
    const edited = parse(BILLING.replace("legacy", "homegrown"), "vault/Billing migration.md");
    expect(edited.stories[0]!.id).toBe("billing-migration-billing-migration");
    expect(parse(BILLING, "notes/billing_migration.txt").stories[0]!.title).toBe("billing migration");
  });

  it("still takes the question on a Q: line for its title (unchanged)", () => {
    const bank = parse(`Q: Tell me about a time you took ownership.\n${BILLING}`, "answers.md");
    expect(bank.stories[0]!.title).toBe("Tell me about a time you took ownership.");
  });
});

describe("YAML front matter", () => {
  const NOTE = `---
title: Billing migration
summary: Led the Stripe migration at Acme
impact: high
tags: [ownership, deliver-results]
---

${BILLING}`;

  it("is not story text: its title names the story and its tags are read like a Tags: line", () => {
    const bank = parse(NOTE, "vault/Stripe.md");
    expect(bank.stories).toHaveLength(1);
    const story = bank.stories[0]!;
    expect(story.title).toBe("Billing migration");
    expect(story.id).toBe("stripe-billing-migration");
    expect([story.source.startLine, story.source.endLine]).toEqual([8, 11]);
    expect(story.text.startsWith("**Situation:** Our legacy billing system")).toBe(true);
    expect(story.body).not.toContain("Led the Stripe migration at Acme");
    expect(story.principles).toEqual(["Ownership", "Deliver Results"]);
    expect(story.principleSource).toBe("tags");
    expect(story.parts.situation).toBe("Our legacy billing system failed on 3% of renewals every month and nobody owned it.");
    expect(bank.warnings).toEqual([]);
  });

  it("reads block lists and a principles: key, and warns about names that are not principles", () => {
    const bank = parse(
      `---
tags:
  - ownership
  - billing
principles: "Frugality, Speed"
---
# Moved billing to Stripe
${BILLING}`,
      "vault/Stripe.md",
    );
    const story = bank.stories[0]!;
    expect(story.title).toBe("Moved billing to Stripe");
    expect(story.source.startLine).toBe(7);
    expect(story.principles).toEqual(["Ownership", "Frugality"]);
    expect(story.tags).toEqual(["billing"]);
    expect(bank.warnings.map((warning) => [warning.code, warning.line, warning.message])).toEqual([
      ["UNKNOWN_PRINCIPLE", 5, '"Speed" is not one of the 16 Leadership Principles; ignored.'],
    ]);
  });

  it("leaves a file of several stories its own titles and principles (unchanged)", () => {
    const bank = parse(`---
title: STAR stories
tags: [interview, ownership]
---

## Cut CI time in half
${BILLING}
## Mentored a new grad
**Situation:** A new grad struggled with reviews. **Action:** I paired with her. **Result:** Her PRs needed 5 comments, not 40.
`);
    expect(bank.stories.map((story) => [story.title, story.source.startLine, story.principleSource])).toEqual([
      ["Cut CI time in half", 6, "none"],
      ["Mentored a new grad", 12, "none"],
    ]);
    expect(bank.stories[0]!.tags).toEqual([]);
  });

  it("is not a story told between two rules at the top of a file (unchanged)", () => {
    const bank = parse(`---
Situation: Our CI took 48 minutes.
Result: It takes 19 now.

---
`);
    expect(bank.stories).toHaveLength(1);
    expect(bank.stories[0]!.parts).toEqual({ situation: "Our CI took 48 minutes.", result: "It takes 19 now." });
    // The rules around it are not story lines.
    expect([bank.stories[0]!.source.startLine, bank.stories[0]!.source.endLine]).toEqual([2, 3]);
  });
});
