import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";
import { readClauses } from "../../src/star/index.js";

// A user audit: one honest sentence after the outcome of a failure story made its result disappear.
const QUESTION = "Tell me about a time you failed.";
const STORY =
  "In my first month as a project coordinator I was asked to organise the launch event for our new product. I booked the venue, sent the invitations and arranged the catering. " +
  "I forgot to confirm the AV equipment with the venue, and on the day the projector did not work, so the demo had to be done on a laptop screen that half the room could not see.";
const OUTCOME = "so the demo had to be done on a laptop screen that half the room could not see.";
const codes = (answer: string) => critiqueAnswer(QUESTION, answer).issues.map((issue) => issue.code);
const resultOf = (answer: string) => critiqueAnswer(QUESTION, answer).star.result.spans.map((span) => span.text);

describe("a closing step told after the outcome", () => {
  it("leaves the outcome as the result when an apology follows it", () => {
    const answer = `${STORY} Afterwards, I apologised to my manager.`;
    expect(resultOf(answer)).toEqual([OUTCOME]);
    expect(codes(answer)).not.toContain("NUMBERS_ONLY_IN_SETUP");
    expect(codes(answer)).not.toContain("MISSING_RESULT");
  });

  it("leaves the outcome as the result when the apology goes on to put things right", () => {
    const answer = `${STORY} Afterwards, I apologised to my manager and paid for a replacement projector rental for the next event out of the team budget.`;
    const critique = critiqueAnswer(QUESTION, answer);
    expect(critique.star.result.spans.map((span) => span.text)).toEqual([OUTCOME]);
    expect(critique.star.action.spans.map((span) => span.text)).toContain("Afterwards, I apologised to my manager and paid for a replacement projector rental for the next event out of the team budget.");
    expect(codes(answer)).not.toContain("MISSING_RESULT");
    // The same story without the closing sentence scores 65 (capped by the missing lesson): the honest sentence costs nothing.
    expect(critique.score).toBe(critiqueAnswer(QUESTION, STORY).score);
  });

  it("reads 'half the room could not see' as the outcome's figure, not the setup's", () => {
    const critique = critiqueAnswer(QUESTION, `${STORY} Afterwards, I apologised to my manager.`);
    expect(critique.quantified).toBe(true);
    expect(critique.metrics.join(" ")).toMatch(/half/);
  });

  it("keeps a lone 'Afterwards,' in the clause it opens rather than as a clause of its own", () => {
    const texts = readClauses(`${STORY} Afterwards, I apologised to my manager.`).map((clause) => clause.text);
    expect(texts).toContain("Afterwards, I apologised to my manager.");
    expect(texts).not.toContain("Afterwards");
  });

  it("still reads a step of the speaker's own opening with 'so' as a step, not as what came of the one before", () => {
    const roles = (answer: string) => readClauses(answer).map((clause) => [clause.text, clause.roles]);
    expect(roles("I missed the handover note, so I called the night team myself.")).toContainEqual(["so I called the night team myself.", ["action"]]);
  });
});
