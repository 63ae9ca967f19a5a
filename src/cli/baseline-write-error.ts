import { UsageError } from "../errors/index.js";

// File-system refusals that mean "this copy of the project is not yours to change", in words.
const REFUSALS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "the disk is read-only",
};

/**
 * A refused write of the eval baseline as a usage error naming the file and
 * where the baseline can be updated (a checkout of the project, not an
 * installed package); any other error is returned as it is.
 */
export function baselineWriteError(error: unknown, file: string): unknown {
  const reason = REFUSALS[(error as NodeJS.ErrnoException | undefined)?.code ?? ""];
  if (reason === undefined) return error;
  return new UsageError(
    `--update-baseline: cannot write ${file}: ${reason}. The baseline is part of the project's source: update it in a checkout of the project (git clone), where evals/baseline.json is committed, not in an installed copy.`,
    { flag: "--update-baseline", cause: error },
  );
}
