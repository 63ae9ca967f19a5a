import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";
import { readClauses } from "../../src/star/index.js";

const QUESTION = "Tell me about a time you failed.";
const rolesOf = (answer: string) => readClauses(answer).map((clause) => [clause.text, clause.roles]);

describe("a bare admission", () => {
  it("is no step: 'I failed.' alone credits no action and no ownership", () => {
    const critique = critiqueAnswer(QUESTION, "I failed.");
    expect(critique.star.action.present).toBe(false);
    expect(critique.breakdown.ownership).toBe(0.5);
    expect(critique.issues.map((issue) => issue.code)).toContain("NOT_A_STORY");
  });

  it("scores below a line that tells a step, however short", () => {
    const admission = critiqueAnswer(QUESTION, "I failed.").score;
    const step = critiqueAnswer(QUESTION, "I broke prod and rolled back in 5 minutes.").score;
    expect(admission).toBeLessThan(step);
    expect(critiqueAnswer(QUESTION, "We dropped the ball.").star.action.present).toBe(false);
    expect(critiqueAnswer(QUESTION, "Honestly, I messed up.").star.action.present).toBe(false);
  });

  it("is how it went when it follows a step", () => {
    expect(rolesOf("I tried to persuade the VP to delay the launch. I failed.")).toEqual([
      ["I tried to persuade the VP to delay the launch.", ["action"]],
      ["I failed.", ["result"]],
    ]);
  });

  it("leaves an admission that names what was done to the model: 'I failed to confirm the AV booking' is a step gone wrong", () => {
    expect(rolesOf("I failed to confirm the AV booking.")[0]![1]).not.toEqual([]);
  });
});
