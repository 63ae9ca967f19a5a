import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";

const QUESTION = "Tell me about a time you improved performance.";
const codes = (critique: ReturnType<typeof critiqueAnswer>) => critique.issues.map((issue) => issue.code);
// Span texts with the line breaks read as spaces, as a listener hears them.
const heard = (spans: Array<{ text: string }>) => spans.map((span) => span.text.replace(/\s+/g, " "));

const SITUATION = "Last winter our grocery app's search timed out for one shopper in ten at the Saturday peak.";
const TASK = ["I owned search", "so getting it under one in a hundred before the spring sale was on me."];
const ACTION = "I profiled the slowest queries, moved the synonym lookup into memory and capped each query at 300 ms.";
const RESULT = "Search timeouts fell from 10% to 0.4% within two weeks, and basket sizes on Saturdays rose by 6%.";
const ONE_LINE = `${SITUATION} ${TASK[0]}, ${TASK[1]} ${ACTION} ${RESULT}`;

describe("a hard-wrapped answer reads as the prose it is", () => {
  it("critiques an answer wrapped at 50 columns with Windows line ends as it does the same answer on one line", () => {
    const wrapped = [
      "Last winter our grocery app's search timed out for",
      "one shopper in ten at the Saturday peak. I owned",
      "search, so getting it under one in a hundred",
      "before the spring sale was on me. I profiled the",
      "slowest queries, moved the synonym lookup into",
      "memory and capped each query at 300 ms. Search",
      "timeouts fell from 10% to 0.4% within two weeks,",
      "and basket sizes on Saturdays rose by 6%.",
    ].join("\r\n");
    const critique = critiqueAnswer(QUESTION, wrapped);
    expect(heard(critique.star.situation.spans)).toEqual([SITUATION]);
    expect(heard(critique.star.task.spans)).toEqual(TASK);
    expect(heard(critique.star.action.spans)).toEqual([ACTION]);
    expect(heard(critique.star.result.spans)).toEqual([RESULT]);
    expect(codes(critique)).not.toContain("MISSING_ACTION");
    expect(codes(critique)).not.toContain("MISSING_RESULT");
    expect(critique.quantified).toBe(true);
    // The spans are exact offsets into the answer as received, line ends and all.
    for (const span of [...critique.star.action.spans, ...critique.star.result.spans]) expect(wrapped.slice(span.start, span.end)).toBe(span.text);
    expect(critique.star.action.spans[0]!.text).toBe("I profiled the\r\nslowest queries, moved the synonym lookup into\r\nmemory and capped each query at 300 ms.");
    const flat = critiqueAnswer(QUESTION, ONE_LINE);
    expect(critique.score).toBe(flat.score);
    expect(codes(critique)).toEqual(codes(flat));
  });

  it("reads an answer wrapped at 64 columns with no trailing spaces (pandoc) the same way", () => {
    const wrapped = [
      "Last winter our grocery app's search timed out for one shopper in",
      "ten at the Saturday peak. I owned search, so getting it under one",
      "in a hundred before the spring sale was on me. I profiled the",
      "slowest queries, moved the synonym lookup into memory and capped",
      "each query at 300 ms. Search timeouts fell from 10% to 0.4% within",
      "two weeks, and basket sizes on Saturdays rose by 6%.",
    ].join("\n");
    const critique = critiqueAnswer(QUESTION, wrapped);
    expect(heard(critique.star.action.spans)).toEqual([ACTION]);
    expect(heard(critique.star.result.spans)).toEqual([RESULT]);
    expect(critique.metrics).toContain("from 10% to 0.4%");
    expect(critique.score).toBe(critiqueAnswer(QUESTION, ONE_LINE).score);
  });

  it("still takes each labelled line and list item of a labelled answer on its own", () => {
    const answer = [
      "Situation: our grocery app's search timed out for one shopper in ten",
      "at the Saturday peak.",
      "Action:",
      "- I profiled the slowest queries",
      "- I capped each query at 300 ms",
      "Result: search timeouts fell from 10% to 0.4% within two weeks.",
    ].join("\n");
    const critique = critiqueAnswer(QUESTION, answer);
    expect(heard(critique.star.situation.spans)).toEqual(["our grocery app's search timed out for one shopper in ten at the Saturday peak."]);
    expect(heard(critique.star.action.spans)).toEqual(["- I profiled the slowest queries", "- I capped each query at 300 ms"]);
    expect(heard(critique.star.result.spans)).toEqual(["search timeouts fell from 10% to 0.4% within two weeks."]);
  });
});
