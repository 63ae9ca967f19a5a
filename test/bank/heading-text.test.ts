import { describe, expect, it } from "vitest";
import { parseBankFiles } from "../../src/bank/index.js";
import { isQuestionLike, readHeadingTitle } from "../../src/bank/heading-text.js";

describe("isQuestionLike", () => {
  it("takes interview questions for questions, with or without a question mark", () => {
    expect(isQuestionLike("Tell me about a time you failed")).toBe(true);
    expect(isQuestionLike("Why Amazon?")).toBe(true);
    expect(isQuestionLike("What would your manager say about you")).toBe(true);
  });

  it("takes a title that opens with a wh-word for a title", () => {
    expect(isQuestionLike("Why crash-free rate lied (OOMs)")).toBe(false);
    expect(isQuestionLike("Which ARR number is right")).toBe(false);
    expect(isQuestionLike("How the stuffing crew knew which accounts to hit")).toBe(false);
  });
});

describe("readHeadingTitle", () => {
  it("keeps a number that is part of the title", () => {
    expect(readHeadingTitle("3 AM pager storm")).toEqual({ number: null, title: "3 AM pager storm" });
    expect(readHeadingTitle("404 errors after launch")).toEqual({ number: null, title: "404 errors after launch" });
    expect(readHeadingTitle("10 engineers, 1 deadline")).toEqual({ number: null, title: "10 engineers, 1 deadline" });
    expect(readHeadingTitle("2-minute version")).toEqual({ number: null, title: "2-minute version" });
    expect(readHeadingTitle("3.5x faster builds")).toEqual({ number: null, title: "3.5x faster builds" });
    expect(readHeadingTitle("3:00 a.m. outage")).toEqual({ number: null, title: "3:00 a.m. outage" });
  });

  it("reads a number set off by punctuation or named as one as the story's number (unchanged)", () => {
    expect(readHeadingTitle("3. Title")).toEqual({ number: 3, title: "Title" });
    expect(readHeadingTitle("3) Title")).toEqual({ number: 3, title: "Title" });
    expect(readHeadingTitle("3 - Title")).toEqual({ number: 3, title: "Title" });
    expect(readHeadingTitle("Q3: Title")).toEqual({ number: 3, title: "Title" });
    expect(readHeadingTitle("#3 Title")).toEqual({ number: 3, title: "Title" });
    expect(readHeadingTitle("Story 3 - Title")).toEqual({ number: 3, title: "Title" });
    expect(readHeadingTitle("92. Fixed a broken data pipeline.")).toEqual({ number: 92, title: "Fixed a broken data pipeline." });
    expect(readHeadingTitle("13. 2 a.m. page – sessions table stopped loading")).toEqual({ number: 13, title: "2 a.m. page – sessions table stopped loading" });
    expect(readHeadingTitle("1) **Tell me about a time you failed.**")).toEqual({ number: 1, title: "Tell me about a time you failed." });
  });

  it("reads principles in brackets after a question's number as its filing, and other brackets as title", () => {
    expect(readHeadingTitle("Q11 (Dive Deep / Ownership): Tell me about a time you found a bug.")).toEqual({ number: 11, title: "Tell me about a time you found a bug.", bracketPrinciples: ["Dive Deep", "Ownership"] });
    expect(readHeadingTitle("Q4 [Frugality] - Cutting the bill")).toEqual({ number: 4, title: "Cutting the bill", bracketPrinciples: ["Frugality"] });
    expect(readHeadingTitle("Q (Earn Trust): Tell me about a time you earned trust.")).toEqual({ number: null, title: "Tell me about a time you earned trust.", bracketPrinciples: ["Earn Trust"] });
    expect(readHeadingTitle("Q2 (Ownership) Tell me about a time you owned a bug.")).toEqual({ number: 2, title: "Tell me about a time you owned a bug.", bracketPrinciples: ["Ownership"] });
    // A note that says more than principles is a comment ("weak on Ownership, rewrite"): not a filing.
    expect(readHeadingTitle("Q1 (Ownership - my strongest): Tell me about a time you owned a bug.")).toEqual({ number: 1, title: "Tell me about a time you owned a bug." });
    // A note that names no principle, before a question, is the author's too: out of the title, filed under nothing.
    expect(readHeadingTitle("Q4 (draft) - Tell me about a time you missed a deadline.")).toEqual({ number: 4, title: "Tell me about a time you missed a deadline." });
    // Before a title, such a bracket may be its words (code review): kept.
    expect(readHeadingTitle("Q1 (Almost) missed a launch deadline")).toEqual({ number: 1, title: "(Almost) missed a launch deadline" });
    expect(readHeadingTitle("Q5 (2021): The outage")).toEqual({ number: 5, title: "(2021): The outage" });
    // Not a note: a bracket joined to a word, one with nothing after it, one not after a question's number.
    expect(readHeadingTitle("Q3 (Ownership)-focused: the outage")).toEqual({ number: 3, title: "(Ownership)-focused: the outage" });
    expect(readHeadingTitle("Q2 (Ownership):")).toEqual({ number: 2, title: "(Ownership)" });
    expect(readHeadingTitle("5. (Ownership) The outage")).toEqual({ number: 5, title: "(Ownership) The outage" });
  });
});

describe("numbers in story headings", () => {
  it("keeps a title's own number in the title and id, and points by the story's number", () => {
    const bank = parseBankFiles([
      {
        path: "bank.md",
        bytes: Buffer.from(`# Stories

## 3 AM pager storm
**Situation:** At 3 a.m. our alerting fired 400 pages in ten minutes.
**Action:** I silenced the duplicate alerts and traced the storm to a bad threshold.
**Result:** Pages dropped to 2 that night.

## 4. 404 errors after launch
**Situation:** After launch 8% of product pages returned 404.
**Action:** I found the CDN was caching a stale sitemap and purged it.
**Result:** 404s fell to zero within an hour.

## Tell me about a time you fixed something fast
See Q4
`),
        sha256: "x",
      },
    ]);
    expect(bank.stories.map((story) => [story.id, story.title])).toEqual([
      ["bank-3-am-pager-storm", "3 AM pager storm"],
      ["bank-404-errors-after-launch", "404 errors after launch"],
    ]);
    expect(bank.stories[1]!.questions).toEqual(["Tell me about a time you fixed something fast"]);
  });
});
