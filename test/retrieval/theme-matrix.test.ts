import { describe, expect, it } from "vitest";
import type { StoryFeatures } from "../../src/retrieval/story-features.js";
import { ThemeMatrix } from "../../src/retrieval/theme-matrix.js";

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
