import { describe, expect, it } from "vitest";
import { predictDenseLogistic, trainDenseLogistic, type DenseExample } from "../../src/learning/index.js";

// Label: the first value is above 5; the second is noise in [0, 1); the third never varies.
const examples: DenseExample[] = Array.from({ length: 40 }, (_, at) => ({ values: [at % 10, ((at * 7) % 10) / 10, 3], label: at % 10 > 5 }));
const options = { trainedOn: "test", features: ["signal", "noise", "constant"], epochs: 500 };

describe("dense logistic regression", () => {
  it("learns a rule on one feature and leans on it, not on the noise", () => {
    const model = trainDenseLogistic(examples, options);
    expect(predictDenseLogistic(model, [9, 0.5, 3])).toBeGreaterThan(0.9);
    expect(predictDenseLogistic(model, [1, 0.5, 3])).toBeLessThan(0.1);
    expect(Math.abs(model.weights[0]!)).toBeGreaterThan(5 * Math.abs(model.weights[1]!));
  });

  it("gives a constant feature no weight and no division by zero", () => {
    const model = trainDenseLogistic(examples, options);
    expect(model.scale[2]).toBe(1);
    expect(model.weights[2]).toBe(0);
    expect(Number.isFinite(predictDenseLogistic(model, [4, 0.1, 3]))).toBe(true);
  });

  it("is deterministic: the same examples give the same model", () => {
    expect(trainDenseLogistic(examples, options)).toEqual(trainDenseLogistic(examples, options));
  });
});
