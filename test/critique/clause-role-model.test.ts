import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";
import { CLAUSE_ROLE_MODEL_FILE, MODEL_ROLES, predictClauseRoles, readSentenceRoles } from "../../src/star/role-model/index.js";
import { retrainToCompare } from "../support/retrain-to-compare.js";

const likeliest = (text: string, position: number) => [...predictClauseRoles(text, position)].sort((a, b) => b[1] - a[1])[0]![0];

describe("the learned clause-role model", () => {
  it("the committed model file is what the training script produces from the current data", () => {
    const { committed, retrained } = retrainToCompare("scripts/train-clause-roles.ts", "COACH_ROLE_MODEL_OUT", CLAUSE_ROLE_MODEL_FILE);
    expect(retrained, "run npm run train:roles and commit the model").toBe(committed);
  });

  it("is trained on enough labelled sentences of every role", () => {
    const sentences = readSentenceRoles().flatMap((answer) => answer.sentences);
    expect(sentences.length).toBeGreaterThanOrEqual(1000);
    for (const role of MODEL_ROLES) expect(sentences.filter((sentence) => sentence.roles.includes(role)).length, role).toBeGreaterThanOrEqual(50);
  });

  // Sentences written for this test, not taken from the training data.
  it.each([
    ["I was a nurse on a busy surgical ward at a city hospital.", 0.05, "situation"],
    ["My job was to get the new rota agreed before the winter rush.", 0.2, "task"],
    ["I rewrote the billing job in Go and moved it onto a queue.", 0.5, "action"],
    ["The clinic's waiting time fell from 40 minutes to 15.", 0.9, "result"],
    ["Since then I always check the retry settings before I give an estimate.", 0.9, "lesson"],
    ["So yeah, that's about it.", 0.95, "none"],
  ])("reads %j as %s", (text, position, role) => {
    expect(likeliest(text, position)).toBe(role);
  });
});

describe("critique with the learned roles", () => {
  it("effort talk in place of steps is a missing action; the same answer with steps has one", () => {
    const setup = "I was the only account manager for our largest hotel client, and they were about to move to a competitor. My goal was to keep them.";
    const effort = critiqueAnswer("Tell me about a time you saved a customer.", `${setup} I put in long hours and kept pushing. In the end they renewed for two more years.`);
    expect(effort.star.action.present).toBe(false);
    expect(effort.issues.map((issue) => issue.code)).toContain("MISSING_ACTION");
    const steps = critiqueAnswer("Tell me about a time you saved a customer.", `${setup} I flew out to meet their operations director, rebuilt their booking report, and set up a weekly call. In the end they renewed for two more years.`);
    expect(steps.star.action.present).toBe(true);
    expect(steps.star.action.spans.map((span) => span.text).join(" ")).toContain("rebuilt their booking report");
  });

  it("a hypothetical answer is not a story and gets no STAR part credited", () => {
    const critique = critiqueAnswer("Tell me about a time you disagreed with your manager.", "I would ask for a one-on-one first. Then I'd bring data rather than opinions, and if we still disagreed I would commit to the decision.");
    expect(critique.notAStory).toBe(true);
    for (const part of ["situation", "task", "action", "result"] as const) expect(critique.star[part].present, part).toBe(false);
    // Nothing credited is nothing's share either (the JSON said present: false with a share of 0.27).
    const habits = critiqueAnswer("Tell me about a time you had to juggle priorities.", "I usually start my week by reviewing the backlog with my lead. My job is to keep the release train on time, so I always check the blockers first. I tend to pair with whoever is stuck.");
    expect(habits.notAStory).toBe(true);
    for (const part of ["situation", "task", "action", "result", "lesson"] as const) expect(habits.star[part], part).toMatchObject({ present: false, share: 0, spans: [] });
  });


  it("an answer made of opinions with no STAR role is not a story, even without 'I always' or 'I would'", () => {
    const opinions = critiqueAnswer("Tell me about a time you helped an upset customer.", "Honestly, communication is everything with customers. Keeping them informed matters more than speed. Good support people listen first and fix second, and that is what upset people remember.");
    expect(opinions.notAStory).toBe(true);
    expect(opinions.issues[0]!.code).toBe("NOT_A_STORY");
    const story = critiqueAnswer("Tell me about a time you helped an upset customer.", "Last spring a bakery owner called us furious because her card reader had charged customers twice. I refunded every duplicate charge that afternoon, called her back each day that week, and she renewed her contract in June.");
    expect(story.notAStory).toBe(false);
    expect(story.star.action.present).toBe(true);
    expect(story.star.action.spans[0]!.text).toContain("I refunded every duplicate charge");
  });
});
