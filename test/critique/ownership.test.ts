import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";

const codes = (critique: ReturnType<typeof critiqueAnswer>) => critique.issues.map((issue) => issue.code);
const texts = (spans: Array<{ text: string }>) => spans.map((span) => span.text);

describe("the speaker's actions and weHeavy", () => {
  it("hears a hyphenated verb as something the speaker did, and counts I and we in that action", () => {
    const answer = "At Acme in 2022 I owned the Q3 launch and we missed the date by two weeks. I re-planned the work and cut scope. We shipped in October and customers adopted it.";
    const critique = critiqueAnswer("Tell me about a time you missed a goal", answer);
    expect(texts(critique.star.action.spans)).toEqual(["I re-planned the work and cut scope."]);
    expect(codes(critique)).not.toContain("MISSING_ACTION");
    // One "I" and no "we" in the action sentence; the "we" of the setup and the outcome do not count.
    expect(critique.ownership).toEqual({ i: 1, we: 0, weHeavy: false });
  });

  it.each([
    "I re-ran every failed batch by hand and re-wrote the retry logic.",
    "I load-tested the fix against a copy of production.",
    "I co-led the review with the finance team.",
    "I double-checked every invoice against the ledger.",
    "I hand-wrote a migration for the broken rows.",
    "I quickly hard-coded a fallback for the broken rows.",
  ])("finds %j as the action", (action) => {
    const answer = `Last spring our nightly billing job at Acme kept failing and finance was waiting on it. ${action} The job has not failed since.`;
    const critique = critiqueAnswer("Tell me about a time you fixed something.", answer);
    expect(texts(critique.star.action.spans)).toEqual([action]);
    expect(critique.ownership).toEqual({ i: 1, we: 0, weHeavy: false });
  });

  it("with no action part, is we-heavy when nothing is told as the speaker's doing (the contract)", () => {
    // No "I" anywhere: the fix is told in the passive and credited to another group.
    const answer = "My team's deploys kept failing at Acme last spring. The scripts were rewritten and the builds were moved to bigger machines by the platform group. Failures fell from 30% to 2%.";
    const critique = critiqueAnswer("Tell me about a time you improved a process.", answer);
    expect(critique.star.action.present).toBe(false);
    expect(critique.ownership.weHeavy).toBe(true);
    const issue = critique.issues.find((entry) => entry.code === "WE_HEAVY");
    // There are no actions to be "told as we": the message says what is missing instead.
    expect(issue?.message).toMatch(/Nothing is told as something you did/);
  });

  it("with no action part, a first-person answer that names no steps is missing its action, not we-heavy", () => {
    // "We" outnumbers "I" six to one over the whole answer, but the speaker says "I": as the labelled drafts read it, the gap is the action.
    const answer = "I was the lead on our payments team at Acme when our provider shut down its API and we had six weeks to move. We were under a lot of pressure. It was a difficult project, but we got there and we launched on time.";
    const critique = critiqueAnswer("Tell me about a time you delivered under pressure.", answer);
    expect(critique.star.action.present).toBe(false);
    expect(codes(critique)).toContain("MISSING_ACTION");
    expect(critique.ownership.weHeavy).toBe(false);
    expect(codes(critique)).not.toContain("WE_HEAVY");
  });

  it("counts steps told without the \"I\" (\"Gathered...\", \"Set up...\") as the speaker's, so one \"our\" among them is not we-heavy", () => {
    const answer = [
      "Situation: At a lending startup, our risk models took 33 hours to refresh.",
      "Task: I wanted to show the data science team a faster way.",
      "Action:",
      "- Gathered run-time metrics from our existing batch jobs.",
      "- Set up a small proof of concept on Spark.",
      "- Demonstrated the speed-up to the data science team.",
      "- Collaborated with them to move the pipeline to production.",
      "Result: The refresh dropped from 33 hours to 10 hours.",
    ].join("\n");
    const critique = critiqueAnswer("Give me an example of when you anticipated a customer need.", answer);
    expect(critique.star.action.spans).toHaveLength(4);
    // Four note-style steps are four times "I"; the one "our" is the batch jobs'.
    expect(critique.ownership).toEqual({ i: 4, we: 1, weHeavy: false });
    expect(codes(critique)).not.toContain("WE_HEAVY");
  });

  it("keeps WE_HEAVY for the same steps told as \"we\"", () => {
    const answer = [
      "Situation: At a lending startup, our risk models took 33 hours to refresh.",
      "Task: We wanted to show the data science team a faster way.",
      "Action:",
      "- We gathered run-time metrics from our existing batch jobs.",
      "- We set up a small proof of concept on Spark.",
      "- We demonstrated the speed-up to the data science team.",
      "- We collaborated with them to move the pipeline to production.",
      "Result: The refresh dropped from 33 hours to 10 hours.",
    ].join("\n");
    const critique = critiqueAnswer("Give me an example of when you anticipated a customer need.", answer);
    expect(critique.ownership).toEqual({ i: 0, we: 5, weHeavy: true });
    expect(codes(critique)).toContain("WE_HEAVY");
  });

  it("does not take the later steps of a \"we\" sentence (\"We rewrote...; added...; moved...\") for the speaker's", () => {
    const answer = "When our release pipeline kept failing, we met as a team to decide what to do. We rewrote the deploy scripts; added retries; moved builds to bigger machines. Our failure rate dropped from 30% to 2%.";
    const critique = critiqueAnswer("Tell me about a time you improved a process.", answer);
    expect(critique.star.action.spans.map((span) => span.text)).toEqual(["We rewrote the deploy scripts", "added retries", "moved builds to bigger machines."]);
    expect(critique.ownership).toEqual({ i: 0, we: 1, weHeavy: true });
  });
});
