import { createHash } from "node:crypto";
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
    embeddingCache: (fingerprint: string) => path.join(store, "cache", "embeddings", `${cacheFileName(fingerprint)}.json`),
  };
}

// One file per embedder fingerprint, named after it; a long one is cut and keeps a hash of the whole, so two
// fingerprints that differ only at the end (the server's hash) get two files.
function cacheFileName(fingerprint: string): string {
  const slug = slugify(fingerprint, Number.MAX_SAFE_INTEGER);
  return slug.length <= 80 ? slug : `${slugify(fingerprint, 60)}-${createHash("sha256").update(fingerprint).digest("hex").slice(0, 12)}`;
}
