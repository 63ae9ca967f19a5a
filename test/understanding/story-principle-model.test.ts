import { describe, expect, it } from "vitest";
import { bankPrincipleMeans, loadTaxonomy, profileText, storyPrincipleFeatures, STORY_PRINCIPLE_MODEL_FILE } from "../../src/understanding/index.js";
import { retrainToCompare } from "../support/retrain-to-compare.js";

describe("the learned story-principle model", () => {
  it("judges a story's principles against its bank's average", () => {
    const frugal = profileText("I cut the cloud bill by 38% by rightsizing databases and moving batch jobs to spot instances.", "story");
    const plain = profileText("I wrote the runbook and fixed the alerts.", "story");
    const means = bankPrincipleMeans([frugal, plain]);
    // The mean is the average over the bank's profiles (a principle a profile lacks counts as 0).
    expect(means.get("Frugality")).toBeCloseTo(((frugal.principles.get("Frugality") ?? 0) + (plain.principles.get("Frugality") ?? 0)) / 2, 10);
    const features = storyPrincipleFeatures({ title: "Cut the cloud bill", body: "I cut the cloud bill by 38%.", profile: frugal, bankMeans: means, taxonomy: loadTaxonomy() });
    expect(features).toContain("w:cloud");
    expect(features).toContain("w:bill");
    // Stop words and one-letter words are not features.
    expect(features).not.toContain("w:the");
    expect(features).not.toContain("w:i");
    // The principle leading the story relative to its bank is a feature of its own.
    expect(features.filter((feature) => feature.startsWith("rel0:"))).toHaveLength(1);
  });

  it("the committed model file is what the training script produces from the current banks", () => {
    const { committed, retrained } = retrainToCompare("scripts/train-story-principles.ts", "COACH_PRINCIPLE_MODEL_OUT", STORY_PRINCIPLE_MODEL_FILE);
    expect(retrained, "run npm run train:principles and commit the model").toBe(committed);
  }, 120_000);
});
