import { describe, expect, it } from "vitest";
import type { Embedder } from "../../src/core/embedder.js";

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot / (Math.hypot(...a) * Math.hypot(...b));
}

/** The behaviour every Embedder adapter must have; run once per adapter. */
export function embedderContract(name: string, create: () => Promise<Embedder>): void {
  describe(`Embedder contract: ${name}`, () => {
    it("returns one finite vector per text, in order, all the same length", async () => {
      const embedder = await create();
      const texts = ["I cut cloud costs by 40%.", "", "Résumé — naïve “quotes” 🚀", "x".repeat(5000)];
      const vectors = await embedder.embed(texts);
      expect(vectors).toHaveLength(texts.length);
      const length = vectors[0]!.length;
      expect(length).toBeGreaterThan(0);
      for (const vector of vectors) {
        expect(vector).toHaveLength(length);
        expect(vector.every(Number.isFinite)).toBe(true);
      }
      expect(embedder.dimensions).toBe(length);
    });

    it("is deterministic and puts texts that share words closer than texts that do not", async () => {
      const embedder = await create();
      const [a, b, c, again] = await embedder.embed([
        "migrated the billing database to postgres",
        "postgres billing database migration plan",
        "mentored a junior engineer on code reviews",
        "migrated the billing database to postgres",
      ]);
      expect(again).toEqual(a);
      expect(cosine(a!, b!)).toBeGreaterThan(cosine(a!, c!));
    });

    it("returns an empty list for no texts", async () => {
      expect(await (await create()).embed([])).toEqual([]);
    });

    it("has an id naming provider and model, used in cache keys", async () => {
      expect((await create()).id).toMatch(/^[a-z]+:.+/);
    });
  });
}
