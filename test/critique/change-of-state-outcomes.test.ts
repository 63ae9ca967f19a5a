import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";
import { readClauses } from "../../src/star/index.js";

const QUESTION = "Tell me about a time you improved a process.";
const codes = (critique: ReturnType<typeof critiqueAnswer>) => critique.issues.map((issue) => issue.code);

// Audit (session 19): "We rolled it out over two weeks and we got deploys down to 25 minutes" was read as a step
// only, so the answer's one outcome figure counted as setup (NUMBERS_ONLY_IN_SETUP, quantified false). A change of
// state told after the step ("got X down to Y", "brought X down to Y"), even with its maker named again, is the outcome.
describe("a change of state told after the steps", () => {
  it("is the result, and its figure quantifies it", () => {
    // Hand-checked: the last-but-one sentence is the only outcome with a figure; "our lead was pleased" is vague.
    const answer =
      "Our release checklist took a whole afternoon. We split the smoke tests across six machines. We also dropped unused build steps. We rolled it out over a month and we got releases down to 40 minutes. Our lead was pleased.";
    const critique = critiqueAnswer(QUESTION, answer);
    expect(critique.star.result.spans.map((span) => span.text)).toContain("We rolled it out over a month and we got releases down to 40 minutes.");
    expect(critique.quantified).toBe(true);
    expect(critique.metrics).toContain("40 minutes");
    expect(codes(critique)).not.toContain("NUMBERS_ONLY_IN_SETUP");
    expect(codes(critique)).not.toContain("NOT_QUANTIFIED");
  });

  it("reads 'and I brought X down to Y' and 'and we got X up to Y' as the step and its outcome", () => {
    for (const sentence of ["Then I rewrote the retry logic, and I brought the error rate down to 0.4%.", "We added a second on-call rota and we got coverage up to 95%."]) {
      const clauses = readClauses(`Pages were waking people every night. I mapped every alert to an owner. ${sentence}`);
      expect(clauses.at(-1)!.roles, sentence).toEqual(["action", "result"]);
    }
  });

  it("does not take a step that merely got something for the outcome", () => {
    const clauses = readClauses("Pages were waking people every night. I mapped every alert to an owner. Then I got sign-off from 3 team leads.");
    expect(clauses.at(-1)!.roles).not.toContain("result");
  });
});
