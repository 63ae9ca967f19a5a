import { statSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "../errors/index.js";

/** How messages name the store setting: the flag and the variable that set it. */
export const STORE_SETTING = "--store (COACH_HOME)";

/**
 * Refuses a store that can never be a folder: the path is a file, or a file
 * stands where one of its parent folders should be. A folder that does not
 * exist yet is fine (it is made on first write), and so is one that cannot be
 * written: a read-only store still serves an index that is up to date.
 */
export function checkStoreFolder(store: string, setting = STORE_SETTING): void {
  for (let current = store; ; current = path.dirname(current)) {
    let isFolder: boolean;
    try {
      isFolder = statSync(current).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Missing, or a file somewhere above it: keep climbing to find which.
      if ((code === "ENOENT" || code === "ENOTDIR") && path.dirname(current) !== current) continue;
      return;
    }
    if (isFolder) return;
    throw new ConfigError(current === store ? `${setting}: ${store} is a file, not a folder.` : `${setting}: ${store}: ${current} is a file, not a folder.`, { flag: "--store" });
  }
}
