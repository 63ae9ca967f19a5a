import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBank } from "../../src/bank/index.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { createInMemoryMatcher } from "../../src/retrieval/index.js";
import { FIT_FEATURES, fitLevel, STORY_FIT_FILE, withFitFloor, type StoryFitModel } from "../../src/retrieval/fit/index.js";
import { withInferredPrinciples } from "../../src/understanding/index.js";
import { retrainToCompare } from "../support/retrain-to-compare.js";
import { PROJECT_ROOT, SAMPLE_BANK } from "../support/run-coach.js";

const THREE_STORIES = path.join(PROJECT_ROOT, "test/fixtures/three-stories.md");

// A model that reads only the first feature (the theme crosses): 0 gives a chance of 0.5.
const handMade: StoryFitModel = {
  version: 1,
  trainedOn: "test",
  features: [...FIT_FEATURES],
  mean: FIT_FEATURES.map(() => 0),
  scale: FIT_FEATURES.map(() => 1),
  weights: FIT_FEATURES.map((_, at) => (at === 0 ? 1 : 0)),
  bias: 0,
  thresholds: { stretch: 0.2, strong: 0.8 },
};
const values = (cross: number, shown: 0 | 1, lacking: 0 | 1) => [cross, 0, 0, shown, lacking, 0, 0];

describe("story fit levels", () => {
  it("the committed model file is what the training script produces from the current data", () => {
    const { committed, retrained } = retrainToCompare("scripts/train-story-fit.ts", "COACH_FIT_MODEL_OUT", STORY_FIT_FILE);
    expect(retrained, "run npm run train:fit and commit the model").toBe(committed);
  }, 300_000);

  it("reads the model's chance against its thresholds", () => {
    expect(fitLevel(handMade, values(3, 0, 0))).toBe("strong");
    expect(fitLevel(handMade, values(0, 0, 0))).toBe("workable");
    expect(fitLevel(handMade, values(-3, 0, 0))).toBe("stretch");
  });

  it("keeps the level within what the explanation says: a quoted line of the theme is never a stretch, no such line never strong", () => {
    expect(fitLevel(handMade, values(-3, 1, 0))).toBe("workable");
    expect(fitLevel(handMade, values(3, 0, 1))).toBe("workable");
  });

  it("raises a stretch to workable only for the user's own filing or a quantified success, and lowers nothing", () => {
    const none = { filedUnderAskedPrinciple: false, successAsked: false, storyIsSetback: false, resultHasFigure: false };
    expect(withFitFloor("stretch", none)).toBe("stretch");
    expect(withFitFloor("stretch", { ...none, filedUnderAskedPrinciple: true })).toBe("workable");
    expect(withFitFloor("stretch", { ...none, successAsked: true, resultHasFigure: true })).toBe("workable");
    // A success question with a figure missing, or a setback's figure ("well short of 18%"), stays a stretch.
    expect(withFitFloor("stretch", { ...none, successAsked: true })).toBe("stretch");
    expect(withFitFloor("stretch", { ...none, successAsked: true, resultHasFigure: true, storyIsSetback: true })).toBe("stretch");
    expect(withFitFloor("stretch", { ...none, resultHasFigure: true })).toBe("stretch");
    expect(withFitFloor("strong", { ...none, filedUnderAskedPrinciple: true })).toBe("strong");
  });

  it("says so when no story fits, and not when one plainly does", async () => {
    // Three stories, read by hand: mentoring an analyst, rolling back a deploy that broke checkout, cutting a cloud bill.
    const matcher = await createInMemoryMatcher(withInferredPrinciples((await loadBank([THREE_STORIES])).stories), new InterviewEmbedder());
    for (const question of ["Tell me about a time you negotiated a contract with a supplier.", "Tell me about a time you disagreed with your manager."]) {
      const none = await matcher.match(question);
      expect(none.matches.map((match) => match.fit)).toEqual(["stretch", "stretch", "stretch"]);
      expect(none.notices.map((notice) => notice.code)).toContain("NO_CLEAR_FIT");
    }
    const mentored = await matcher.match("Tell me about a time you mentored someone.");
    expect(mentored.matches[0]).toMatchObject({ title: "Mentored a new analyst", fit: "strong" });
    expect(mentored.notices.map((notice) => notice.code)).not.toContain("NO_CLEAR_FIT");
    const saved = await matcher.match("Tell me about a time you saved money.");
    expect(saved.matches[0]).toMatchObject({ title: "Cut the cloud bill", fit: "strong" });
    // Asked for a success, a result with a figure shows one ("back in 12 minutes", "fell to $17k"): not a stretch (audit).
    const proudest = await matcher.match("Proudest achievement?");
    const fitOf = (title: string) => proudest.matches.find((match) => match.title === title)?.fit;
    expect([fitOf("Fixed the checkout outage"), fitOf("Cut the cloud bill")]).not.toContain("stretch");
    expect(proudest.matches[0]!.fit).not.toBe("stretch");
    expect(proudest.notices.map((notice) => notice.code)).not.toContain("NO_CLEAR_FIT");
  });

  it("puts a stretch among the first three after the stories that fit, and k does not change the first", async () => {
    const matcher = await createInMemoryMatcher(withInferredPrinciples((await loadBank([SAMPLE_BANK])).stories), new InterviewEmbedder());
    // The sample bank has no story of a reorganisation: the ranking puts its disagreement story first, a stretch here.
    const question = "Tell me about a time you led a team through a reorganisation.";
    const plain = await matcher.match(question, { k: 3, fit: false });
    const fitted = await matcher.match(question, { k: 3 });
    expect(plain.matches.every((match) => match.fit === undefined)).toBe(true);
    expect(plain.matches[0]!.title).toMatch(/strongly disagreed/);
    expect(fitted.matches.map((match) => match.id)).not.toEqual(plain.matches.map((match) => match.id));
    expect(fitted.matches.find((match) => /strongly disagreed/.test(match.title))!.fit).toBe("stretch");
    const fits = fitted.matches.map((match) => match.fit);
    expect(fits[0]).not.toBe("stretch");
    expect(fits.slice(fits.indexOf("stretch"))).toEqual(fits.slice(fits.indexOf("stretch")).map(() => "stretch"));
    // The same three stories, the stretches after, each group in the ranking's order.
    expect(new Set(fitted.matches.map((match) => match.id))).toEqual(new Set(plain.matches.map((match) => match.id)));
    const rank = (id: string) => plain.matches.findIndex((match) => match.id === id);
    const stretches = fitted.matches.filter((match) => match.fit === "stretch").map((match) => rank(match.id));
    expect(stretches).toEqual([...stretches].sort((a, b) => a - b));
    expect((await matcher.match(question, { k: 1 })).matches[0]!.id).toBe(fitted.matches[0]!.id);
  });

  it("gives no fit where the question asks for no story, or the signals are not all fused", async () => {
    const matcher = await createInMemoryMatcher(withInferredPrinciples((await loadBank([SAMPLE_BANK])).stories), new InterviewEmbedder());
    expect((await matcher.match("Why do you want to work at Amazon?")).matches.every((match) => match.fit === undefined)).toBe(true);
    const lexical = await matcher.match("Give me an example of someone you mentored.", { signals: ["lexical"] });
    expect(lexical.matches[0]!.fit).toBeUndefined();
  });
});
