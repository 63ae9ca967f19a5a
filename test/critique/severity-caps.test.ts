import { describe, expect, it } from "vitest";
import { critiqueAnswer, scoreOf } from "../../src/critique/index.js";

// The parts weighed with no issue to cap them: what the answer would score without the rule.
const weighted = (breakdown: Parameters<typeof scoreOf>[0]) => scoreOf(breakdown, []);

const FAILURE_WITHOUT_LESSON =
  "Two years ago I promised our sales team a partner integration in three weeks. I owned the integration end to end. I skipped a design review to save time and built against the partner's sandbox, which turned out to behave differently from their production API. I had to rebuild the sync layer after launch, and the integration went live six weeks late, which cost us a renewal worth $80,000.";

describe("the score of an answer with a high-severity gap", () => {
  it("is at most 65: a polished failure story with no lesson no longer outscores complete answers", () => {
    const critique = critiqueAnswer("Tell me about a time you failed.", FAILURE_WITHOUT_LESSON);
    expect(critique.issues.filter((issue) => issue.severity === "high").map((issue) => issue.code)).toEqual(["MISSING_LESSON"]);
    // Weighed alone, its parts are all there and its result has a figure: it would pass.
    expect(weighted(critique.breakdown)).toBeGreaterThan(65);
    expect(critique.score).toBe(65);
  });

  it("is at most 50 with two high-severity gaps", () => {
    // The failure story told up to the rework: no outcome, no lesson.
    const answer =
      "Two years ago I promised our sales team a partner integration in three weeks, because a large customer was waiting on it before they would sign. I owned the integration end to end, from the design to the rollout, and I was the only engineer on it. I skipped a design review to save time and built the sync layer against the partner's sandbox, which I assumed behaved like their production service. Then I found that their production API paged its results differently, so I rewrote the sync layer, added contract tests against production, and walked the sales lead and the customer's engineers through the new plan and the new date, week by week.";
    const critique = critiqueAnswer("Tell me about a time you failed.", answer);
    expect(critique.issues.filter((issue) => issue.severity === "high").map((issue) => issue.code).sort()).toEqual(["MISSING_LESSON", "MISSING_RESULT"]);
    expect(weighted(critique.breakdown)).toBeGreaterThan(50);
    expect(critique.score).toBe(50);
  });

  it("leaves the weighed score alone when no gap is high-severity", () => {
    const complete = `${FAILURE_WITHOUT_LESSON} What I learned: I now run a design review against the partner's production API before I commit to a date, and I have kept every date since.`;
    const critique = critiqueAnswer("Tell me about a time you failed.", complete);
    expect(critique.issues.filter((issue) => issue.severity === "high")).toEqual([]);
    expect(critique.score).toBe(weighted(critique.breakdown));
    expect(critique.score).toBeGreaterThan(65);
  });
});
