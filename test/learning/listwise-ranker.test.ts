import { describe, expect, it } from "vitest";
import { scoreRanker, trainRanker, type RankGroup } from "../../src/learning/index.js";

// Each query has one relevant candidate, marked by "fits"; "noise" is spread evenly and carries nothing.
function groups(count: number): RankGroup[] {
  return Array.from({ length: count }, (_, query) => ({
    candidates: Array.from({ length: 5 }, (_, position) => ({
      relevant: position === query % 5,
      features: new Map([
        ["fits", position === query % 5 ? 1 : 0],
        ["noise", (position + query) % 2],
        ...(query === 0 && position === 0 ? [["rare", 1] as const] : []),
      ]),
    })),
  }));
}

describe("the listwise ranker", () => {
  it("learns to put the relevant candidate first and gives the uninformative feature little weight", () => {
    const model = trainRanker(groups(20), { trainedOn: "test" });
    expect(model.weights.fits).toBeGreaterThan(1);
    expect(Math.abs(model.weights.noise ?? 0)).toBeLessThan(0.1);
    const fits = scoreRanker(model, new Map([["fits", 1]]));
    const noise = scoreRanker(model, new Map([["noise", 1]]));
    expect(fits).toBeGreaterThan(noise);
  });

  it("drops features seen in fewer than minGroups queries, and ignores queries with nothing relevant", () => {
    const model = trainRanker(groups(20), { trainedOn: "test", minGroups: 2 });
    expect(model.weights.rare).toBeUndefined();
    const unlabelled: RankGroup = { candidates: [{ relevant: false, features: new Map([["trap", 1]]) }, { relevant: false, features: new Map([["trap", 0]]) }] };
    const withUnlabelled = trainRanker([...groups(20), unlabelled, unlabelled, unlabelled], { trainedOn: "test" });
    expect(withUnlabelled.weights.trap).toBeUndefined();
    expect(withUnlabelled.weights.fits).toBe(model.weights.fits);
  });

  it("is deterministic: the same data gives the same weights", () => {
    expect(trainRanker(groups(12), { trainedOn: "test" })).toEqual(trainRanker(groups(12), { trainedOn: "test" }));
  });

  it("ignores features it has never seen when scoring", () => {
    const model = trainRanker(groups(20), { trainedOn: "test" });
    expect(scoreRanker(model, new Map([["fits", 1], ["unseen", 100]]))).toBe(scoreRanker(model, new Map([["fits", 1]])));
  });
});
