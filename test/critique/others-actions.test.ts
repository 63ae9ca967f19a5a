import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";

// The contract's weHeavy: "we" outnumbers "I" in the actions, "or no action is attributed to the speaker". An answer whose
// steps are all a colleague's, by a speaker who never says "I", was given no ownership issue at all.
const QUESTION = "Tell me about a time you fixed a problem.";
const SETUP = "Last spring the nightly billing job was failing and finance was angry.";
const RESULT = "Failures dropped from 12 a month to zero.";

describe("an answer whose actions are all someone else's", () => {
  it("is told that none of the actions is the speaker's, and asked for their own part", () => {
    const critique = critiqueAnswer(QUESTION, `${SETUP} Priya rolled it back, pulled the logs, traced the schema change and fixed it in an hour. ${RESULT}`);
    expect(critique.star.action.present).toBe(true);
    expect(critique.ownership).toEqual({ i: 0, we: 0, weHeavy: true });
    const issue = critique.issues.find((candidate) => candidate.code === "WE_HEAVY");
    expect(issue?.severity).toBe("high");
    expect(issue?.message).toMatch(/^The actions are told as what others did/);
    expect(issue?.message).not.toMatch(/told as "we"/);
    expect(critique.followUps).toContain("What was your own part in it: what did you decide or do yourself?");
  });

  it("is not flagged once the speaker tells a step of their own", () => {
    const critique = critiqueAnswer(QUESTION, `${SETUP} Priya rolled it back and pulled the logs. Then I traced the schema change and fixed it in an hour. ${RESULT}`);
    expect(critique.ownership.weHeavy).toBe(false);
    expect(critique.issues.map((candidate) => candidate.code)).not.toContain("WE_HEAVY");
  });
});
