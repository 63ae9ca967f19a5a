import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";
import { readClauses } from "../../src/star/index.js";

// Audit: a step that goes on to say what it changed ("I rewrote the paging rules and cut false pages by 60%") was read as
// the action alone, or as nothing, so a short but complete story was told "There is no result" or "not a story".
describe("a step told with the change it made, by a figure", () => {
  const question = "Tell me about a time you took ownership of a problem.";

  it("is the action and the result at once", () => {
    const clauses = readClauses("I rewrote the paging rules myself and cut false pages by 60% in two weeks after our on-call rotation kept failing.");
    expect(clauses.map((clause) => clause.roles)).toEqual([["action", "result"]]);
  });

  it("leaves a short complete story with its result and its steps, not 'not a story' nor asked for the outcome", () => {
    for (const answer of [
      "At my last job our on-call rotation was failing. I rewrote the paging rules and cut false pages by 60% in two weeks. I learned to check alerts weekly.",
      "Our on-call rotation kept failing. I rewrote the paging rules myself and cut false pages by 60% in two weeks.",
      "I broke the build. I fixed it in an hour and cut broken builds by half. I learned to run tests locally.",
    ]) {
      const critique = critiqueAnswer(question, answer);
      expect(critique.notAStory).toBe(false);
      expect(critique.star.action.present).toBe(true);
      expect(critique.star.result.present).toBe(true);
      expect(critique.quantified).toBe(true);
      const codes = critique.issues.map((issue) => issue.code);
      expect(codes).not.toContain("MISSING_RESULT");
      expect(codes).not.toContain("NOT_A_STORY");
      expect(critique.followUps).not.toContain("What was the outcome? How did you know it had worked?");
    }
  });

  it("reads a change told as its new level, a saving or a multiple the same way", () => {
    for (const sentence of ["I cached the dependencies and cut builds to 8 minutes.", "I added retries and halved the error rate."]) {
      expect(readClauses(`Our builds and tests were slow and flaky. ${sentence}`).at(-1)!.roles, sentence).toEqual(["action", "result"]);
    }
  });

  it("does not make a step that narrows the work to a count a result", () => {
    const answer = "I underestimated the cleanup work and told my manager it would take 4 weeks. I kept the team informed weekly, re-planned with the stakeholders and cut scope to the 3 critical objects. We finished in week 9 with zero data loss.";
    const step = readClauses(answer).find((clause) => clause.text.includes("cut scope"))!;
    expect(step.roles).not.toContain("result");
  });

  it("does not make a goal with a figure, or a step with no change, a result", () => {
    expect(readClauses("I needed to cut costs by 30% before the renewal.").flatMap((clause) => clause.roles)).not.toContain("result");
    expect(readClauses("Our API was slow. I profiled it and added 3 indexes to the orders table. Latency fell from 900 ms to 120 ms.").map((clause) => [clause.text, clause.roles])).toContainEqual([
      "I profiled it and added 3 indexes to the orders table.",
      ["action"],
    ]);
  });

  it("does not make a step a result for a figure that is no size of change: a deadline, a method, a file's place, an idiom", () => {
    for (const sentence of [
      "I wrote the migration script, tested it on staging and saved the results in S3.",
      "I reviewed the logs, and saved 2 sample traces for the vendor.",
      "I paused the rollout and doubled down on testing.",
      "I drafted the incident report and raised it with the VP by 9 am.",
      "I fixed the bug and cut a new release by 6 pm.",
      "I profiled the service and improved it by adding 2 indexes.",
    ]) {
      expect(readClauses(`Our nightly exports kept failing. ${sentence}`).at(-1)!.roles, sentence).not.toContain("result");
    }
    // The answer that told only steps is still asked for its outcome (it was told it had one, quantified by "doubled").
    const critique = critiqueAnswer(question, "Our launch slipped twice because the tests were flaky. I paused the rollout and doubled down on testing.");
    expect(critique.star.result.present).toBe(false);
    expect(critique.quantified).toBe(false);
  });

  it("still reads a saving or a change by its size, with a deadline after it", () => {
    for (const sentence of ["I renegotiated the contract and saved the company 120,000 dollars.", "I rewrote the checkout and raised conversion by nearly 4 points by March."]) {
      expect(readClauses(`Our checkout was slow. ${sentence}`).at(-1)!.roles, sentence).toEqual(["action", "result"]);
    }
  });
});

describe("a step followed by the change it made, said of the thing that changed", () => {
  it("is the action and the result at once", () => {
    const clauses = readClauses("I launched the shorter form to every visitor, and sign-ups went up, but the share still paying after a month fell from 38 to 29 percent.");
    expect(clauses.map((clause) => clause.roles)).toEqual([["action", "result"]]);
  });

  it("leaves an opening that sets the scene with a change the situation", () => {
    const answer =
      "I took over the mid-market accounts at a payroll software company in March, and our churn rose from 5 to 8 percent that quarter. My job was to stop it before renewals in June. I called the ten largest customers myself, mapped every complaint to a step of onboarding, and rebuilt the onboarding checklist with the product team. I also set up a monthly check-in call for every new account.";
    expect(readClauses(answer)[0]!.roles).not.toContain("result");
    const critique = critiqueAnswer("Tell me about a time you turned around a difficult situation.", answer);
    expect(critique.star.result.present).toBe(false);
    expect(critique.issues.map((issue) => issue.code)).toContain("MISSING_RESULT");
  });

  it("leaves a step that names a figure but no change alone", () => {
    expect(readClauses("I called the three store managers and the regional lead to walk them through it.").map((clause) => clause.roles)).toEqual([["action"]]);
  });
});
