import { lstatSync, realpathSync, statSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";
import { BANK_FILE_EXTENSIONS } from "../bank/limits.js";
import { FolderTreeWatch } from "./folder-tree-watch.js";

/** How long the files must stay quiet before a change is acted on: editors save in bursts (temp file, rename, chmod). */
export const BANK_WATCH_DEBOUNCE_MS = 300;

export interface BankFileWatcherOptions {
  /**
   * Called once the banks named (as given) have been quiet for the debounce
   * time after a change; not called again until the promise it returns
   * settles, and then once more if they changed meanwhile.
   */
  onChange: (banks: string[]) => Promise<void>;
  /** Folders whose changes are not a bank's (the store, when it lies inside a bank folder). */
  ignore?: string[];
  /** Told when a folder that is still there cannot be watched; the watching of the others goes on. */
  onWatchError?: (message: string) => void;
  debounceMs?: number;
}

/** One bank's watches: its parent folder (for the bank's own name) and, for a folder bank, the folders in it. */
interface WatchedBank {
  bank: string;
  parent?: FSWatcher;
  folder?: FolderTreeWatch;
  /** For a file bank that is a link: the folder its file really lies in, where edits to it happen. */
  linkTarget?: FSWatcher;
}

/**
 * Watches bank files and folders on disk for edits, as a dev server does:
 * a file bank through its parent folder, so that an editor's save by
 * temp file and rename, or a file deleted and written anew, is still seen;
 * a folder bank with every folder in it the bank reader reads, watched
 * afresh when the folder is replaced. Files the bank reader skips (hidden
 * ones, node_modules, other endings) and the ignored folders do not count
 * as changes.
 */
export class BankFileWatcher {
  private readonly watched: WatchedBank[];
  private readonly changed = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  /** Set while onChange runs: changes meanwhile wait for it. */
  private running = false;
  private closed = false;
  private readonly ignore: string[];
  private readonly debounceMs: number;

  constructor(
    banks: readonly string[],
    private readonly options: BankFileWatcherOptions,
  ) {
    this.ignore = (options.ignore ?? []).map((folder) => path.resolve(folder));
    this.debounceMs = options.debounceMs ?? BANK_WATCH_DEBOUNCE_MS;
    this.watched = banks.map((bank) => ({ bank: path.resolve(bank) }));
    for (const entry of this.watched) {
      entry.parent = this.open(path.dirname(entry.bank), (name) => {
        if (name !== null && name !== path.basename(entry.bank)) return;
        // The bank itself was replaced: a folder put back gets a watch of its own again, a link its target's.
        this.watchFolder(entry);
        this.watchLinkTarget(entry);
        this.touched(entry.bank);
      });
      this.watchFolder(entry);
      this.watchLinkTarget(entry);
    }
  }

  /** Stops watching: no change is reported after this, and the watches no longer keep the process alive. */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    for (const entry of this.watched) {
      entry.parent?.close();
      entry.folder?.close();
      entry.linkTarget?.close();
      entry.parent = entry.folder = entry.linkTarget = undefined;
    }
  }

  /** (Re)opens the watches of a folder bank; a file bank, or a bank not there now, has none. */
  private watchFolder(entry: WatchedBank): void {
    entry.folder?.close();
    entry.folder = undefined;
    if (this.closed || !isFolder(entry.bank)) return;
    entry.folder = new FolderTreeWatch(entry.bank, {
      skip: (folder) => this.skips(entry.bank, path.relative(entry.bank, folder)),
      onEvent: (file, folder) => {
        if (file === entry.bank || this.counts(entry.bank, path.relative(entry.bank, file), folder)) this.touched(entry.bank);
      },
      onWatchError: (message) => this.options.onWatchError?.(message),
    });
  }

  /** (Re)opens the watch of a linked file bank's real folder; a bank that is no link to a file has none. */
  private watchLinkTarget(entry: WatchedBank): void {
    entry.linkTarget?.close();
    entry.linkTarget = undefined;
    if (this.closed || !isLinkToFile(entry.bank)) return;
    let target: string;
    try {
      target = realpathSync(entry.bank);
    } catch {
      // Removed meanwhile: the parent's watch sees it come back.
      return;
    }
    entry.linkTarget = this.open(path.dirname(target), (name) => {
      if (name === null || name === path.basename(target)) this.touched(entry.bank);
    });
  }

  private open(folder: string, onEvent: (name: string | null) => void): FSWatcher | undefined {
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, (_event, name) => onEvent(name === null ? null : String(name)));
    } catch (error) {
      this.options.onWatchError?.(`cannot watch ${path.basename(folder)} for edits (${(error as NodeJS.ErrnoException).code ?? "error"})`);
      return undefined;
    }
    // A parent folder that is removed ends its watch; it must not end the server.
    watcher.on("error", (error: NodeJS.ErrnoException) => {
      watcher.close();
      if (!this.closed) this.options.onWatchError?.(`stopped watching ${path.basename(folder)} for edits (${error.code ?? "error"})`);
    });
    return watcher;
  }

  /** Whether the bank reader leaves out `name` (relative to the folder bank) and all under it: hidden, node_modules, an ignored folder in the bank. */
  private skips(bank: string, name: string): boolean {
    const absolute = path.resolve(bank, name);
    // Only an ignored folder inside the bank counts: a bank kept in the store (COACH_HOME=~/coach, bank ~/coach/stories) is the user's to edit.
    if (this.ignore.some((folder) => isWithin(folder, bank) && isWithin(absolute, folder))) return true;
    return name.split(/[\\/]/).some((part) => part.startsWith(".") || part === "node_modules");
  }

  /** Whether a change to `name` (relative to the folder bank), a folder or not, is one the bank reader would see. */
  private counts(bank: string, name: string, folder: boolean): boolean {
    if (this.skips(bank, name)) return false;
    // A folder made, moved or removed may hold bank files, whatever its name ("v1.2").
    if (folder) return true;
    const last = name.split(/[\\/]/).at(-1)!.toLowerCase();
    // No ending at all may be a folder too, removed before it could be looked at.
    return last === "" || !last.includes(".") || BANK_FILE_EXTENSIONS.some((ending) => last.endsWith(ending));
  }

  private touched(bank: string): void {
    if (this.closed) return;
    this.changed.add(bank);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.report(), this.debounceMs);
  }

  private async report(): Promise<void> {
    this.timer = undefined;
    if (this.running || this.closed || this.changed.size === 0) return;
    const banks = [...this.changed];
    this.changed.clear();
    this.running = true;
    try {
      await this.options.onChange(banks);
    } catch (error) {
      // The server goes on serving what it served; the next save tries again.
      this.options.onWatchError?.(`reading the banks again failed (${error instanceof Error ? error.message : String(error)})`);
    } finally {
      this.running = false;
      // Changed while it ran: once more, once the files are quiet again.
      if (this.changed.size > 0 && !this.closed && this.timer === undefined) this.timer = setTimeout(() => void this.report(), this.debounceMs);
    }
  }
}

function isLinkToFile(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink() && statSync(file).isFile();
  } catch {
    return false;
  }
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** Whether `file` is `folder` or lies under it. */
function isWithin(file: string, folder: string): boolean {
  return file === folder || file.startsWith(folder + path.sep);
}
