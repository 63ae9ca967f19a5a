import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { Embedder } from "../core/embedder.js";
import { writeFileAtomic } from "./atomic-write.js";

const CacheFileSchema = z.object({ embedder: z.string(), entries: z.record(z.string(), z.string()) });

/** Vectors stored as base64 float32, keyed by a hash of the text; one file per embedder. */
export class EmbeddingCache {
  private dirty = false;

  private constructor(
    private readonly file: string,
    private readonly embedderId: string,
    private readonly entries: Map<string, string>,
  ) {}

  /** Opens the cache for an embedder; a missing or unreadable file starts empty. */
  static async open(file: string, embedderId: string): Promise<EmbeddingCache> {
    try {
      const parsed = CacheFileSchema.parse(JSON.parse(await readFile(file, "utf8")));
      if (parsed.embedder === embedderId) return new EmbeddingCache(file, embedderId, new Map(Object.entries(parsed.entries)));
    } catch {
      // start empty: the cache only saves work
    }
    return new EmbeddingCache(file, embedderId, new Map());
  }

  static key(text: string): string {
    return createHash("sha256").update(text).digest("hex").slice(0, 32);
  }

  /**
   * Vectors for the texts, embedding only those not cached yet.
   * Returns how many were embedded, so callers can say so.
   */
  async embedAll(embedder: Embedder, texts: readonly string[], onProgress?: (done: number, total: number) => void): Promise<{ vectors: number[][]; embedded: number }> {
    const keys = texts.map((text) => EmbeddingCache.key(text));
    const missing = [...new Set(keys.map((key, index) => (this.entries.has(key) ? -1 : index)).filter((index) => index >= 0))];
    const batch = 64;
    for (let start = 0; start < missing.length; start += batch) {
      const slice = missing.slice(start, start + batch);
      const vectors = await embedder.embed(slice.map((index) => texts[index]!));
      slice.forEach((index, position) => this.entries.set(keys[index]!, encode(vectors[position]!)));
      this.dirty = true;
      onProgress?.(Math.min(start + batch, missing.length), missing.length);
    }
    return { vectors: keys.map((key) => decode(this.entries.get(key)!)), embedded: missing.length };
  }

  /** Writes the cache if anything was added, keeping only the given keys' neighbours from this build. */
  async save(keep?: ReadonlySet<string>): Promise<void> {
    if (!this.dirty && !keep) return;
    const entries = Object.fromEntries([...this.entries].filter(([key]) => !keep || keep.has(key)));
    await writeFileAtomic(this.file, JSON.stringify({ embedder: this.embedderId, entries }));
    this.dirty = false;
  }
}

function encode(vector: readonly number[]): string {
  return Buffer.from(Float32Array.from(vector).buffer).toString("base64");
}

function decode(text: string): number[] {
  const bytes = Buffer.from(text, "base64");
  return Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4));
}
