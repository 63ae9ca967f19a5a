import { UsageError } from "../errors/index.js";
import { fileSystemRefusal } from "../store/index.js";

// Refusals that mean "this copy of the project is not yours to change"; a full disk is another matter.
const NOT_YOURS: ReadonlySet<string> = new Set(["EACCES", "EPERM", "EROFS"]);

/** The usage error for a baseline that may not be rewritten here, naming the file, why, and where to update it. */
export function baselineRefused(file: string, reason: string, cause?: unknown): UsageError {
  return new UsageError(
    `--update-baseline: cannot write ${file}: ${reason}. The baseline is part of the project's source: update it in a checkout of the project (git clone), where evals/baseline.json is committed, not in an installed copy.`,
    { flag: "--update-baseline", cause },
  );
}

/** A refused write of the eval baseline (EACCES, EPERM, EROFS) as `baselineRefused`; any other error is returned as it is. */
export function baselineWriteError(error: unknown, file: string): unknown {
  const reason = fileSystemRefusal(error);
  return reason === undefined || !NOT_YOURS.has((error as NodeJS.ErrnoException).code!) ? error : baselineRefused(file, reason, error);
}
