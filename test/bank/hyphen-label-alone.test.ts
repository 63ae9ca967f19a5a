import { describe, expect, it } from "vitest";
import { parseText } from "../support/parse-text.js";

describe("a part label with a hyphen and nothing after it", () => {
  it("labels the bullets below it, as an en dash does (user audit: the action went into the task)", () => {
    for (const dash of ["-", "–"]) {
      const bank = parseText(`1. Tell me about a time you saved money.

S - Our vendor contract was up for renewal at $640K a year and finance asked for cuts.

T - I owned the vendor budget and needed to cut cost without hurting SLAs.

A ${dash}
- Pulled 12 months of invoices and usage reports
- Found we paid for 40 seats but used 26
- Negotiated a usage based model with a 24 seat floor

R - New contract was $430K, saving $210K a year.
`);
      const story = bank.stories[0]!;
      expect(story.parts.action, dash).toContain("Negotiated a usage based model");
      expect(story.parts.task, dash).not.toContain("Pulled 12 months");
      expect(story.parts.result, dash).toContain("$430K");
    }
  });

  it("does not read a hyphenated word or a dash inside a sentence as a label", () => {
    const bank = parseText(`## The vendor renewal

Situation: Renewal was due - finance wanted cuts.
Action: I renegotiated the follow-
up terms myself.
Result: We saved $210K a year.
`);
    expect(bank.stories[0]!.parts.situation).toContain("finance wanted cuts");
    expect(bank.stories[0]!.parts.action).toContain("renegotiated");
  });
});
