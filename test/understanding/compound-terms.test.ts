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
    for (const [text, joined] of [["so a flaky test", "soa"], ["a ward nurse", "award"], ["I passed the exam in June", "examin"], ["the cause S: the cluster", "causes"], ["it could well be right", "wellbe"], ["slept on timers", "ontim"], ["ended up taking", "uptak"]] as const) {
      expect(terms(text), text).not.toContain(joined);
      expect(terms(text).filter((term) => !text.toLowerCase().split(/\W+/).some((word) => word.startsWith(term.slice(0, 3)))), text).toEqual([]);
    }
  });

  it("joins words as written, one space, hyphen or slash apart: not across a line, a list bullet or a spaced dash, nor 'your' read as 'my'", () => {
    expect(terms("- Root\n- Cause analysis")).not.toContain(terms("rootcause")[0]);
    expect(terms("## Time\n\nZone issues")).not.toContain(terms("timezone")[0]);
    expect(terms("time - zone")).not.toContain(terms("timezone")[0]);
    // A question's "your SQL" is read as "my SQL" for matching, but it spells no MySQL.
    expect(terms("Walk me through your SQL queries")).not.toContain("mysql");
    // A contraction's words join nothing: "can't" gives "can" and "not".
    expect(terms("I can't sign up")).toContain("signup");
  });

  it("does not join common phrases that only spell a compound", () => {
    expect(terms("Over time the team grew, and for the first time we shipped.")).not.toEqual(expect.arrayContaining(["overtime"]));
    expect(terms("for the first time")).not.toContain("firsttime");
    // Idioms that spell a listed word: getting people on board is no onboarding.
    expect(terms("How did you get a skeptical director on board?")).not.toContain(terms("onboard")[0]);
    expect(terms("the end was in sight, so we paid up front")).not.toEqual(expect.arrayContaining([terms("insight")[0]]));
    expect(terms("we paid up front")).not.toContain(terms("upfront")[0]);
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
    // A user audit: "a disagreement with a product manager" found the story about a manager, not the one with "our PM".
    expect(score("Our PM wanted a quarter on the map view, so I ran a test.", "Tell me about your product manager.")).toBeGreaterThan(0);
    expect(score("Our product manager wanted a quarter on the map view, so I ran a test.", "Tell me about your PM.")).toBeGreaterThan(0);
  });
});
