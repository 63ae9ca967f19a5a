import { isCoachError, type ErrorCode } from "./coach-error.js";

const httpStatusByErrorCode: Record<ErrorCode, number> = {
  USAGE: 400,
  CONFIG_INVALID: 500,
  INPUT_UNREADABLE: 400,
  INPUT_EMPTY: 400,
  INPUT_TOO_LARGE: 413,
  INPUT_NOT_PARSEABLE: 422,
  INPUT_BINARY: 415,
  PROVIDER_NOT_CONFIGURED: 503,
  PROVIDER_UNREACHABLE: 502,
  PROVIDER_AUTH: 502,
  PROVIDER_RATE_LIMITED: 503,
  PROVIDER_TIMEOUT: 504,
  PROVIDER_BAD_RESPONSE: 502,
  PROVIDER_ERROR: 502,
  STORE_CORRUPT: 500,
  STORE_INACCESSIBLE: 500,
  // Only raised before the server listens; listed so the map stays total.
  PORT_IN_USE: 500,
  LISTEN_FAILED: 500,
  // The server could not do it now and changed nothing: a client may try again (a smaller bank, later).
  INDEX_TIMEOUT: 503,
  INDEX_STOPPED: 503,
  // A bank the server was started with, gone or broken on disk: the server's to fix, not the client's.
  SERVED_BANK_UNREADABLE: 500,
  INTERNAL: 500,
};

/** The one place that decides which HTTP status an error is answered with. */
export function httpStatusFor(error: unknown): number {
  return isCoachError(error) ? httpStatusByErrorCode[error.code] : 500;
}
