import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { storeLayout } from "./store-layout.js";
import { recoverInterruptedSwap } from "./story-index-store.js";

/**
 * Tidies the store after a build of this process was stopped part-way (an
 * index worker terminated mid-build): puts back the last good index if the
 * build was stopped between the two renames of its swap, and removes the
 * half-built index folder and half-written files the build left. Call it only
 * once that build can no longer write: what it removes is named by this
 * process's id, which a build started later would share.
 */
export async function clearAbandonedWrites(store: string, pid = process.pid): Promise<void> {
  await recoverInterruptedSwap(store);
  const building = `index.building-${pid}-`;
  // writeFileAtomic's temporary files: banks.json's in the store, the embedding cache's in its folder.
  const temporary = `.tmp-${pid}-`;
  const cache = path.dirname(storeLayout(store).embeddingCache("any"));
  for (const folder of [store, cache]) {
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names) {
      if (name.startsWith(building) || name.includes(temporary)) await rm(path.join(folder, name), { recursive: true, force: true });
    }
  }
}
