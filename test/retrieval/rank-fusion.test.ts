import { describe, expect, it } from "vitest";
import { fuseRanks, fuseScores, ranksOf, RRF_K } from "../../src/retrieval/rank-fusion.js";

describe("rank fusion", () => {
  it("ranks scores best first, shares ranks on ties and puts zero scores last", () => {
    expect(ranksOf([0.2, 0.9, 0.9, 0])).toEqual([2, 0, 0, 4]);
  });

  it("reciprocal-rank fusion sums 1/(k+rank) and breaks ties by average rank, not by position", () => {
    // Item 0 is first on one signal and absent on the other; item 2 is second on both.
    const fused = fuseRanks([
      [3, 0, 2, 1],
      [0, 3, 2, 1],
    ]);
    expect(fused[0]!.fused).toBeCloseTo(2 / (RRF_K + 2), 10);
    // 2: 1/62+1/62; 3: 1/63+1/63; 0 and 1: 1/61 each, same average rank, so index decides only as a last resort.
    expect(fused.map((item) => item.index)).toEqual([2, 3, 0, 1]);
  });

  it("score fusion lets one confident signal carry an item that rank fusion would not", () => {
    // Worked by hand: lexical z-scores are 2 and -0.5; themes z-scores are about 0.21 (item 0) and 1.52 (item 1).
    const lexical = [10, 1, 1, 1, 1];
    const themes = [0.45, 0.5, 0.46, 0.4, 0.4];
    expect(fuseScores([lexical, themes])[0]!.index).toBe(0);
    // Rank fusion: item 0 gets 1/61 + 1/63, item 1 gets 1/62 + 1/61, so item 1 wins there.
    expect(fuseRanks([lexical, themes])[0]!.index).toBe(1);
  });
});
