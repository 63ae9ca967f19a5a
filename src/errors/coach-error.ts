/** Where in the user's input an error points: a file, a line in it, or a flag. */
export interface ErrorLocation {
  file?: string;
  line?: number;
  flag?: string;
}

/**
 * Stable error codes. Scripts and the HTTP API rely on these strings; add new
 * ones freely, never rename one.
 */
export type ErrorCode =
  | "USAGE"
  | "CONFIG_INVALID"
  | "INPUT_UNREADABLE"
  | "INPUT_EMPTY"
  | "INPUT_TOO_LARGE"
  | "INPUT_NOT_PARSEABLE"
  | "INPUT_BINARY"
  | "PROVIDER_NOT_CONFIGURED"
  | "PROVIDER_UNREACHABLE"
  | "PROVIDER_AUTH"
  | "PROVIDER_RATE_LIMITED"
  | "PROVIDER_TIMEOUT"
  | "PROVIDER_BAD_RESPONSE"
  | "PROVIDER_ERROR"
  | "STORE_CORRUPT"
  | "STORE_INACCESSIBLE"
  | "PORT_IN_USE"
  | "LISTEN_FAILED"
  | "INDEX_TIMEOUT"
  | "INDEX_STOPPED"
  | "SERVED_BANK_UNREADABLE"
  | "INTERNAL";

/** Base of every error the coach raises on purpose. */
export class CoachError extends Error {
  readonly code: ErrorCode;
  readonly location: ErrorLocation;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; location?: ErrorLocation } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.location = options.location ?? {};
  }

  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** Bad flags, a missing argument, or an invalid combination of options. */
export class UsageError extends CoachError {
  constructor(message: string, options: { cause?: unknown; flag?: string } = {}) {
    super("USAGE", message, { cause: options.cause, location: { flag: options.flag } });
  }
}

/** Configuration that cannot be used (names the flag and the variable at fault). */
export class ConfigError extends CoachError {
  constructor(message: string, options: { cause?: unknown; flag?: string } = {}) {
    super("CONFIG_INVALID", message, { cause: options.cause, location: { flag: options.flag } });
  }
}

/** The user's input (a bank, an answer, a question file) cannot be used as given. */
export class InputError extends CoachError {
  constructor(
    code: Extract<ErrorCode, `INPUT_${string}`>,
    message: string,
    options: { cause?: unknown; file?: string; line?: number } = {},
  ) {
    super(code, message, { cause: options.cause, location: { file: options.file, line: options.line } });
  }
}

/** A configured model provider failed: unreachable, refused, too slow or answered nonsense. */
export class ProviderError extends CoachError {
  /** Seconds the provider asked us to wait (429 Retry-After), when it said. */
  readonly retryAfterSeconds: number | undefined;
  /** The provider's vectors no longer fit the index: its length and theirs (rebuilding the index fixes it). */
  readonly vectorSizes: { index: number; provider: number } | undefined;

  constructor(
    code: Extract<ErrorCode, `PROVIDER_${string}`>,
    message: string,
    options: { cause?: unknown; retryAfterSeconds?: number; vectorSizes?: { index: number; provider: number } } = {},
  ) {
    super(code, message, { cause: options.cause });
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.vectorSizes = options.vectorSizes;
  }
}

/**
 * Files in the store (index, manifest, sessions) are missing pieces or
 * unreadable (STORE_CORRUPT), or the file system refuses to read or write the
 * store: permissions, a read-only or full disk (STORE_INACCESSIBLE).
 */
export class StoreError extends CoachError {
  constructor(message: string, options: { cause?: unknown; file?: string; code?: Extract<ErrorCode, `STORE_${string}`> } = {}) {
    super(options.code ?? "STORE_CORRUPT", message, { cause: options.cause, location: { file: options.file, flag: options.code === "STORE_INACCESSIBLE" ? "--store" : undefined } });
  }
}

/** The server cannot listen where it was asked to: the port is taken, forbidden, or the host is not this machine. */
export class ListenError extends CoachError {
  constructor(code: "PORT_IN_USE" | "LISTEN_FAILED", message: string, options: { cause?: unknown; flag: "--port" | "--host" }) {
    super(code, message, { cause: options.cause, location: { flag: options.flag } });
  }
}

/**
 * A server's index build was abandoned and changed nothing: it made no
 * progress within the limit (INDEX_TIMEOUT), or the server is shutting down
 * (INDEX_STOPPED). `limitMs` is the limit a timed-out build overran.
 */
export class IndexError extends CoachError {
  readonly limitMs: number | undefined;

  constructor(code: Extract<ErrorCode, `INDEX_${string}`>, message: string, options: { cause?: unknown; limitMs?: number } = {}) {
    super(code, message, { cause: options.cause });
    this.limitMs = options.limitMs;
  }
}

/** Whether a value is one of our typed errors. */
export function isCoachError(value: unknown): value is CoachError {
  return value instanceof CoachError;
}
