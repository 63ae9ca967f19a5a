import { describe, expect, it } from "vitest";
import type { IndexedVector, StoryIndex } from "../../src/core/story-index.js";
import { seededRandom } from "../../src/evals/bootstrap.js";

export function randomVectors(count: number, dimensions: number, seed: number): IndexedVector[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => ({ id: `story-${index}`, vector: Array.from({ length: dimensions }, () => random() * 2 - 1) }));
}

/** The behaviour every StoryIndex adapter must have; run once per adapter. */
export function storyIndexContract(name: string, build: (items: IndexedVector[]) => Promise<StoryIndex> | StoryIndex): void {
  describe(`StoryIndex contract: ${name}`, () => {
    it("finds an indexed vector as its own nearest neighbour with similarity 1", async () => {
      const items = randomVectors(50, 16, 7);
      const index = await build(items);
      expect(index.size).toBe(50);
      expect(index.dimensions).toBe(16);
      for (const item of items.slice(0, 10)) {
        const [first] = index.search(item.vector, 1);
        expect(first!.id).toBe(item.id);
        expect(first!.score).toBeCloseTo(1, 5);
      }
    });

    it("returns neighbours closest first, as many as asked and never more than it holds", async () => {
      const index = await build(randomVectors(20, 8, 11));
      const query = randomVectors(1, 8, 99)[0]!.vector;
      const hits = index.search(query, 5);
      expect(hits).toHaveLength(5);
      for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score - 1e-6);
      expect(index.search(query, 100)).toHaveLength(20);
      expect(index.search(query, 0)).toEqual([]);
    });

    it("ranks by cosine: a vector pointing the same way beats a longer one pointing elsewhere", async () => {
      const index = await build([
        { id: "same-direction", vector: [1, 1, 0, 0] },
        { id: "long-but-off", vector: [10, 0, 10, 0] },
        { id: "opposite", vector: [-1, -1, 0, 0] },
      ]);
      expect(index.search([2, 2, 0, 0], 3).map((hit) => hit.id)).toEqual(["same-direction", "long-but-off", "opposite"]);
    });
  });
}
