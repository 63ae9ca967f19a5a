import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { Embedder } from "../core/embedder.js";
import { ProviderError } from "../errors/index.js";
import { writeFileAtomic } from "./atomic-write.js";

const CacheFileSchema = z.object({
  embedder: z.string(),
  dimensions: z.number().int().positive().optional(),
  entries: z.record(z.string(), z.string()),
});

// Vectors of texts no longer in the index kept in the cache (a story edited, a bank indexed before another), so going back
// costs nothing; at most about 11 MB of a 1,024-dimension embedder's vectors, 16 MB of a 1,536-dimension provider's.
const EARLIER_KEPT = 2_000;
// Texts per call to the embedder, so progress can be shown.
const BATCH_SIZE = 64;

// How often, at most, a run still embedding writes what it has so far: a run stopped by Ctrl-C or a provider
// error then loses at most this much of the provider's work (a paid one bills it again), while a local embedder,
// done in well under this, still writes once.
const CHECKPOINT_MS = 1_000;

/**
 * Vectors stored as base64 float32, keyed by a hash of the text; one file per
 * embedder fingerprint (model, server, asked size). A cached vector is used
 * only when it has the length the embedder's vectors have now. A run's vectors
 * join the cache batch by batch, each batch checked against the run's length,
 * and are written every second or so and when the provider fails, so an
 * interrupted index build keeps the work already paid for; a run ended by a
 * wrong reply (vectors of two lengths, too few) writes nothing more.
 */
export class EmbeddingCache {
  private dirty = false;
  /** The length of the vectors the last `embedAll` returned; the file keeps only those. */
  private dimensions: number | undefined;

  private constructor(
    private readonly file: string,
    private readonly fingerprint: string,
    private readonly entries: Map<string, string>,
    private readonly checkpointMs: number,
  ) {}

  /** Opens the cache for an embedder's fingerprint; a missing or unreadable file starts empty. */
  static async open(file: string, fingerprint: string, options: { checkpointMs?: number } = {}): Promise<EmbeddingCache> {
    const checkpointMs = options.checkpointMs ?? CHECKPOINT_MS;
    try {
      const parsed = CacheFileSchema.parse(JSON.parse(await readFile(file, "utf8")));
      if (parsed.embedder === fingerprint) return new EmbeddingCache(file, fingerprint, new Map(Object.entries(parsed.entries)), checkpointMs);
    } catch {
      // start empty: the cache only saves work
    }
    return new EmbeddingCache(file, fingerprint, new Map(), checkpointMs);
  }

  static key(text: string): string {
    return createHash("sha256").update(text).digest("hex").slice(0, 32);
  }

  /**
   * Vectors for the texts, all of one length, embedding only those not cached
   * at the embedder's current length. Returns how many were embedded, so
   * callers can say so. When the embedder fails part way, the batches it
   * answered are written before the error is passed on.
   */
  async embedAll(embedder: Embedder, texts: readonly string[], onProgress?: (done: number, total: number) => void): Promise<{ vectors: number[][]; embedded: number }> {
    const keys = texts.map((text) => EmbeddingCache.key(text));
    const textByKey = new Map(keys.map((key, position) => [key, texts[position]!]));
    const fresh = new Set<string>();
    let dimensions = embedder.dimensions;
    let savedAt = Date.now();
    let interval = this.checkpointMs;
    const pending = () => [...new Set(keys)].filter((key) => !fresh.has(key) && !this.fits(key, dimensions));
    const embedBatch = async (batch: readonly string[]) => {
      const vectors = await embedder.embed(batch.map((key) => textByKey.get(key)!));
      if (vectors.length !== batch.length) {
        throw new ProviderError("PROVIDER_BAD_RESPONSE", `${embedder.id}: the provider returned ${vectors.length} vectors for ${batch.length} texts.`);
      }
      dimensions ??= vectors[0]?.length;
      // Whatever the embedder checks itself, vectors of two lengths never reach the cache or an index together.
      for (const vector of vectors) {
        if (vector.length !== dimensions) {
          throw new ProviderError("PROVIDER_BAD_RESPONSE", `${embedder.id}: the provider returned vectors of different lengths (${dimensions} and ${vector.length}).`);
        }
      }
      batch.forEach((key, position) => {
        fresh.add(key);
        this.entries.set(key, encode(vectors[position]!));
      });
      this.dirty = true;
      this.dimensions = dimensions;
      if (Date.now() - savedAt >= interval) {
        // Best effort: a store that cannot be written is reported by the save at the end, as a store error, and does
        // not stop a run that is going well. A slow write (a large cache) spaces the next ones out.
        const started = Date.now();
        await this.checkpoint().catch(() => undefined);
        savedAt = Date.now();
        interval = Math.max(this.checkpointMs, 10 * (savedAt - started));
      }
    };

    try {
      // A provider tells its vector size only by answering, and until it has, no cached vector is known to fit:
      // the first texts to embed (or one cached text, when all are) ask it.
      if (dimensions === undefined && keys.length > 0) {
        const uncached = pending();
        await embedBatch(uncached.length > 0 ? uncached.slice(0, BATCH_SIZE) : [keys[0]!]);
      }
      const todo = pending();
      const total = fresh.size + todo.length;
      if (fresh.size > 0) onProgress?.(fresh.size, total);
      for (let start = 0; start < todo.length; start += BATCH_SIZE) {
        await embedBatch(todo.slice(start, start + BATCH_SIZE));
        onProgress?.(fresh.size, total);
      }
    } catch (error) {
      // Keep what was paid for when the provider stopped answering (a timeout, a rate limit, an outage), but not when it
      // answered wrongly; a failed write must not hide the provider's error. (Ctrl-C ends the process: only the
      // checkpoints written before it survive.)
      if (this.dirty && !badReply(error)) await this.checkpoint().catch(() => undefined);
      throw error;
    }
    this.dimensions = dimensions;
    return { vectors: keys.map((key) => decode(this.entries.get(key)!)), embedded: fresh.size };
  }

  /**
   * Writes the cache if anything was added, at this build's length: the given
   * keys (this build's texts) last, and before them up to a few thousand
   * vectors of texts no longer indexed, latest kept, so indexing another bank
   * and then this one again does not embed it all again.
   */
  async save(keep?: ReadonlySet<string>): Promise<void> {
    if (!this.dirty && !keep) return;
    const fits = ([, vector]: [string, string]) => this.dimensions === undefined || lengthOf(vector) === this.dimensions;
    const current = [...this.entries].filter((entry) => fits(entry) && (!keep || keep.has(entry[0])));
    const earlier = keep ? [...this.entries].filter((entry) => fits(entry) && !keep.has(entry[0])).slice(-EARLIER_KEPT) : [];
    const entries = Object.fromEntries([...earlier, ...current]);
    await writeFileAtomic(this.file, JSON.stringify({ embedder: this.fingerprint, dimensions: this.dimensions, entries }));
    this.dirty = false;
  }

  /** Writes every entry, whatever its length (`fits` sorts them out on reading), while a run is still embedding. */
  private async checkpoint(): Promise<void> {
    await writeFileAtomic(this.file, JSON.stringify({ embedder: this.fingerprint, dimensions: this.dimensions, entries: Object.fromEntries(this.entries) }));
  }

  private fits(key: string, dimensions: number | undefined): boolean {
    const cached = this.entries.get(key);
    return cached !== undefined && (dimensions === undefined || lengthOf(cached) === dimensions);
  }
}

/** A reply that came but was wrong (vectors of two lengths, too few, not numbers): nothing from its run is trusted. */
function badReply(error: unknown): boolean {
  return error instanceof ProviderError && error.code === "PROVIDER_BAD_RESPONSE";
}

function encode(vector: readonly number[]): string {
  return Buffer.from(Float32Array.from(vector).buffer).toString("base64");
}

function decode(text: string): number[] {
  const bytes = Buffer.from(text, "base64");
  return Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4));
}

function lengthOf(text: string): number {
  return Buffer.byteLength(text, "base64") / 4;
}
