import hnswlib from "hnswlib-node";
import type { IndexedVector, StoryIndex, VectorHit } from "../core/story-index.js";
import { StoreError } from "../errors/index.js";

const { HierarchicalNSW } = hnswlib;

// HNSW build parameters: M=16 and efConstruction=200 are hnswlib's recommended defaults; a fixed seed makes builds repeatable.
const M = 16;
const EF_CONSTRUCTION = 200;
const RANDOM_SEED = 100;
// Search breadth: hnswlib needs ef >= k; 128 keeps recall at 1.0 on the test sizes while staying fast at 1,000+ stories.
const EF_SEARCH = 128;

/** Story vectors in an hnswlib index (cosine space); labels are positions in `ids`. */
export class HnswStoryIndex implements StoryIndex {
  private constructor(
    private readonly index: InstanceType<typeof HierarchicalNSW>,
    private readonly ids: readonly string[],
    readonly dimensions: number,
  ) {}

  /** Builds an index over the given vectors (all the same length). */
  static build(items: readonly IndexedVector[]): HnswStoryIndex {
    const dimensions = items[0]?.vector.length ?? 1;
    const index = new HierarchicalNSW("cosine", dimensions);
    index.initIndex(Math.max(1, items.length), M, EF_CONSTRUCTION, RANDOM_SEED);
    items.forEach((item, label) => {
      if (item.vector.length !== dimensions) throw new Error(`vector for ${item.id} has ${item.vector.length} dimensions, expected ${dimensions}`);
      index.addPoint(item.vector, label);
    });
    index.setEf(EF_SEARCH);
    return new HnswStoryIndex(index, items.map((item) => item.id), dimensions);
  }

  /**
   * Reads an index written by `save`. The file does not record its space or
   * dimensions, so the manifest supplies them; a mismatch is a StoreError.
   */
  static load(file: string, ids: readonly string[], dimensions: number): HnswStoryIndex {
    const index = new HierarchicalNSW("cosine", dimensions);
    try {
      index.readIndexSync(file);
    } catch (cause) {
      throw unreadable(file, cause);
    }
    return HnswStoryIndex.checked(file, index, ids, dimensions);
  }

  /** As `load`, reading the file on a background thread: a large index does not hold up the caller's event loop. */
  static async open(file: string, ids: readonly string[], dimensions: number): Promise<HnswStoryIndex> {
    const index = new HierarchicalNSW("cosine", dimensions);
    try {
      await index.readIndex(file);
    } catch (cause) {
      throw unreadable(file, cause);
    }
    return HnswStoryIndex.checked(file, index, ids, dimensions);
  }

  private static checked(file: string, index: InstanceType<typeof HierarchicalNSW>, ids: readonly string[], dimensions: number): HnswStoryIndex {
    if (index.getCurrentCount() !== ids.length) {
      throw new StoreError(`${file}: the vector index holds ${index.getCurrentCount()} stories, the manifest ${ids.length}.`, { file });
    }
    index.setEf(EF_SEARCH);
    return new HnswStoryIndex(index, ids, dimensions);
  }

  get size(): number {
    return this.ids.length;
  }

  save(file: string): void {
    this.index.writeIndexSync(file);
  }

  search(vector: readonly number[], k: number): VectorHit[] {
    const count = Math.min(k, this.ids.length);
    if (count <= 0) return [];
    if (count > EF_SEARCH) this.index.setEf(count);
    const { neighbors, distances } = this.index.searchKnn([...vector], count);
    return neighbors.map((label, position) => ({ id: this.ids[label]!, score: 1 - distances[position]! }));
  }
}

function unreadable(file: string, cause: unknown): StoreError {
  return new StoreError(`${file}: cannot read the vector index (${(cause as Error).message}).`, { cause, file });
}
