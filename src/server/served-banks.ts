import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { withoutBankFileEnding } from "../bank/index.js";
import { MAX_BANK_FILE_BYTES } from "../bank/limits.js";
import type { Embedder } from "../core/embedder.js";
import type { ParsedBank, ParseWarning } from "../core/story.js";
import { InputError } from "../errors/index.js";
import { readStoredBanks, recordStoredBanks, storeAccessError, writeFileAtomic } from "../store/index.js";
import type { BankState } from "./bank-state.js";
import { BankIndexer, type IndexedBanks } from "./bank-indexer.js";
import { KeyedQueue } from "./keyed-queue.js";
import { servedBankError } from "./served-bank-error.js";
import type { ServedBankEntry } from "./served-bank-entry.js";
import type { UploadedFile } from "./uploaded-file-name.js";
import { safeUploadName } from "./upload-bank-name.js";
import { unreadableBankFile, unreadableBankMessage, type UnreadableBankFile } from "./unreadable-bank.js";

export type { BankState };

/** What `remove` did: the upload it removed, the bank it may not remove, or nothing by that name. */
export type RemoveOutcome = { removed: string } | { readOnly: ServedBankEntry } | { missing: ServedBankEntry[] };

/**
 * What reading the banks again from disk came to: read (`rebuilt` when what
 * is served changed; `recovered` when a bank that could not be read can
 * be again), kept (a bank on disk cannot be read: the banks as read before
 * are still served; `message` says which and why) or failed (any other
 * error, the banks as read before still served).
 */
export type RereadOutcome =
  | { kind: "read"; rebuilt: boolean; recovered: boolean; stories: number; before: number }
  | { kind: "kept"; code: string; message: string }
  | { kind: "failed"; error: unknown };

/**
 * The banks a server serves: those it started with plus uploaded ones (kept as
 * files in the store, so a restart serves them again, with or without
 * --bank). Changes are applied one at a time and the index is rebuilt
 * atomically after each, in a worker thread (see BankIndexer), so the
 * server answers other requests meanwhile from the banks served before.
 */
export class ServedBanks {
  private state: BankState | undefined;
  private readonly changes = new KeyedQueue();
  private readonly indexer: BankIndexer;
  /**
   * Whether the banks served are the fallback alone, chosen because nothing
   * else was (not the same bank given by name with --bank, which stays).
   */
  private servingFallback: boolean;
  /** A bank file on disk that the last build could not read: the banks as read before it are served. */
  private unreadable: UnreadableBankFile | undefined;

  /**
   * `fallback` is the bundled sample bank: served when nothing else is, and
   * replaced by the first upload. `banks` is what the server was started
   * with; empty, or `fallbackChosen` (the store held only the sample bank
   * and no --bank was given), the fallback is served until an upload.
   * `origin` says where `banks` came from, for the listing.
   */
  constructor(
    private readonly store: string,
    embedder: Embedder,
    private banks: string[],
    private readonly fallback: string,
    fallbackChosen = false,
    private readonly origin: "command-line" | "store" = "command-line",
    options: { indexTimeoutMs?: number } = {},
  ) {
    this.servingFallback = banks.length === 0 || fallbackChosen;
    if (banks.length === 0) this.banks = [fallback];
    this.indexer = new BankIndexer(embedder, options.indexTimeoutMs);
  }

  /**
   * Stops indexing, for a server shutting down: a change under way fails
   * (INDEX_STOPPED) and is undone, as is any asked for later. Resolves once
   * the store is back as it was.
   */
  async stop(): Promise<void> {
    await this.indexer.stop();
    // The change under way puts the store back before its turn ends.
    await this.exclusive(async () => undefined);
  }

  /**
   * The banks served from the user's own files or folders (the --bank ones,
   * or the store's): those that may be edited on disk while the server runs.
   * Uploads are changed through the API and the bundled sample bank not at all.
   */
  banksOnDisk(): string[] {
    return this.banks.filter((bank) => !this.isUpload(bank) && !(this.servingFallback && bank === this.fallback));
  }

  /**
   * Reads the served banks from disk again, for banks edited while the server
   * runs, in turn with uploads and deletions (never at once). The index is
   * rebuilt only when they changed; meanwhile, and when a bank can no longer
   * be read, the banks as read before are served.
   */
  async reread(): Promise<RereadOutcome> {
    return this.exclusive(async () => {
      const before = this.current();
      const wasUnreadable = this.unreadable !== undefined;
      try {
        await this.rebuild();
      } catch (error) {
        await this.recordServedBanks();
        const unreadable = unreadableBankFile(error);
        if (!unreadable) return { kind: "failed", error };
        this.unreadable = unreadable;
        return { kind: "kept", code: unreadable.code, message: this.unreadableMessage(unreadable) };
      }
      const stories = this.current().indexed.stories.length;
      return { kind: "read", rebuilt: this.current() !== before, recovered: wasUnreadable, stories, before: before.indexed.stories.length };
    });
  }

  private get uploads(): string {
    return path.resolve(this.store, "uploads");
  }

  /**
   * Serves the banks given plus every upload in the store: uploads are served
   * beside the --bank banks or the store's own, and replace the sample bank.
   */
  async load(): Promise<BankState> {
    return this.exclusive(async () => {
      // The folder is the record of uploads: one deleted by hand is no longer served, one the list lacks is (after the rest, so ids keep their suffixes).
      const onDisk = await this.uploadsOnDisk();
      const kept = this.banks.filter((bank) => path.dirname(bank) !== this.uploads || onDisk.includes(bank));
      const added = onDisk.filter((file) => !kept.includes(file));
      const banks = added.length > 0 && this.servingFallback ? added : [...kept, ...added];
      this.servingFallback = banks.length === 0 || (this.servingFallback && added.length === 0);
      this.banks = banks.length > 0 ? banks : [this.fallback];
      return (await this.rebuild()).state;
    });
  }

  current(): BankState {
    if (!this.state) throw new Error("banks not loaded");
    return this.state;
  }

  /**
   * Every bank served, in order: uploads by their upload name, the others by
   * their file or folder name; one that can no longer be read from disk with
   * the `error` that says so.
   */
  list(): ServedBankEntry[] {
    const count = this.storyCounter();
    const unreadable = this.unreadable;
    return this.banks.map((bank) => {
      const absolute = path.resolve(bank);
      if (this.isUpload(bank)) return { name: uploadName(bank), kind: "upload", deletable: true, stories: count(bank) };
      const entry: ServedBankEntry = { name: path.basename(absolute), kind: this.servingFallback ? "sample" : this.origin, deletable: false, stories: count(bank) };
      if (unreadable && within(unreadable.file, absolute)) entry.error = { code: unreadable.code, message: this.unreadableMessage(unreadable) };
      return entry;
    });
  }

  /** Counts the stories served from a bank (a file, or the files in a folder). */
  private storyCounter(): (bank: string) => number {
    const stories = this.state?.indexed.stories.map((story) => this.sourcePath(story.source.file)) ?? [];
    return (bank) => stories.filter((file) => within(file, path.resolve(bank))).length;
  }

  /**
   * Adds or replaces a named bank; a bank that is refused (no story, over the
   * limit, unindexable) changes nothing. Its stories are told as served, its
   * warnings naming it by its file name.
   */
  async upload(name: string, content: string, format: "markdown" | "json"): Promise<Pick<ParsedBank, "stories" | "warnings">> {
    const bytes = Buffer.byteLength(content, "utf8");
    // The limit is on bytes, as for files on disk: 5 million characters of "é" are 10 MB.
    if (bytes > MAX_BANK_FILE_BYTES) {
      throw new InputError("INPUT_TOO_LARGE", `bank "${name}": ${bytes.toLocaleString("en-US")} bytes as UTF-8 is over the 5 MB limit for a bank (${MAX_BANK_FILE_BYTES.toLocaleString("en-US")} bytes); split it into smaller banks.`);
    }
    return this.exclusive(async () => {
      const file = path.join(this.uploads, `${name}.${format === "json" ? "json" : "md"}`);
      const replaced = this.uploadedFiles(name);
      // The sample bank served as the fallback gives way to the first upload; given with --bank, it stays.
      const others = this.servingFallback ? [] : this.banks.filter((bank) => !replaced.includes(bank));
      // A file replaced keeps its place among the banks: the same bytes again then leave the banks, and the index, as they are.
      const banks = !this.servingFallback && this.banks.includes(file) ? this.banks.filter((bank) => bank === file || !replaced.includes(bank)) : [...others, file];
      // Checked before it is written: a refused bank never reaches the store, even if the server stops mid-build.
      await this.indexer.check({ file, name }, content);
      const warnings = await this.change(banks, false, { write: { file, content }, remove: replaced.filter((old) => old !== file) }, { file, name });
      // As served: ids and experiences are given across all banks (a bank of the same file name, the same experience retold elsewhere).
      return { stories: this.current().indexed.stories.filter((story) => this.sourcePath(story.source.file) === path.resolve(file)), warnings };
    });
  }

  /**
   * Removes a named upload ("mine", or "mine.md" as it was uploaded). When it
   * was the last bank, the bundled sample bank is served again (as on a first
   * start); a refused removal changes nothing. A bank that is served but not
   * uploaded is not removed: the outcome says which bank it is.
   */
  async remove(name: string): Promise<RemoveOutcome> {
    return this.exclusive(async () => {
      const entries = this.list();
      const safeName = safeUploadName(name);
      // The exact name first: a server bank "notes.md" and an upload "notes" are told apart by what was asked.
      const entry =
        entries.find((candidate) => candidate.name === name) ??
        entries.find((candidate) => candidate.kind === "upload" && candidate.name === safeName) ??
        entries.find((candidate) => candidate.kind !== "upload" && withoutBankFileEnding(candidate.name) === withoutBankFileEnding(name));
      if (!entry) return { missing: entries };
      if (!entry.deletable) return { readOnly: entry };
      const files = this.uploadedFiles(entry.name);
      const remaining = this.banks.filter((bank) => !files.includes(bank));
      await this.change(remaining.length > 0 ? remaining : [this.fallback], remaining.length === 0, { remove: files });
      return { removed: entry.name };
    });
  }

  /**
   * How a bank file is named to HTTP clients, never by where the server keeps
   * it: a file given or uploaded by its own name, a file in a folder given by
   * its path from that folder's parent (`sample-bank/numbered.md`).
   */
  displayFile(file: string): string {
    const absolute = this.sourcePath(file);
    const folder = this.banks.map((bank) => path.resolve(bank)).find((bank) => absolute.startsWith(bank + path.sep));
    return folder ? path.relative(path.dirname(folder), absolute).split(path.sep).join("/") : path.basename(absolute);
  }

  /**
   * The absolute path of a story's source file. The index records it as the
   * run that built the index saw it: relative to that run's working folder,
   * which may not be this one.
   */
  private sourcePath(file: string): string {
    const resolved = path.resolve(file);
    if (path.isAbsolute(file)) return resolved;
    const files = this.state?.indexed.manifest.files.map((entry) => entry.path) ?? [];
    return files.includes(resolved) ? resolved : (files.find((entry) => entry.endsWith(path.sep + path.normalize(file))) ?? resolved);
  }

  private unreadableMessage(unreadable: UnreadableBankFile): string {
    return unreadableBankMessage(unreadable, this.displayFile(unreadable.file), this.state?.indexed.stories.length ?? 0);
  }

  private async uploadsOnDisk(): Promise<string[]> {
    const names = await readdir(this.uploads).catch(() => []);
    return names.filter((name) => /\.(md|json)$/.test(name)).sort().map((name) => path.join(this.uploads, name));
  }

  private uploadedFiles(name: string): string[] {
    return this.banks.filter((bank) => this.isUpload(bank) && uploadName(bank) === name);
  }

  private isUpload(bank: string): boolean {
    return path.dirname(bank) === this.uploads;
  }

  /**
   * Serves a new list of banks: the uploaded file is written, the index
   * rebuilt, and only then are replaced files removed. If the rebuild fails
   * or refuses the upload, the written file is put back as it was and the
   * old banks stay served. Returns the upload's warnings.
   */
  private async change(banks: string[], servingFallback: boolean, files: { write?: { file: string; content: string }; remove: string[] }, upload?: UploadedFile): Promise<ParseWarning[]> {
    const overwritten = files.write ? await readFile(files.write.file).catch(() => null) : null;
    // The same bytes again are not written: the stored file stays as it is, and so, when current, does the index.
    const unchanged = files.write !== undefined && overwritten !== null && overwritten.equals(Buffer.from(files.write.content, "utf8"));
    if (files.write && !unchanged) {
      // A store the file system refuses is STORE_INACCESSIBLE (HTTP 500 naming the store), not an internal error.
      await writeFileAtomic(files.write.file, files.write.content).catch((error: unknown) => {
        throw storeAccessError(error, this.store, "write");
      });
    }
    let warnings: ParseWarning[];
    try {
      warnings = (await this.rebuild(banks, upload)).uploadWarnings;
    } catch (error) {
      if (files.write && !unchanged) await (overwritten ? writeFileAtomic(files.write.file, overwritten) : rm(files.write.file, { force: true }));
      await this.recordServedBanks();
      this.unreadable = unreadableBankFile(error, upload) ?? this.unreadable;
      throw servedBankError(error, upload, (file) => this.displayFile(file));
    }
    // Only now does the list change: until the new index is served, clients see the banks that are served.
    this.banks = banks;
    this.servingFallback = servingFallback;
    for (const file of files.remove) await rm(file, { force: true });
    return warnings;
  }

  /**
   * A build that failed or was stopped part-way (INDEX_TIMEOUT) may have
   * recorded its banks (banks.json) before the index swap it never made: the
   * store records the banks still served, as it did before.
   */
  private async recordServedBanks(): Promise<void> {
    const served = this.state?.indexed.manifest.banks;
    if (!served) return;
    const recorded = await readStoredBanks(this.store).catch(() => null);
    if (recorded !== null && recorded.length === served.length && recorded.every((bank, position) => bank === served[position])) return;
    // Best effort: the error to tell is the build's, not this one.
    await recordStoredBanks(this.store, served).catch(() => undefined);
  }

  private async rebuild(banks: string[] = this.banks, upload?: UploadedFile): Promise<IndexedBanks> {
    // A bank on disk that held stories and holds none now was emptied by a save, or is half-saved: refused, not served without them.
    const count = this.storyCounter();
    const held = this.banksOnDisk().filter((bank) => banks.includes(bank) && count(bank) > 0);
    // The state served goes with it: a store still holding that index (the same bytes uploaded again) is not rebuilt.
    const built = await this.indexer.build({ store: this.store, banks, upload, served: this.state, held });
    this.state = built.state;
    // Every bank was read: none is unreadable now.
    this.unreadable = undefined;
    return built;
  }

  // One change at a time: two uploads at once must not interleave their index builds.
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.changes.run("banks", work);
  }
}

/** Whether a file is the bank, or in it when the bank is a folder. */
function within(file: string, bank: string): boolean {
  return file === bank || file.startsWith(bank + path.sep);
}

/** An upload's name: its file's name in the uploads folder, without the ending. */
function uploadName(file: string): string {
  return path.basename(file).replace(/\.(md|json)$/, "");
}
