import { describe, expect, it } from "vitest";
import { parseText } from "../support/parse-text.js";

const parse = parseText;

describe("labels in curly quotes and markdown escapes", () => {
  it("reads “Situation”: and “Result:” as labels, not as prose", () => {
    const bank = parse(`## Calmed an angry customer
“Situation”: The customer's CTO wrote to our CEO that every release broke them.
“Action”: I ran their API calls as contract tests before each release.
“Result:” No breaking change reached them in 9 releases.
`);
    expect(bank.stories[0]!.partsInferred).toBe(false);
    expect(bank.stories[0]!.parts).toEqual({
      situation: "The customer's CTO wrote to our CEO that every release broke them.",
      action: "I ran their API calls as contract tests before each release.",
      result: "No breaking change reached them in 9 releases.",
    });
  });

  it("drops the backslash of a markdown escape from the story's plain text", () => {
    const bank = parse(String.raw`## Refunded the double charges
**Situation:** A retry bug charged 2,300 customers twice \(\$184,000\).
**Action:** I wrote the refund job \> reviewed it with finance.
**Result:** Every charge was refunded in 9 hours \- none since.
`);
    const story = bank.stories[0]!;
    expect(story.parts.situation).toBe("A retry bug charged 2,300 customers twice ($184,000).");
    expect(story.body).toBe("A retry bug charged 2,300 customers twice ($184,000). I wrote the refund job > reviewed it with finance. Every charge was refunded in 9 hours - none since.");
    // The story's text stays as written.
    expect(story.text).toContain(String.raw`\(\$184,000\)`);
  });

  it("keeps escaped angle brackets as text, not as an HTML tag to drop (review)", () => {
    const story = parse(String.raw`## Saved \$184,000 on the \<vendor\> contract
**Situation:** Our vendor raised prices by 40\%.
**Result:** We saved \$184,000 a year.
`).stories[0]!;
    expect(story.title).toBe("Saved $184,000 on the <vendor> contract");
    expect(story.parts.situation).toBe("Our vendor raised prices by 40%.");
  });
});
