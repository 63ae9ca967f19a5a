import { describe, expect, it } from "vitest";
import { loadBank } from "../../src/bank/index.js";
import { PRINCIPLES } from "../../src/principles/index.js";
import { computeStoryFeatures } from "../../src/retrieval/index.js";
import type { StoryFeatures } from "../../src/retrieval/story-features.js";
import { ThemeMatrix } from "../../src/retrieval/theme-matrix.js";
import { loadTaxonomy, profileText, withInferredPrinciples } from "../../src/understanding/index.js";
import { SAMPLE_BANK } from "../support/run-coach.js";

// Only the weights the theme signal reads; the rest of a story's features play no part in it.
const story = (competencyVector: number[], principleVector: number[], setback: number) => ({ competencyVector, principleVector, setback }) as unknown as StoryFeatures;

describe("the theme signal's matrix", () => {
  const matrix = new ThemeMatrix([story([0.5, 0, 0.2], [0, 1], 0), story([0, 1, 0], [0.4, 0], 1)]);

  it("sums each story's competency and principle weights against the question's (worked by hand)", () => {
    // First: 0.5·1 + 0·0.5 + 0.2·0 + 1·0.5 = 1.0. Second: 1·0.5 + 0.4·0 = 0.5.
    expect(matrix.scores([1, 0.5, 0], [0, 0.5], 0.5, 0)).toEqual([1, 0.5]);
  });

  it("lowers only a setback story's score, by the clash times how plainly a success is asked for", () => {
    const [first, second] = matrix.scores([1, 0.5, 0], [0, 0.5], 0.5, 0.8);
    expect(first).toBe(1);
    // 0.5 · (1 - 0.5 · 1 · 0.8) = 0.3.
    expect(second).toBeCloseTo(0.3, 12);
  });

  it("gives an empty bank no scores and a question with no themes zero for every story", () => {
    expect(new ThemeMatrix([]).scores([], [], 0.5, 1)).toEqual([]);
    expect(matrix.scores([0, 0, 0], [0, 0], 0.5, 1)).toEqual([0, 0]);
  });
});

describe("the theme signal's matrix on a real bank", () => {
  it("scores every story exactly as summing its own competency, then principle weights would (the same doubles)", async () => {
    const features = computeStoryFeatures(withInferredPrinciples((await loadBank([SAMPLE_BANK])).stories));
    const matrix = new ThemeMatrix(features);
    const taxonomy = loadTaxonomy();
    for (const question of ["Tell me about a time you failed", "Proudest achievement?", "Describe how you showed Customer Obsession", "asdf"]) {
      const profile = profileText(question, "question");
      const competencyWeights = taxonomy.competencies.map((competency) => profile.competencies.get(competency.id) ?? 0);
      const principleWeights = PRINCIPLES.map((principle) => 0.5 * (profile.principles.get(principle) ?? 0));
      const expected = features.map((story) => {
        let competencies = 0;
        competencyWeights.forEach((weight, column) => weight !== 0 && (competencies += weight * story.competencyVector[column]!));
        let principles = 0;
        principleWeights.forEach((weight, column) => weight !== 0 && (principles += weight * story.principleVector[column]!));
        return (competencies + principles) * (1 - 0.5 * story.setback * 0.7);
      });
      const scores = matrix.scores(competencyWeights, principleWeights, 0.5, 0.7);
      scores.forEach((score, row) => expect(Object.is(score, expected[row]), `${question}: story ${row}`).toBe(true));
    }
  });

  it("refuses question weights laid out unlike the stories' columns", () => {
    const matrix = new ThemeMatrix([story([0.5, 0, 0.2], [0, 1], 0)]);
    expect(() => matrix.scores([1, 0.5], [0, 0.5, 0], 0.5, 0)).toThrow(/2 competencies and 3 principles; the stories have 3 and 2/);
  });
});
