import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";
import { FOLLOW_UP_BY_ISSUE, followUpFor } from "../../src/critique/follow-ups.js";

// A story with steps and no outcome, asked for as a failure and as a success.
const NO_OUTCOME = "Last spring I ran the migration of our billing database to the new cluster. I wrote the runbook, scheduled the cut-over for a Friday night and skipped the rehearsal to save a day.";

describe("the follow-up to a failure story with no result", () => {
  it("asks what happened in the end, what it cost and how it was put right, not how the speaker knew it had worked", () => {
    const critique = critiqueAnswer("Tell me about a time you failed.", NO_OUTCOME);
    expect(critique.issues.map((issue) => issue.code)).toContain("MISSING_RESULT");
    expect(critique.followUps).toContain("What happened in the end, and what did it cost? How was it put right?");
    expect(critique.followUps.join(" ")).not.toMatch(/had worked/);
  });

  it("still asks a question about a success how the speaker knew it had worked", () => {
    const critique = critiqueAnswer("Tell me about a time you improved a process.", NO_OUTCOME);
    expect(critique.issues.map((issue) => issue.code)).toContain("MISSING_RESULT");
    expect(critique.followUps).toContain(FOLLOW_UP_BY_ISSUE.MISSING_RESULT);
  });

  it("asks a failure story for its cost, not a speed-up, when its outcome has no figure", () => {
    expect(followUpFor("NOT_QUANTIFIED", 0, { failure: true })).toMatch(/what it cost/);
    expect(followUpFor("NOT_QUANTIFIED", 0)).toBe(FOLLOW_UP_BY_ISSUE.NOT_QUANTIFIED);
    // Gaps with nothing of success in them are asked the same way.
    expect(followUpFor("MISSING_ACTION", 0, { failure: true })).toBe(FOLLOW_UP_BY_ISSUE.MISSING_ACTION);
  });
});
