import { STORE_SETTING } from "../config/index.js";
import { StoreError } from "../errors/index.js";

// Why the file system refused, in words; other failures are not about the store folder.
const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "the disk is read-only",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  ENOTDIR: "a file stands where a folder should be",
  EEXIST: "a file stands where a folder should be",
  EISDIR: "a folder stands where a file should be",
};

/** Why the file system refused, in words ("permission denied"), or undefined for a failure that is no refusal. */
export function fileSystemRefusal(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === undefined ? undefined : REASONS[code];
}

/**
 * A read or write in the store that the file system refused, as a
 * StoreError (STORE_INACCESSIBLE) naming the store and the setting that chose
 * it; any other error is returned as it is.
 */
export function storeAccessError(error: unknown, store: string, action: "read" | "write"): unknown {
  const { code, path: where } = (error ?? {}) as NodeJS.ErrnoException;
  const reason = fileSystemRefusal(error);
  if (reason === undefined) return error;
  const fix = code === "ENOSPC" || code === "EDQUOT" ? "free some space, or point" : "point";
  return new StoreError(
    `${STORE_SETTING}: cannot ${action} ${action === "read" ? "" : "to "}the store ${store}: ${reason}${where && where !== store ? ` (${where})` : ""}; ${fix} --store or COACH_HOME at a folder you can ${action === "read" ? "use" : "write to"}.`,
    { cause: error, file: where ?? store, code: "STORE_INACCESSIBLE" },
  );
}
