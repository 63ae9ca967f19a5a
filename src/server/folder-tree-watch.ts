import { readdirSync, statSync, watch, type FSWatcher } from "node:fs";
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
 * and it cannot leave out the folders the bank reader skips.
 */
export class FolderTreeWatch {
  private readonly watches = new Map<string, FSWatcher>();
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
    for (const watcher of this.watches.values()) watcher.close();
    this.watches.clear();
  }

  private add(folder: string): void {
    if (this.closed || this.watches.has(folder) || (folder !== this.root && this.options.skip(folder))) return;
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
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      // Gone already: the event in its parent folder removes its watch.
      return;
    }
    for (const entry of entries) if (entry.isDirectory()) this.add(path.join(folder, entry.name));
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
    this.options.onEvent(changed, wasWatched || folderNow);
  }

  private remove(folder: string): void {
    for (const [watched, watcher] of this.watches) {
      if (watched === folder || watched.startsWith(folder + path.sep)) {
        watcher.close();
        this.watches.delete(watched);
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

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
