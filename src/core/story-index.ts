/** A story found near a query vector; `score` is cosine similarity (higher is closer). */
export interface VectorHit {
  id: string;
  score: number;
}

/** Nearest-neighbour search over story vectors; one implementation per vector store. */
export interface StoryIndex {
  readonly dimensions: number;
  readonly size: number;
  /** Up to k nearest stories, closest first. */
  search(vector: readonly number[], k: number): VectorHit[];
}

/** A story vector to index. */
export interface IndexedVector {
  id: string;
  vector: number[];
}
