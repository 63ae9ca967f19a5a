import { describe, expect, it } from "vitest";
import { loadTaxonomy, senseTaggedTerms } from "../../src/understanding/index.js";
import { storyLexicalIndex } from "../../src/retrieval/create-matcher.js";
import { parseBankFiles } from "../../src/bank/index.js";

const terms = (text: string) => senseTaggedTerms(text, loadTaxonomy().templateWords);

describe("compound words written apart", () => {
  it("adds the one-word form the vocabulary families list, beside the words themselves", () => {
    // The families list "timezones", "screenreaders", "abtests", "followthesun", "rootcause", "rollback".
    expect(terms("a team in another time zone")).toEqual(expect.arrayContaining([terms("timezone")[0], "zone"]));
    expect(terms("I tested it with two screen readers")).toContain(terms("screenreaders")[0]);
    expect(terms("Have you used A/B tests?")).toContain(terms("abtests")[0]);
    expect(terms("a follow-the-sun rotation")).toContain("followthesun");
    expect(terms("the root causes were clear")).toContain(terms("rootcause")[0]);
    // An inflected first word still joins: "rolled back" is a rollback.
    expect(terms("we rolled back the release")).toContain("rollback");
  });

  it("does not join a letter or a two-letter word that only happens to sit beside a word", () => {
    // "so a" is not "soa", "a ward nurse" is not an award, "exam in June" is not "examine", "S:" labels join nothing.
    for (const text of ["so a flaky test", "a ward nurse", "I passed the exam in June", "the cause S: the cluster", "it could well be right"]) {
      const plain = text.toLowerCase().split(/\W+/);
      expect(terms(text).filter((term) => !plain.includes(term) && !plain.some((word) => word.startsWith(term))), text).toEqual([]);
    }
  });

  it("does not join common phrases that only spell a compound", () => {
    expect(terms("Over time the team grew, and for the first time we shipped.")).not.toEqual(expect.arrayContaining(["overtime"]));
    expect(terms("for the first time")).not.toContain("firsttime");
  });

  it("lets a question and a story meet on a compound one of them writes apart", () => {
    const score = (experiment: string, question: string) => {
      const bank = [`## Checkout experiment\n\nS: We argued about a redesign. T: I had to settle it. A: ${experiment} R: Conversion rose 4%.`, "## Slow suite\n\nS: Our suite took an hour. T: I owned CI. A: I split it across four machines. R: It took 15 minutes."].join("\n\n");
      return storyLexicalIndex(parseBankFiles([{ path: "bank.md", bytes: Buffer.from(bank), sha256: "x" }]).stories).score(question)[0]!;
    };
    // Written apart on either side, the compound is the only word the two share.
    expect(score("I ran an abtest on 10% of orders.", "Tell me about your A/B tests.")).toBeGreaterThan(0);
    expect(score("I ran an A/B test on 10% of orders.", "Tell me about your abtests.")).toBeGreaterThan(0);
    expect(score("I ran an abtest on 10% of orders.", "Tell me about your screen reader work.")).toBe(0);
  });
});
