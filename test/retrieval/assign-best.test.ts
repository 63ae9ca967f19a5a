import { describe, expect, it } from "vitest";
import { assignBest } from "../../src/retrieval/assign-best.js";

/** The best total by trying every assignment (each row one distinct column, or none): the slow, obviously right answer. */
function bruteForceBest(scores: number[][]): number {
  const columns = scores[0]?.length ?? 0;
  const walk = (row: number, used: Set<number>): number => {
    if (row === scores.length) return 0;
    let best = walk(row + 1, used);
    for (let column = 0; column < columns; column++) {
      if (used.has(column) || scores[row]![column]! <= 0) continue;
      used.add(column);
      best = Math.max(best, scores[row]![column]! + walk(row + 1, used));
      used.delete(column);
    }
    return best;
  };
  return walk(0, new Set());
}

function totalOf(scores: number[][], assigned: number[]): number {
  return assigned.reduce((sum, column, row) => sum + (column >= 0 ? scores[row]![column]! : 0), 0);
}

describe("assignBest", () => {
  it("gives up a row's first choice when that buys a better total", () => {
    // Greedy (row 0 takes column 0) totals 0.9 + 0.1 = 1.0; swapping totals 0.8 + 0.85 = 1.65.
    expect(assignBest([[0.9, 0.8], [0.85, 0.1]])).toEqual([1, 0]);
  });

  it("leaves rows unassigned when there are fewer columns, keeping the best", () => {
    expect(assignBest([[0.5], [0.9], [0.2]])).toEqual([-1, 0, -1]);
  });

  it("never assigns a column that does not suit the row at all", () => {
    expect(assignBest([[0, 0.3], [0, 0]])).toEqual([1, -1]);
    expect(assignBest([])).toEqual([]);
  });

  it("finds the best total on random tables, against trying every assignment", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let trial = 0; trial < 200; trial++) {
      const rows = 1 + Math.floor(random() * 5);
      const columns = 1 + Math.floor(random() * 5);
      // About one cell in five is 0 (no fit), as when a story is no candidate for a question.
      const scores = Array.from({ length: rows }, () => Array.from({ length: columns }, () => (random() < 0.2 ? 0 : Math.round(random() * 100) / 100)));
      const assigned = assignBest(scores);
      const used = assigned.filter((column) => column >= 0);
      expect(new Set(used).size, JSON.stringify(scores)).toBe(used.length);
      for (const [row, column] of assigned.entries()) if (column >= 0) expect(scores[row]![column]!).toBeGreaterThan(0);
      expect(totalOf(scores, assigned)).toBeCloseTo(bruteForceBest(scores), 9);
    }
  });
});
