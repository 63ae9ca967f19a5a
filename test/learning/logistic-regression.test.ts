import { describe, expect, it } from "vitest";
import { predictLogistic, trainLogistic } from "../../src/learning/index.js";

// Four examples: "fix" always goes with action, "context" never does; "once" appears a single time.
const EXAMPLES = [
  { features: ["fix", "code"], labels: ["action"] },
  { features: ["fix", "deploy"], labels: ["action"] },
  { features: ["context", "code"], labels: ["situation"] },
  { features: ["context", "deploy", "once"], labels: ["situation"] },
];

describe("logistic regression (one model per label)", () => {
  const model = trainLogistic(EXAMPLES, { trainedOn: "test", labels: ["action", "situation"], l2: 0.001, epochs: 300 });

  it("learns which feature goes with which label", () => {
    const fix = predictLogistic(model, ["fix"]);
    const context = predictLogistic(model, ["context"]);
    expect(fix.get("action")).toBeGreaterThan(0.9);
    expect(fix.get("situation")).toBeLessThan(0.1);
    expect(context.get("situation")).toBeGreaterThan(0.9);
    expect(context.get("action")).toBeLessThan(0.1);
  });

  it("gives shared features no lean and unseen features no weight", () => {
    // "code" and "deploy" each appear once with each label, so they say nothing: both labels stay near the 50% prior.
    const shared = predictLogistic(model, ["code"]);
    expect(shared.get("action")).toBeGreaterThan(0.3);
    expect(shared.get("action")).toBeLessThan(0.7);
    expect(predictLogistic(model, ["never-seen"])).toEqual(predictLogistic(model, []));
  });

  it("drops features seen fewer than minCount times and trains deterministically", () => {
    expect(model.weights.once).toBeUndefined();
    expect(model.weights.fix).toBeDefined();
    expect(trainLogistic(EXAMPLES, { trainedOn: "test", labels: ["action", "situation"], l2: 0.001, epochs: 300 })).toEqual(model);
  });
});
