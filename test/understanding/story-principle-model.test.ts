import { describe, expect, it } from "vitest";
import { parseBankFiles } from "../../src/bank/index.js";
import { loadTaxonomy, profileText, storyPrincipleFeatures, STORY_PRINCIPLE_MODEL_FILE, withInferredPrinciples } from "../../src/understanding/index.js";
import { bankPrincipleMeans, principleMeansByFile } from "../../src/understanding/story-principle-model/index.js";
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

  it("gives a placeholder story no principle: the model's prior is no evidence", () => {
    const bank = JSON.stringify({
      stories: [
        { title: "Cut the cloud bill", text: "Our AWS bill grew 30%. I rightsized databases and moved batch jobs to spot instances, cutting the bill by 38%." },
        { title: "Placeholder", text: "n/a" },
        { title: "Zzz", text: "Lorem ipsum dolor sit amet." },
      ],
    });
    const stories = withInferredPrinciples(parseBankFiles([{ path: "bank.json", bytes: Buffer.from(bank), sha256: "x" }]).stories);
    const byTitle = (title: string) => stories.find((story) => story.title === title)!;
    expect(byTitle("Cut the cloud bill").principles[0]).toBe("Frugality");
    for (const title of ["Placeholder", "Zzz"]) {
      expect(byTitle(title).principles).toEqual([]);
      expect(byTitle(title).principleSource).toBe("none");
    }
  });

  it("judges each story against the means of its own file when the file is big enough, else of all the stories", () => {
    const profile = (text: string) => profileText(text, "story");
    const cost = profile("I cut the cloud bill by 38%.");
    const plain = profile("I wrote the runbook.");
    const files = ["a.md", "a.md", "a.md", "a.md", "a.md", "b.md"];
    const profiles = [cost, cost, cost, cost, cost, plain];
    const means = principleMeansByFile(files, profiles);
    // a.md has five stories: its own mean. b.md has one: the mean over all six.
    expect(means[0]!.get("Frugality")).toBeCloseTo(cost.principles.get("Frugality") ?? 0, 10);
    expect(means[5]!.get("Frugality")).toBeCloseTo(((cost.principles.get("Frugality") ?? 0) * 5 + (plain.principles.get("Frugality") ?? 0)) / 6, 10);
  });

  it("the committed model file is what the training script produces from the current banks", () => {
    const { committed, retrained } = retrainToCompare("scripts/train-story-principles.ts", "COACH_PRINCIPLE_MODEL_OUT", STORY_PRINCIPLE_MODEL_FILE);
    expect(retrained, "run npm run train:principles and commit the model").toBe(committed);
  }, 120_000);
});
