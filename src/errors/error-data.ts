import { CoachError, ConfigError, IndexError, InputError, ProviderError, StoreError, type ErrorCode, type ErrorLocation } from "./coach-error.js";

/** An error as plain data, to send from one thread to another (a class and its fields do not survive the copy). */
export interface ErrorData {
  /** Absent for an error the coach did not raise on purpose: it stays an internal error on the other side. */
  code?: ErrorCode;
  message: string;
  location?: ErrorLocation;
  retryAfterSeconds?: number;
  vectorSizes?: { index: number; provider: number };
  stack?: string;
}

/** The error as data: its code, message and where it points, and a provider error's details. */
export function errorToData(error: unknown): ErrorData {
  if (!(error instanceof CoachError)) return { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined };
  const provider = error instanceof ProviderError ? { retryAfterSeconds: error.retryAfterSeconds, vectorSizes: error.vectorSizes } : {};
  return { code: error.code, message: error.message, location: error.location, ...provider, stack: error.stack };
}

/** The error again, of the class its code belongs to, so callers handle it as if it had been thrown here. */
export function errorFromData(data: ErrorData): Error {
  const error = rebuild(data);
  if (data.stack) error.stack = data.stack;
  return error;
}

function rebuild({ code, message, location = {}, retryAfterSeconds, vectorSizes }: ErrorData): Error {
  if (code === undefined) return new Error(message);
  if (code.startsWith("INPUT_")) return new InputError(code as Extract<ErrorCode, `INPUT_${string}`>, message, { file: location.file, line: location.line });
  if (code.startsWith("STORE_")) return new StoreError(message, { file: location.file, code: code as Extract<ErrorCode, `STORE_${string}`> });
  if (code.startsWith("PROVIDER_")) return new ProviderError(code as Extract<ErrorCode, `PROVIDER_${string}`>, message, { retryAfterSeconds, vectorSizes });
  if (code.startsWith("INDEX_")) return new IndexError(code as Extract<ErrorCode, `INDEX_${string}`>, message);
  if (code === "CONFIG_INVALID") return new ConfigError(message, { flag: location.flag });
  return new CoachError(code, message, { location });
}
