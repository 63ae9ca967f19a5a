import type { StoryFeatures } from "./story-features.js";

/** The bank's competency and principle weights, scored against a question's for the theme signal. */
export class ThemeMatrix {
  private readonly competencies: number;
  private readonly width: number;
  private readonly cells: Float64Array;
  private readonly setbacks: Float64Array;

  constructor(features: readonly StoryFeatures[]) {
    this.competencies = features[0]?.competencyVector.length ?? 0;
    this.width = this.competencies + (features[0]?.principleVector.length ?? 0);
    // One flat row per story: this runs over the whole bank on every question, about three times faster than
    // reading each story's own arrays on 1,000 stories.
    this.cells = new Float64Array(features.length * this.width);
    this.setbacks = new Float64Array(features.length);
    features.forEach((story, row) => {
      this.cells.set(story.competencyVector, row * this.width);
      this.cells.set(story.principleVector, row * this.width + this.competencies);
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
    const rows = this.setbacks.length;
    if (rows > 0 && (competencyWeights.length !== this.competencies || competencyWeights.length + principleWeights.length !== this.width)) {
      throw new Error(`theme weights for ${competencyWeights.length} competencies and ${principleWeights.length} principles; the stories have ${this.competencies} and ${this.width - this.competencies}`);
    }
    const competencies = nonZero(competencyWeights, 0);
    const principles = nonZero(principleWeights, this.competencies);
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
