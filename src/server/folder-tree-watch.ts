import { lstatSync, readdirSync, realpathSync, statSync, watch, type Dirent, type FSWatcher } from "node:fs";
import path from "node:path";

export interface FolderTreeWatchOptions {
  /** Folders not watched, nor anything under them (hidden ones, node_modules, the store). */
  skip: (folder: string) => boolean;
  /** Told the path of a file or folder that changed, was added or was removed, and whether it is, or was, a folder. */
  onEvent: (file: string, folder: boolean) => void;
  /** Told when a folder that is still there cannot be watched (the system's watch limit, permissions). */
  onWatchError: (message: string) => void;
}

/**
 * Watches a folder and every folder under it, one watch per folder, as
 * folders come and go. Node's own recursive watch is not used: on Linux it
 * gives up on the whole tree with an error when a subfolder vanishes while
 * it is being listed (a store's build folder, an editor's backup folder),
 * and it cannot leave out the folders the bank reader skips. Linked folders
 * and files are followed, as the bank reader follows them (notes kept
 * elsewhere and linked in); a folder reached twice through links is watched once.
 */
export class FolderTreeWatch {
  private readonly watches = new Map<string, FSWatcher>();
  /** Each watched folder's real path: a link back to a parent must not be followed for ever. */
  private readonly realFolders = new Map<string, string>();
  /** The real paths watched, whichever path watches them. */
  private readonly reals = new Set<string>();
  /** Linked files, each watched through the folder it really lies in, by the link's path. */
  private readonly linkedFiles = new Map<string, FSWatcher>();
  private closed = false;
  private reported = false;

  constructor(
    private readonly root: string,
    private readonly options: FolderTreeWatchOptions,
  ) {
    this.add(root);
  }

  /** Stops every watch; no event is reported after this. */
  close(): void {
    this.closed = true;
    for (const watcher of [...this.watches.values(), ...this.linkedFiles.values()]) watcher.close();
    this.watches.clear();
    this.linkedFiles.clear();
    this.realFolders.clear();
    this.reals.clear();
  }

  private add(folder: string): void {
    if (this.closed || this.watches.has(folder) || (folder !== this.root && this.options.skip(folder))) return;
    const real = realPath(folder);
    if (this.reals.has(real)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, (_event, name) => this.changed(folder, name === null ? null : String(name)));
    } catch (error) {
      this.failed(folder, error);
      return;
    }
    watcher.on("error", (error) => {
      this.remove(folder);
      this.failed(folder, error);
    });
    this.watches.set(folder, watcher);
    this.realFolders.set(folder, real);
    this.reals.add(real);
    // Gone already (no entries): the event in its parent folder removes its watch.
    for (const entry of entriesOf(folder)) {
      if (entry.isDirectory()) this.add(path.join(folder, entry.name));
      else if (entry.isSymbolicLink()) this.follow(path.join(folder, entry.name));
    }
  }

  // A link to a folder is watched as a folder; a link to a file through the folder the file really lies in, since
  // an edit to the file is an event there, not beside the link.
  private follow(link: string): void {
    if (isFolder(link)) {
      this.add(link);
      return;
    }
    if (this.closed || this.linkedFiles.has(link) || this.options.skip(path.dirname(link))) return;
    const target = realPath(link);
    if (target === link) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(path.dirname(target), (_event, name) => {
        if (!this.closed && (name === null || String(name) === path.basename(target))) this.options.onEvent(link, false);
      });
    } catch {
      // A broken link, or a target folder that cannot be watched: the bank reader passes a broken link by too.
      return;
    }
    watcher.on("error", () => {
      watcher.close();
      this.linkedFiles.delete(link);
    });
    this.linkedFiles.set(link, watcher);
  }

  private changed(folder: string, name: string | null): void {
    if (this.closed) return;
    if (name === null) {
      this.options.onEvent(folder, true);
      return;
    }
    const changed = path.join(folder, name);
    if (changed === this.root) {
      this.options.onEvent(changed, true);
      return;
    }
    // A folder made, moved in or out, or replaced by another of the same name: its watches follow it. Said to be a
    // folder whatever its name ("v1.2", "notes.old"): one moved away was watched, one moved in is a folder now.
    const wasWatched = this.watches.has(changed);
    this.remove(changed);
    const folderNow = isFolder(changed);
    if (folderNow) this.add(changed);
    else if (isLink(changed)) this.follow(changed);
    // A folder watched through the link just removed may still be reached by another path (the real folder beside it).
    if (wasWatched) this.rescan(this.root);
    this.options.onEvent(changed, wasWatched || folderNow);
  }

  // Watches every folder under `folder` that is not watched yet, through the watched ones: only those are descended,
  // so a link back to a parent (never watched twice) ends the walk.
  private rescan(folder: string): void {
    if (this.closed) return;
    for (const entry of entriesOf(folder)) {
      const full = path.join(folder, entry.name);
      if (!entry.isDirectory() && !(entry.isSymbolicLink() && isFolder(full))) continue;
      if (this.watches.has(full)) this.rescan(full);
      else this.add(full);
    }
  }

  /** Stops watching `path` and everything under it: folders and linked files alike. */
  private remove(folder: string): void {
    for (const watches of [this.watches, this.linkedFiles]) {
      for (const [watched, watcher] of watches) {
        if (watched === folder || watched.startsWith(folder + path.sep)) {
          watcher.close();
          watches.delete(watched);
          const real = this.realFolders.get(watched);
          if (real !== undefined) this.reals.delete(real);
          this.realFolders.delete(watched);
        }
      }
    }
  }

  // A folder removed while being watched is not a failure; one still there that cannot be watched is, said once.
  private failed(folder: string, error: unknown): void {
    if (this.closed || this.reported || !isFolder(folder)) return;
    this.reported = true;
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    const name = path.relative(path.dirname(this.root), folder);
    this.options.onWatchError(`cannot watch ${name} for edits (${code}); edits there are not seen until the server is restarted`);
  }
}

function entriesOf(folder: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
