import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { PARSER_VERSION, parseBankFilesWithRefusal, readBankFiles, type BankFileBytes } from "../bank/index.js";
import type { Embedder } from "../core/embedder.js";
import type { StoryIndex } from "../core/story-index.js";
import type { ParsedBank, ParseWarning, Story } from "../core/story.js";
import { InputError, StoreError } from "../errors/index.js";
import { storySearchText } from "../retrieval/story-features.js";
import { loadTaxonomy, storyPrincipleModelVersion, withInferredPrinciples } from "../understanding/index.js";
import { HnswStoryIndex } from "../vector-index/hnsw-story-index.js";
import { writeFileAtomic } from "./atomic-write.js";
import { EmbeddingCache } from "./embedding-cache.js";
import { builtBy, INDEX_FORMAT_VERSION, IndexManifestSchema, StoreBanksSchema, type IndexManifest } from "./index-manifest.js";
import { storeLayout } from "./store-layout.js";
import { reindexCommand } from "./reindex-command.js";
import { storeAccessError } from "./store-access-error.js";

/** A bank ready to search: its stories, their vectors, and what they were built from. */
export interface IndexedBank {
  manifest: IndexManifest;
  stories: Story[];
  index: StoryIndex;
}

export interface EnsureIndexResult extends IndexedBank {
  /** "unchanged": the stored index was current; "built": there was none; "rebuilt": it was stale or unreadable. */
  status: "unchanged" | "built" | "rebuilt";
  /** Stories whose vectors had to be computed (the rest came from the cache). */
  embedded: number;
  warnings: ParseWarning[];
  notices: string[];
}

/** Hash of the bank's files (paths and contents) in order. */
export function bankHashOf(files: readonly BankFileBytes[]): string {
  const hash = createHash("sha256");
  for (const file of files) hash.update(`${path.resolve(file.path)}\0${file.sha256}\n`);
  return hash.digest("hex");
}

/**
 * Makes sure the store holds an index of exactly these banks for this
 * embedder: a no-op when it already does, a rebuild when the banks, the
 * embedder (model, server, vector size) or the taxonomy changed, or when the
 * stored index is unreadable. The previous index stays in place until the new
 * one is complete. A store the file system refuses to write is a StoreError
 * (STORE_INACCESSIBLE).
 */
export async function ensureIndex(options: {
  store: string;
  banks: readonly string[];
  embedder: Embedder;
  force?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Called after each step of the work (index read, banks parsed, principles inferred, each batch embedded, index written), for a caller watching that it still moves. */
  onStep?: () => void;
  /** Sees the banks once parsed, before anything is embedded or written; what it throws refuses them and changes nothing. */
  accept?: (bank: ParsedBank) => void;
  /**
   * The caller's own work on the new stories, done before anything is written: a build stopped during it leaves the
   * store's banks and last good index as they were. Not called when the index is unchanged.
   */
  beforeWrite?: (stories: Story[]) => void;
}): Promise<EnsureIndexResult> {
  const layout = storeLayout(options.store);
  const step = options.onStep ?? (() => undefined);
  await recoverInterruptedSwap(options.store);
  const files = await readBankFiles(options.banks);
  const bankHash = bankHashOf(files);
  // Inferred principles are kept in the store, so the model that infers them is part of its version.
  const taxonomyVersion = `${loadTaxonomy().version}.p${storyPrincipleModelVersion()}`;
  const notices: string[] = [];
  let current: IndexedBank | undefined;
  let existed = false;
  try {
    current = await loadIndex(options.store);
    existed = true;
    step();
  } catch (error) {
    if (error instanceof StoreError && error.message !== NO_INDEX) {
      existed = true;
      notices.push(`The stored index was unreadable (${error.message}); rebuilding it from the bank.`);
    }
  }
  const m = current?.manifest;
  if (m && !options.force && !builtBy(m, options.embedder)) {
    // Said, since with a paid provider it costs: switching back later reuses the cached vectors.
    const how = m.embedder.id === options.embedder.id ? `${m.embedder.id} at another server or size` : m.embedder.id;
    notices.push(`the index was built with ${how}; embedding the banks with ${options.embedder.id} now (vectors it embedded before are reused).`);
  }
  if (current && m && !options.force && m.bankHash === bankHash && builtBy(m, options.embedder) && m.taxonomyVersion === taxonomyVersion && m.parserVersion === PARSER_VERSION) {
    // Current by all it records, but the same model name at the same address may now answer at another size. Only a
    // size the embedder already knows is compared: asking the provider would cost every command a request (coverage
    // embeds nothing); a question embedded at another size is refused by the matcher, naming the way out.
    const dimensions = options.embedder.dimensions;
    if (dimensions === undefined || dimensions === m.embedder.dimensions) return { ...current, status: "unchanged", embedded: 0, warnings: [], notices };
    notices.push(`${options.embedder.id} now returns ${dimensions}-dimension vectors where the index has ${m.embedder.dimensions}; rebuilding it from the bank.`);
  }

  const { bank, refusal } = parseBankFilesWithRefusal(files);
  step();
  options.accept?.(bank);
  // The same words as `coach stories` for the same bank: an empty file says it is empty, notes get the story shape.
  if (refusal) throw refusal;
  const stories = withInferredPrinciples(bank.stories);
  step();
  const cache = await EmbeddingCache.open(layout.embeddingCache(options.embedder.fingerprint), options.embedder.fingerprint);
  const texts = stories.map(storySearchText);
  const { vectors, embedded } = await cache.embedAll(options.embedder, texts, (done, total) => {
    step();
    options.onProgress?.(done, total);
  });
  await cache.save(new Set(texts.map((text) => EmbeddingCache.key(text)))).catch((error: unknown) => {
    throw storeAccessError(error, options.store, "write");
  });
  step();
  const index = HnswStoryIndex.build(stories.map((story, position) => ({ id: story.id, vector: vectors[position]! })));
  step();
  const manifest: IndexManifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    embedder: { id: options.embedder.id, fingerprint: options.embedder.fingerprint, dimensions: index.dimensions },
    space: "cosine",
    taxonomyVersion,
    parserVersion: PARSER_VERSION,
    banks: options.banks.map((bank) => path.resolve(bank)),
    files: files.map((file) => ({ path: path.resolve(file.path), sha256: file.sha256, bytes: file.bytes.length })),
    bankHash,
    storyIds: stories.map((story) => story.id),
  };
  options.beforeWrite?.(stories);
  let written: IndexManifest;
  try {
    // The record of the banks first: a crash before the index swap then finds an index of other banks and rebuilds
    // it from these, where the other order would quietly rebuild the old banks over the new index.
    await recordStoredBanks(options.store, manifest.banks);
    written = await writeIndexFolder(options.store, manifest, stories, index);
  } catch (error) {
    throw storeAccessError(error, options.store, "write");
  }
  return { manifest: written, stories, index, status: existed ? "rebuilt" : "built", embedded, warnings: bank.warnings, notices };
}

const NO_INDEX = "no index in the store yet";

/** Records which banks the store holds (banks.json), as `readStoredBanks` reads them. */
export async function recordStoredBanks(store: string, banks: readonly string[]): Promise<void> {
  await writeFileAtomic(storeLayout(store).banks, JSON.stringify({ banks }, null, 2));
}

/** The banks the stored index was built from, or null when there is no readable index. */
export async function indexedBanks(store: string): Promise<string[] | null> {
  const manifest = await readManifest(store);
  return manifest === null || manifest instanceof Error ? null : manifest.banks;
}

/** Reads the stored index; a StoreError says what is missing or broken. */
export async function loadIndex(store: string): Promise<IndexedBank> {
  const layout = storeLayout(store);
  let manifestText: string;
  try {
    manifestText = await readFile(layout.manifest, "utf8");
  } catch {
    throw new StoreError(NO_INDEX, { file: layout.manifest });
  }
  let manifest: IndexManifest;
  let stories: Story[];
  try {
    manifest = IndexManifestSchema.parse(JSON.parse(manifestText));
    stories = JSON.parse(await readFile(layout.stories, "utf8")) as Story[];
  } catch (cause) {
    throw new StoreError(`${layout.index}: manifest or stories unreadable`, { cause, file: layout.manifest });
  }
  if (!Array.isArray(stories) || stories.length !== manifest.storyIds.length || stories.some((story, index) => story?.id !== manifest.storyIds[index])) {
    throw new StoreError(`${layout.stories}: stories do not match the manifest`, { file: layout.stories });
  }
  if (manifest.vectorsSha256 !== undefined) {
    let bytes: Buffer;
    try {
      bytes = await readFile(layout.vectors);
    } catch (cause) {
      throw new StoreError(`${layout.vectors}: the vector index is missing or unreadable`, { cause, file: layout.vectors });
    }
    if (sha256(bytes) !== manifest.vectorsSha256) throw new StoreError(`${layout.vectors}: the vector index is damaged (it no longer matches its manifest)`, { file: layout.vectors });
  }
  const index = HnswStoryIndex.load(layout.vectors, manifest.storyIds, manifest.embedder.dimensions);
  return { manifest, stories, index };
}

/**
 * The banks the store was last given, or null for an empty store. A record
 * that is there but unreadable is a StoreError saying how to recover, never
 * an empty store: that would put the sample bank in place of the user's.
 */
export async function readStoredBanks(store: string): Promise<string[] | null> {
  const layout = storeLayout(store);
  let text: string | null = null;
  try {
    text = await readFile(layout.banks, "utf8");
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== "ENOENT") {
      const denied = storeAccessError(cause, store, "read");
      throw denied !== cause ? denied : await unreadableBanksRecord(store, `cannot read it (${(cause as NodeJS.ErrnoException).code ?? "error"})`, cause);
    }
  }
  if (text !== null) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (cause) {
      throw await unreadableBanksRecord(store, "not valid JSON", cause);
    }
    const parsed = StoreBanksSchema.safeParse(data);
    if (!parsed.success) throw await unreadableBanksRecord(store, 'expected {"banks": [one or more paths]}', parsed.error);
    return parsed.data.banks;
  }
  // Stores written before banks.json was kept: the index's manifest names the banks.
  const manifest = await readManifest(store);
  if (manifest === null) return null;
  if (manifest instanceof Error) {
    throw new StoreError(
      `${layout.manifest}: unreadable, and without ${layout.banks} the store does not know which banks it holds. Run ${reindexCommand(store)} to rebuild the index from your bank, or delete ${layout.index} to start an empty store.`,
      { cause: manifest, file: layout.manifest },
    );
  }
  return manifest.banks;
}

async function unreadableBanksRecord(store: string, reason: string, cause: unknown): Promise<StoreError> {
  const layout = storeLayout(store);
  const manifest = await readManifest(store);
  const known = manifest !== null && !(manifest instanceof Error) ? manifest.banks : null;
  const command = reindexCommand(store, known);
  return new StoreError(
    `${layout.banks}: the store's record of which banks it holds is unreadable (${reason}). Run ${command} to record your bank again, or delete ${layout.banks} to ${known ? "use the banks its index was built from" : "start an empty store"}.`,
    { cause, file: layout.banks },
  );
}

/** The stored manifest; null when there is none, the error when it cannot be read. */
async function readManifest(store: string): Promise<IndexManifest | Error | null> {
  let text: string;
  try {
    text = await readFile(storeLayout(store).manifest, "utf8");
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? null : (error as Error);
  }
  try {
    return IndexManifestSchema.parse(JSON.parse(text));
  } catch (error) {
    return error as Error;
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

// Build the new index beside the old one, then swap folders: an interrupted build leaves the last good index. The
// manifest written (and returned) records the vector file's hash, so a file damaged later is rebuilt, never searched.
async function writeIndexFolder(store: string, built: IndexManifest, stories: Story[], index: HnswStoryIndex): Promise<IndexManifest> {
  const layout = storeLayout(store);
  const suffix = `${process.pid}-${randomBytes(3).toString("hex")}`;
  const building = path.join(store, `index.building-${suffix}`);
  await mkdir(building, { recursive: true });
  let manifest: IndexManifest;
  try {
    index.save(path.join(building, "vectors.hnsw"));
    manifest = { ...built, vectorsSha256: sha256(await readFile(path.join(building, "vectors.hnsw"))) };
    await writeFileAtomic(path.join(building, "stories.json"), JSON.stringify(stories));
    await writeFileAtomic(path.join(building, "manifest.json"), JSON.stringify(manifest, null, 2));
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    throw error;
  }
  const retired = path.join(store, `index.old-${suffix}`);
  let hadOld = true;
  try {
    await rename(layout.index, retired);
  } catch {
    hadOld = false;
  }
  await rename(building, layout.index);
  if (hadOld) await rm(retired, { recursive: true, force: true });
  return manifest;
}

/** Puts back the last good index when a build stopped between the two renames of its swap left only index.old-*; removes the half-built folders of processes that are gone. */
export async function recoverInterruptedSwap(store: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(store);
  } catch {
    return;
  }
  const layout = storeLayout(store);
  if (!entries.includes("index")) {
    const old = entries.filter((name) => name.startsWith("index.old-")).sort().at(-1);
    if (old) await rename(path.join(store, old), layout.index).catch(() => undefined);
  }
  for (const name of entries.filter((entry) => entry.startsWith("index.building-"))) {
    const pid = Number(name.slice("index.building-".length).split("-")[0]);
    if (!isAlive(pid)) await rm(path.join(store, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
