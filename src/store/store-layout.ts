import path from "node:path";
import { slugify } from "../text/index.js";

/** Where things live in the store folder. */
export function storeLayout(store: string) {
  const index = path.join(store, "index");
  return {
    store,
    index,
    manifest: path.join(index, "manifest.json"),
    stories: path.join(index, "stories.json"),
    vectors: path.join(index, "vectors.hnsw"),
    banks: path.join(store, "banks.json"),
    llmCache: path.join(store, "cache", "llm"),
    embeddingCache: (embedderId: string) => path.join(store, "cache", "embeddings", `${slugify(embedderId, 80)}.json`),
  };
}
