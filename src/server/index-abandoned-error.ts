import { IndexError } from "../errors/index.js";
import type { UploadedFile } from "./uploaded-file-name.js";

/** A build or check that made no progress for `limitMs` and was stopped (INDEX_TIMEOUT): it changed nothing. */
export function indexTimeoutError(limitMs: number, upload?: UploadedFile): IndexError {
  return new IndexError(
    "INDEX_TIMEOUT",
    `${doing(upload)} took too long (no progress for ${duration(limitMs)}), so it was stopped; the banks and the index are unchanged. Try again, or split the bank into smaller ones; the server's COACH_INDEX_TIMEOUT_MS sets the limit.`,
    { limitMs },
  );
}

/** A build or check stopped because the server is shutting down (INDEX_STOPPED): it changed nothing. */
export function indexStoppedError(upload?: UploadedFile): IndexError {
  return new IndexError("INDEX_STOPPED", `${doing(upload)} was stopped because the server is shutting down; the banks and the index are unchanged. ${upload ? "Upload it again" : "Try again"} once the server is back.`);
}

function doing(upload: UploadedFile | undefined): string {
  return upload ? `bank "${upload.name}": indexing the upload` : "indexing the banks";
}

function duration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
