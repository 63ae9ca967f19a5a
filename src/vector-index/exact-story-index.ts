import type { IndexedVector, StoryIndex, VectorHit } from "../core/story-index.js";
import { cosine } from "./cosine.js";

/** Exact search by scanning every vector: the reference the HNSW index is tested against, and a fallback. */
export class ExactStoryIndex implements StoryIndex {
  readonly dimensions: number;

  constructor(private readonly items: readonly IndexedVector[]) {
    this.dimensions = items[0]?.vector.length ?? 0;
  }

  get size(): number {
    return this.items.length;
  }

  search(vector: readonly number[], k: number): VectorHit[] {
    return this.items
      .map((item) => ({ id: item.id, score: cosine(vector, item.vector) }))
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      .slice(0, Math.max(0, k));
  }
}
