import { isCoachError, type ErrorCode } from "./coach-error.js";

/** Process exit codes, as fixed by the contracts. */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  input: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

const exitCodeByErrorCode: Record<ErrorCode, ExitCode> = {
  USAGE: ExitCode.usage,
  CONFIG_INVALID: ExitCode.usage,
  INPUT_UNREADABLE: ExitCode.input,
  INPUT_EMPTY: ExitCode.input,
  INPUT_TOO_LARGE: ExitCode.input,
  INPUT_NOT_PARSEABLE: ExitCode.input,
  INPUT_BINARY: ExitCode.input,
  PROVIDER_NOT_CONFIGURED: ExitCode.usage,
  PROVIDER_UNREACHABLE: ExitCode.failure,
  PROVIDER_AUTH: ExitCode.failure,
  PROVIDER_RATE_LIMITED: ExitCode.failure,
  PROVIDER_TIMEOUT: ExitCode.failure,
  PROVIDER_BAD_RESPONSE: ExitCode.failure,
  PROVIDER_ERROR: ExitCode.failure,
  STORE_CORRUPT: ExitCode.failure,
  // Runtime: the same folder works once its permissions or free space change.
  STORE_INACCESSIBLE: ExitCode.failure,
  // Runtime: another process holds the port now; the same command may work later.
  PORT_IN_USE: ExitCode.failure,
  LISTEN_FAILED: ExitCode.failure,
  // Runtime: the same bank may index on a less busy machine, or with a longer limit.
  INDEX_TIMEOUT: ExitCode.failure,
  INDEX_STOPPED: ExitCode.failure,
  // Runtime: a running server's own bank went missing or bad on disk; putting it back fixes it.
  SERVED_BANK_UNREADABLE: ExitCode.failure,
  INTERNAL: ExitCode.failure,
};

/** The one place that decides which exit code an error ends the process with. */
export function exitCodeFor(error: unknown): ExitCode {
  return isCoachError(error) ? exitCodeByErrorCode[error.code] : ExitCode.failure;
}
