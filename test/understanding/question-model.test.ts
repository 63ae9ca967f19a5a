import { describe, expect, it } from "vitest";
import { trainNaiveBayes, predictNaiveBayes } from "../../src/understanding/naive-bayes.js";
import { QUESTION_MODEL_FILE } from "../../src/understanding/question-classifier.js";
import { retrainToCompare } from "../support/retrain-to-compare.js";

describe("the learned question classifier", () => {
  it("naive Bayes prefers the label whose training features a question shares (worked by hand)", () => {
    const model = trainNaiveBayes(
      [
        { features: ["w:fail", "w:mistake"], label: "failure" },
        { features: ["w:fail", "w:broke"], label: "failure" },
        { features: ["w:cost", "w:budget"], label: "cost" },
      ],
      { trainedOn: "test", alpha: 1, temperature: 1 },
    );
    // P(failure) ∝ 2/3 · (2+1)/(4+5) = 0.2222; P(cost) ∝ 1/3 · (0+1)/(2+5) = 0.0476; normalised 0.8235 and 0.1765.
    const posterior = predictNaiveBayes(model, ["w:fail", "w:unknown"]);
    expect(posterior.get("failure")).toBeCloseTo(0.2222 / (0.2222 + 0.0476), 3);
    expect(predictNaiveBayes(model, ["w:never-seen"]).size).toBe(0);
    // Each feature's likelihoods are remembered per model: a second question and a second model are read on their own counts.
    // P(failure) ∝ 2/3 · (0+1)/9 = 0.0741; P(cost) ∝ 1/3 · (1+1)/7 = 0.0952.
    expect(predictNaiveBayes(model, ["w:cost"]).get("cost")).toBeCloseTo(0.0952 / (0.0952 + 0.0741), 3);
    const other = trainNaiveBayes(
      [
        { features: ["w:fail"], label: "failure" },
        { features: ["w:fail", "w:cost"], label: "cost" },
      ],
      { trainedOn: "test", alpha: 1, temperature: 1 },
    );
    // P(failure) ∝ 1/2 · (1+1)/(1+2) = 0.3333; P(cost) ∝ 1/2 · (1+1)/(2+2) = 0.25.
    expect(predictNaiveBayes(other, ["w:fail"]).get("failure")).toBeCloseTo(0.3333 / (0.3333 + 0.25), 3);
    expect(predictNaiveBayes(model, ["w:fail", "w:unknown"]).get("failure")).toBeCloseTo(0.2222 / (0.2222 + 0.0476), 3);
  });

  it("the committed model file is what the training script produces from the current data", () => {
    const { committed, retrained } = retrainToCompare("scripts/train-question-classifier.ts", "COACH_QUESTION_MODEL_OUT", QUESTION_MODEL_FILE);
    expect(retrained, "run npm run train:questions and commit the model").toBe(committed);
  });
});
