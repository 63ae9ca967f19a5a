import path from "node:path";
import { isCoachError, type ErrorCode } from "../errors/index.js";
import { countOf } from "../text/index.js";
import type { UploadedFile } from "./uploaded-file-name.js";

/** A file of a bank the server serves from disk that can no longer be read as a bank (the stories read before it stay served). */
export interface UnreadableBankFile {
  /** Where the server reads it: for the log's and the listing's file name only, never shown whole. */
  file: string;
  code: ErrorCode;
  line?: number;
}

/** What is wrong with the file, in words that hold neither a path nor any of its text. */
const REASONS: Partial<Record<ErrorCode, string>> = {
  INPUT_EMPTY: "holds no story",
  INPUT_UNREADABLE: "is missing or cannot be read",
  INPUT_TOO_LARGE: "is over the 5 MB limit for a bank file",
  INPUT_NOT_PARSEABLE: "cannot be parsed",
  INPUT_BINARY: "is not text",
};

/**
 * The bank file at fault when an index build failed on one of the banks the
 * server reads from disk (an input error naming a file other than the
 * upload's); undefined for any other failure.
 */
export function unreadableBankFile(error: unknown, upload?: UploadedFile): UnreadableBankFile | undefined {
  if (!isCoachError(error) || !error.code.startsWith("INPUT_") || error.location.file === undefined) return undefined;
  const file = path.resolve(error.location.file);
  if (upload && file === path.resolve(upload.file)) return undefined;
  return { file, code: error.code, ...(error.location.line === undefined ? {} : { line: error.location.line }) };
}

/**
 * Says which file is at fault, by the name clients see (`displayName`), what
 * is wrong with it, and that the stories read before are still served, for
 * the server's log and GET /api/banks.
 */
export function unreadableBankMessage(unreadable: UnreadableBankFile, displayName: string, storiesServed: number): string {
  const reason = REASONS[unreadable.code] ?? "cannot be read as a bank";
  const where = unreadable.line === undefined ? "" : `, line ${unreadable.line}`;
  return `${displayName} on disk ${reason} (${unreadable.code}${where}); the banks as read before are still served (${countOf(storiesServed, "story", "stories")}): fix it and save it again.`;
}
