import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";

const codes = (critique: ReturnType<typeof critiqueAnswer>) => critique.issues.map((issue) => issue.code);

describe("a count of people in the result is a measured outcome; a team's size is not", () => {
  it("credits a team grown to 5 engineers as the result's figure", () => {
    const answer =
      "I was the only senior engineer on a small platform team and we kept losing people. My goal was to grow a team that could run the platform without me. I wrote a hiring rubric, ran every interview loop and paired with each new hire for their first month. Within a year we grew the team to 5 engineers, and I went on holiday for two weeks without a single page.";
    const critique = critiqueAnswer("Tell me about a time you developed people on your team.", answer);
    expect(critique.star.result.spans.map((span) => span.text)).toEqual(["Within a year we grew the team to 5 engineers, and I went on holiday for two weeks without a single page."]);
    expect(critique.quantified).toBe(true);
    expect(critique.metrics).toEqual(["5 engineers"]);
    expect(codes(critique)).not.toContain("NOT_QUANTIFIED");
  });

  it("does not take the size of the team that did the work for the result's figure", () => {
    const answer =
      "Our billing migration had slipped twice and finance needed it before the audit. I owned the cut-over plan. I split the work into daily milestones, took the riskiest table myself and ran a dry run every night. In the end our team of 12 engineers finished the migration a week before the audit.";
    const critique = critiqueAnswer("Tell me about a time you delivered under pressure.", answer);
    expect(critique.star.result.spans.map((span) => span.text)).toEqual(["In the end our team of 12 engineers finished the migration a week before the audit."]);
    expect(critique.quantified).toBe(false);
    expect(critique.metrics).toEqual([]);
  });

  it("does not tell the speaker to move a team's size from the situation into the result", () => {
    const answer =
      "I led a team of 5 engineers that owned our checkout service, and it kept timing out at peak. It was on me to fix it before the holiday sale. I profiled the slow requests, found a missing index and added it. The timeouts stopped and the sale went smoothly.";
    const critique = critiqueAnswer("Tell me about a time you solved a hard problem.", answer);
    expect(critique.quantified).toBe(false);
    expect(codes(critique)).toContain("NOT_QUANTIFIED");
    expect(codes(critique)).not.toContain("NUMBERS_ONLY_IN_SETUP");
  });
});

describe("a company named by a figure is no number of the story's", () => {
  it("does not read \"I worked at 3M\" as a figure in the setup", () => {
    const answer =
      "I worked at 3M as a process engineer, and our line kept stopping for changeovers. I was asked to make changeovers faster. I filmed three changeovers, mapped every step and moved the tool prep to before the line stopped. Changeovers became much quicker and the operators were happy.";
    const critique = critiqueAnswer("Tell me about a time you improved a process.", answer);
    expect(critique.quantified).toBe(false);
    expect(codes(critique)).toContain("NOT_QUANTIFIED");
    expect(codes(critique)).not.toContain("NUMBERS_ONLY_IN_SETUP");
  });

  it("does not read a product's version in the result as its figure", () => {
    const answer =
      "Our build servers ran an operating system that was going out of support. I owned the upgrade. I tested our tools on a spare machine, wrote a rollback script and upgraded one rack a night. By the end of the month every build server ran Windows 11 and nobody lost a build.";
    const critique = critiqueAnswer("Tell me about a time you delivered results.", answer);
    expect(critique.star.result.spans.map((span) => span.text)).toEqual(["By the end of the month every build server ran Windows 11 and nobody lost a build."]);
    expect(critique.quantified).toBe(false);
    expect(critique.metrics).toEqual([]);
  });
});
