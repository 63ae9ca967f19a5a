export * from "./story-index-store.js";
export { writeFileAtomic } from "./atomic-write.js";
export { storeLayout } from "./store-layout.js";
export { EmbeddingCache } from "./embedding-cache.js";
export { LlmCache } from "./llm-cache.js";
export { builtBy } from "./index-manifest.js";
export { fileSystemRefusal, storeAccessError } from "./store-access-error.js";
export { reindexCommand } from "./reindex-command.js";
export { clearAbandonedWrites } from "./abandoned-writes.js";
