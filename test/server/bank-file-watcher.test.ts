import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { BankFileWatcher } from "../../src/server/bank-file-watcher.js";
import { FolderTreeWatch } from "../../src/server/folder-tree-watch.js";

/** The server's own. */
const DEBOUNCE_MS = 300;
/** Long past the debounce time even on a loaded machine: what has not been reported by then is not going to be. */
const QUIET_MS = 2_000;
const WAIT_MS = 20_000;

/** A watcher whose reports are recorded, and a way to wait for the next one. */
function watchBanks(banks: string[], options: { ignore?: string[]; onChange?: (banks: string[]) => Promise<void> } = {}) {
  const reports: string[][] = [];
  const watchErrors: string[] = [];
  const watcher = new BankFileWatcher(banks, {
    debounceMs: DEBOUNCE_MS,
    ignore: options.ignore,
    onWatchError: (message) => watchErrors.push(message),
    onChange: async (changed) => {
      reports.push(changed);
      await options.onChange?.(changed);
    },
  });
  watchers.push(watcher);
  const reported = async (count: number) => {
    const deadline = Date.now() + WAIT_MS;
    while (reports.length < count && Date.now() < deadline) await delay(25);
    expect(reports.length, `reports after ${WAIT_MS / 1000} s`).toBeGreaterThanOrEqual(count);
  };
  return { reports, watchErrors, watcher, reported };
}

const watchers: BankFileWatcher[] = [];
afterEach(() => {
  for (const watcher of watchers.splice(0)) watcher.close();
});

const folder = () => mkdtempSync(path.join(os.tmpdir(), "coach-bank-watch-"));

describe("BankFileWatcher", () => {
  it("reports a burst of saves to a file bank once, after the file has gone quiet, naming the bank as given", async () => {
    const bank = path.join(folder(), "bank.md");
    writeFileSync(bank, "# One\n");
    const { reports, reported } = watchBanks([bank]);
    for (let save = 0; save < 5; save++) writeFileSync(bank, `# Save ${save}\n`);
    await reported(1);
    await delay(QUIET_MS);
    expect(reports).toEqual([[bank]]);
  });

  it("sees a file bank saved by renaming a temporary file over it, and deleted then written anew", async () => {
    const parent = folder();
    const bank = path.join(parent, "bank.md");
    writeFileSync(bank, "# One\n");
    const { reports, reported } = watchBanks([bank]);
    writeFileSync(path.join(parent, "bank.md.tmp"), "# Two\n");
    renameSync(path.join(parent, "bank.md.tmp"), bank);
    await reported(1);
    rmSync(bank);
    await reported(2);
    writeFileSync(bank, "# Three\n");
    await reported(3);
    expect(reports).toEqual([[bank], [bank], [bank]]);
  });

  it("does not count other files beside a file bank, nor hidden files, other endings or the ignored store in a folder bank", async () => {
    const parent = folder();
    const file = path.join(parent, "bank.md");
    const bank = path.join(parent, "stories");
    mkdirSync(path.join(bank, "store"), { recursive: true });
    writeFileSync(file, "# One\n");
    const { reports, reported } = watchBanks([file, bank], { ignore: [path.join(bank, "store")] });
    writeFileSync(path.join(parent, "notes.md"), "not a bank\n");
    writeFileSync(path.join(bank, ".bank.md.swp"), "swap");
    writeFileSync(path.join(bank, "photo.png"), "png");
    writeFileSync(path.join(bank, "store", "manifest.json"), "{}");
    await delay(QUIET_MS);
    expect(reports).toEqual([]);
    writeFileSync(path.join(bank, "new.md"), "# Two\n");
    await reported(1);
    expect(reports).toEqual([[bank]]);
  });

  it("keeps watching a folder bank replaced by a new folder of the same name", async () => {
    const parent = folder();
    const bank = path.join(parent, "stories");
    mkdirSync(bank);
    writeFileSync(path.join(bank, "a.md"), "# One\n");
    const { reports, reported } = watchBanks([bank]);
    renameSync(bank, path.join(parent, "stories-old"));
    mkdirSync(bank);
    await reported(1);
    await delay(QUIET_MS);
    const before = reports.length;
    writeFileSync(path.join(bank, "b.md"), "# Two\n");
    await reported(before + 1);
    // The old folder, moved away, is no longer the bank.
    writeFileSync(path.join(parent, "stories-old", "c.md"), "# Three\n");
    await delay(QUIET_MS);
    expect(reports).toHaveLength(before + 1);
  });

  it("keeps watching a folder bank while folders inside it are made and removed at once, as a store's index build or an editor's backups do", async () => {
    const bank = path.join(folder(), "stories");
    mkdirSync(path.join(bank, "store"), { recursive: true });
    writeFileSync(path.join(bank, "a.md"), "# One\n");
    const { reports, watchErrors, reported } = watchBanks([bank], { ignore: [path.join(bank, "store")] });
    // A folder removed while the watch lists it made Node's recursive watch give up on the whole bank (ENOENT).
    // A race, so it is run for a while: the removal runs on another thread while events are read.
    const removals: Promise<void>[] = [];
    const until = Date.now() + 8_000;
    for (let round = 0; Date.now() < until && watchErrors.length === 0; round++) {
      const made = path.join(bank, round % 2 ? "store" : "backups", `build-${round}`);
      mkdirSync(made, { recursive: true });
      writeFileSync(path.join(made, "manifest.json"), "{}");
      if (round % 2) await new Promise((resolve) => setImmediate(resolve));
      removals.push(rm(made, { recursive: true, force: true }));
      for (let turn = 0; turn < (round % 5) * 3; turn++) await new Promise((resolve) => setImmediate(resolve));
      await delay(round % 3);
    }
    await Promise.all(removals);
    await delay(QUIET_MS);
    const before = reports.length;
    writeFileSync(path.join(bank, "a.md"), "# Two\n");
    await reported(before + 1);
    expect(watchErrors).toEqual([]);
  });

  it("watches the folders of a folder bank the bank reader reads, not hidden ones, node_modules or the store, and follows folders made, renamed and removed", async () => {
    const bank = path.join(folder(), "stories");
    for (const inside of ["work", "work/2024", ".git/objects", "node_modules/x", "store/index"]) mkdirSync(path.join(bank, inside), { recursive: true });
    writeFileSync(path.join(bank, "work", "2024", "a.md"), "# One\n");
    const { reports, reported } = watchBanks([bank], { ignore: [path.join(bank, "store")] });
    writeFileSync(path.join(bank, ".git", "objects", "b.md"), "# Hidden\n");
    writeFileSync(path.join(bank, "node_modules", "x", "c.md"), "# Package\n");
    writeFileSync(path.join(bank, "store", "index", "stories.json"), "[]");
    await delay(QUIET_MS);
    expect(reports).toEqual([]);
    // A folder made with a subfolder already in it, then a file saved deep inside.
    mkdirSync(path.join(bank, "side", "deep"), { recursive: true });
    await reported(1);
    await delay(QUIET_MS);
    writeFileSync(path.join(bank, "side", "deep", "d.md"), "# Deep\n");
    await reported(2);
    // Renamed: edits under the new name are seen.
    renameSync(path.join(bank, "work"), path.join(bank, "jobs"));
    await reported(3);
    await delay(QUIET_MS);
    writeFileSync(path.join(bank, "jobs", "2024", "a.md"), "# Two\n");
    await reported(4);
    await delay(QUIET_MS);
    expect(reports).toHaveLength(4);
  });

  it("sees a folder with a dot in its name ('v1.2', 'notes.old') moved into and out of a folder bank, with the stories in it", async () => {
    const parent = folder();
    const bank = path.join(parent, "stories");
    mkdirSync(bank);
    writeFileSync(path.join(bank, "a.md"), "# One\n");
    for (const name of ["v1.2", "notes.old"]) {
      mkdirSync(path.join(parent, name));
      writeFileSync(path.join(parent, name, "b.md"), "# Two\n");
    }
    const { reports, reported } = watchBanks([bank]);
    renameSync(path.join(parent, "v1.2"), path.join(bank, "v1.2"));
    await reported(1);
    await delay(QUIET_MS);
    // Moved away, its stories are gone from the bank: nothing inside it changed, so only its own name says so.
    renameSync(path.join(bank, "v1.2"), path.join(parent, "v1.2-moved"));
    await reported(2);
    await delay(QUIET_MS);
    renameSync(path.join(parent, "notes.old"), path.join(bank, "notes.old"));
    await reported(3);
    await delay(QUIET_MS);
    expect(reports).toEqual([[bank], [bank], [bank]]);
  });

  it("watches a folder bank kept inside the ignored store (COACH_HOME=~/coach, bank ~/coach/stories), and still not the store's own files", async () => {
    const store = folder();
    const bank = path.join(store, "stories");
    mkdirSync(bank);
    writeFileSync(path.join(bank, "a.md"), "# One\n");
    const { reports, reported } = watchBanks([bank], { ignore: [store] });
    writeFileSync(path.join(store, "banks.json"), "[]");
    await delay(QUIET_MS);
    expect(reports).toEqual([]);
    writeFileSync(path.join(bank, "a.md"), "# Two\n");
    await reported(1);
    mkdirSync(path.join(bank, "2024"));
    await reported(2);
    await delay(QUIET_MS);
    writeFileSync(path.join(bank, "2024", "b.md"), "# Three\n");
    await reported(3);
    expect(reports).toEqual([[bank], [bank], [bank]]);
  });

  it("holds changes made while one is being handled, and reports them once when it is done", async () => {
    const bank = path.join(folder(), "bank.md");
    writeFileSync(bank, "# One\n");
    let finish = () => {};
    const handling = new Promise<void>((resolve) => (finish = resolve));
    const { reports, reported } = watchBanks([bank], { onChange: () => (reports.length === 1 ? handling : Promise.resolve()) });
    writeFileSync(bank, "# Two\n");
    await reported(1);
    writeFileSync(bank, "# Three\n");
    await delay(QUIET_MS);
    writeFileSync(bank, "# Four\n");
    await delay(QUIET_MS);
    expect(reports).toHaveLength(1);
    finish();
    await reported(2);
    await delay(QUIET_MS);
    expect(reports).toHaveLength(2);
  });

  it("reports nothing once closed", async () => {
    const bank = path.join(folder(), "bank.md");
    writeFileSync(bank, "# One\n");
    const { reports, watcher } = watchBanks([bank]);
    writeFileSync(bank, "# Two\n");
    // Closed inside the debounce time: the change waiting to be reported is dropped too.
    watcher.close();
    writeFileSync(bank, "# Three\n");
    await delay(QUIET_MS);
    expect(reports).toEqual([]);
  });

  it("follows linked folders and files in a folder bank, as the bank reader does, where the edits really happen", async () => {
    const elsewhere = folder();
    mkdirSync(path.join(elsewhere, "notes"));
    writeFileSync(path.join(elsewhere, "notes", "a.md"), "# One\n");
    writeFileSync(path.join(elsewhere, "b.md"), "# Two\n");
    const bank = path.join(folder(), "stories");
    mkdirSync(bank);
    symlinkSync(path.join(elsewhere, "notes"), path.join(bank, "notes"));
    symlinkSync(path.join(elsewhere, "b.md"), path.join(bank, "b.md"));
    // A link back to the bank's own folder must not be followed for ever.
    symlinkSync(bank, path.join(bank, "loop"));
    const { reports, reported } = watchBanks([bank]);
    writeFileSync(path.join(elsewhere, "notes", "a.md"), "# One, edited\n");
    await reported(1);
    await delay(QUIET_MS);
    writeFileSync(path.join(elsewhere, "b.md"), "# Two, edited\n");
    await reported(2);
    await delay(QUIET_MS);
    // A file beside the linked one, which the bank does not hold, is no change to it.
    writeFileSync(path.join(elsewhere, "c.md"), "# Not in the bank\n");
    await delay(QUIET_MS);
    expect(reports).toEqual([[bank], [bank]]);
  });

  it("sees edits to a file bank that is a link to a file kept elsewhere", async () => {
    const elsewhere = folder();
    writeFileSync(path.join(elsewhere, "real.md"), "# One\n");
    const bank = path.join(folder(), "bank.md");
    symlinkSync(path.join(elsewhere, "real.md"), bank);
    const { reports, reported } = watchBanks([bank]);
    writeFileSync(path.join(elsewhere, "real.md"), "# Two\n");
    await reported(1);
    expect(reports).toEqual([[bank]]);
  });
});

describe("FolderTreeWatch and folders reached by two paths", () => {
  it("keeps watching a folder reached through two links when the one watching it is removed (review)", async () => {
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), "coach-tree-watch-"));
    mkdirSync(path.join(elsewhere, "notes"));
    const bank = path.join(mkdtempSync(path.join(os.tmpdir(), "coach-tree-watch-")), "stories");
    mkdirSync(bank);
    symlinkSync(path.join(elsewhere, "notes"), path.join(bank, "first"));
    symlinkSync(path.join(elsewhere, "notes"), path.join(bank, "second"));
    const events: string[] = [];
    const tree = new FolderTreeWatch(bank, { skip: () => false, onEvent: (file) => events.push(file), onWatchError: () => undefined });
    try {
      // Watched once, through whichever link was listed first; remove that one.
      const watched = [...(tree as unknown as { watches: Map<string, unknown> }).watches.keys()].filter((folder) => folder !== bank);
      expect(watched).toHaveLength(1);
      rmSync(watched[0]!);
      await delay(QUIET_MS);
      events.length = 0;
      writeFileSync(path.join(elsewhere, "notes", "new.md"), "# New\n");
      const deadline = Date.now() + WAIT_MS;
      while (!events.some((file) => file.endsWith("new.md")) && Date.now() < deadline) await delay(25);
      const other = watched[0]!.endsWith("first") ? "second" : "first";
      expect(events).toContain(path.join(bank, other, "new.md"));
    } finally {
      tree.close();
    }
  });
});
