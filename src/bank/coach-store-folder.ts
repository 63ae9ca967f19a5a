import { stat } from "node:fs/promises";
import path from "node:path";

// What only a coach store holds (see src/store/store-layout.ts): its index manifest and its caches.
const STORE_ENTRIES = [
  ["index", "manifest.json"],
  ["cache", "embeddings"],
  ["cache", "llm"],
] as const;

/**
 * Whether a folder met inside a bank folder is a coach store (a `--store` or
 * COACH_HOME kept beside the stories): its index, caches and uploads are
 * not the user's stories, so the bank reader passes it by.
 */
export async function isCoachStoreFolder(folder: string): Promise<boolean> {
  for (const entry of STORE_ENTRIES) {
    try {
      await stat(path.join(folder, ...entry));
      return true;
    } catch {
      // Not this one; try the next.
    }
  }
  return false;
}
