import { z } from "zod";
import type { Embedder } from "../core/embedder.js";

/** Bumped when the on-disk index layout changes; an older index is rebuilt. */
export const INDEX_FORMAT_VERSION = 1;

/** What an index was built from: enough to know when it is stale and how to read it back. */
export const IndexManifestSchema = z.object({
  formatVersion: z.literal(INDEX_FORMAT_VERSION),
  createdAt: z.string(),
  /** `fingerprint` is absent in indexes built before it was recorded; such an index matches only an in-process embedder (whose fingerprint is its id). */
  embedder: z.object({ id: z.string().min(1), fingerprint: z.string().min(1).optional(), dimensions: z.number().int().positive() }),
  space: z.literal("cosine"),
  taxonomyVersion: z.string(),
  /** The parser that read the banks; absent in indexes built before it was recorded. */
  parserVersion: z.number().int().optional(),
  banks: z.array(z.string()).min(1),
  files: z.array(z.object({ path: z.string(), sha256: z.string(), bytes: z.number().int().nonnegative() })),
  bankHash: z.string(),
  storyIds: z.array(z.string()),
  /**
   * SHA-256 of vectors.hnsw as written: hnswlib reads a damaged file without complaint and may crash the process on
   * the first search, so a file that no longer matches is rebuilt instead. Absent in indexes built before it was recorded.
   */
  vectorsSha256: z.string().optional(),
});
export type IndexManifest = z.infer<typeof IndexManifestSchema>;

/** Whether the index holds this embedder's vectors (same model, server and asked size); their length is checked apart. */
export function builtBy(manifest: IndexManifest, embedder: Embedder): boolean {
  return (manifest.embedder.fingerprint ?? manifest.embedder.id) === embedder.fingerprint;
}

/** The banks the store holds, kept apart from the index so a broken index can be rebuilt. */
export const StoreBanksSchema = z.object({ banks: z.array(z.string()).min(1) });
