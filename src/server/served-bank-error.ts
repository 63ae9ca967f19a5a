import { CoachError } from "../errors/index.js";
import { unreadableBankFile } from "./unreadable-bank.js";
import type { UploadedFile } from "./uploaded-file-name.js";

/**
 * An index build for an upload or a deletion that failed on a bank the server
 * was started with (moved, deleted or broken on disk while it runs), as the
 * server's own problem (SERVED_BANK_UNREADABLE): the client is told which bank
 * by its name and that nothing changed, never the server's paths; the parser's
 * error, paths and all, stays the cause, for the operator's log. Any other
 * error is returned as it is.
 */
export function servedBankError(error: unknown, upload: UploadedFile | undefined, displayFile: (file: string) => string): unknown {
  const unreadable = unreadableBankFile(error, upload);
  if (!unreadable) return error;
  const outcome = upload ? `bank "${upload.name}" was not uploaded` : "nothing was deleted";
  return new CoachError(
    "SERVED_BANK_UNREADABLE",
    `the server's own bank ${displayFile(unreadable.file)} can no longer be read (${unreadable.code}), so ${outcome}; the banks served before are still served. The server's log says what is wrong with it: put it back as it was, or restart coach serve without it.`,
    { cause: error },
  );
}
