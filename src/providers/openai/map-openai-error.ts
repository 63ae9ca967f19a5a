import OpenAI from "openai";
import { maskUrlsIn, shownBaseUrl } from "../../config/index.js";
import { ProviderError } from "../../errors/index.js";

/** What the request was made with, so a message can name the setting to change. */
export interface ProviderErrorContext {
  /** The API key, masked wherever the server's words quote it. */
  secret?: string;
  /** The API's base URL as the client uses it (no query). */
  baseURL?: string;
  timeoutMs?: number;
  /** The model asked for and the variable that chose it. */
  model?: { setting: "COACH_CHAT_MODEL" | "COACH_EMBED_MODEL"; name: string };
}

/**
 * Turns an openai SDK error into a ProviderError with a stable code and a
 * one-line message that names the setting to change where one is at fault
 * (the base URL, the model, the timeout), with the API key and anything that
 * looks like one masked wherever the server's words quote it.
 */
export function mapOpenAIError(error: unknown, where: string, context: ProviderErrorContext = {}): ProviderError {
  const { secret } = context;
  const firstLine = (text: string) => oneLine(text, secret);
  if (error instanceof ProviderError) return error;
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    // The advice only where the user's timeout was the one that ran out (doctor uses its own short one).
    const advice = context.timeoutMs === undefined ? "" : ` (${Number((context.timeoutMs / 1000).toFixed(1))} s); a slow model may need longer: raise COACH_TIMEOUT_MS`;
    return new ProviderError("PROVIDER_TIMEOUT", `${where}: the provider did not answer in time${advice}.`, { cause: error });
  }
  if (error instanceof OpenAI.APIConnectionError) {
    const reason = describeConnectionCause(error, secret);
    const shown = context.baseURL ? shownBaseUrl(context.baseURL) : "";
    const at = shown && !where.includes(shown) ? ` at ${shown}` : "";
    const fix = context.baseURL ? "; check OPENAI_BASE_URL (or --base-url) and that the server is running" : "";
    return new ProviderError("PROVIDER_UNREACHABLE", `${where}: cannot reach the provider${at}${reason ? ` (${reason})` : ""}${fix}.`, { cause: error });
  }
  if (error instanceof OpenAI.AuthenticationError || error instanceof OpenAI.PermissionDeniedError) {
    return new ProviderError("PROVIDER_AUTH", `${where}: the provider refused the API key (HTTP ${error.status}); check OPENAI_API_KEY.`, { cause: error });
  }
  if (error instanceof OpenAI.RateLimitError) {
    // No header is no advice: Number(null) would be 0, "retry at once".
    const header = error.headers?.get?.("retry-after")?.trim();
    const retryAfter = header ? Number(header) : Number.NaN;
    return new ProviderError("PROVIDER_RATE_LIMITED", `${where}: the provider is rate-limiting requests (HTTP 429).`, {
      cause: error,
      retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : undefined,
    });
  }
  // An error status (5xx and the rest) was already retried by the client; asking again would only double the retries.
  if (error instanceof OpenAI.APIError && error.status !== undefined) {
    // The SDK's message opens with the status ("400 model not found"), which the sentence already says; so may the
    // server's own text after it (Go servers such as Ollama answer a wrong path with "404 page not found").
    const said = firstLine(error.message).replace(new RegExp(`^(?:${error.status}\\s+){1,2}`), "");
    return new ProviderError("PROVIDER_ERROR", `${where}: the provider answered HTTP ${error.status}: ${said}${error.status === 404 ? notFoundHint(said, context) : ""}.`, { cause: error });
  }
  if (error instanceof OpenAI.APIError) {
    return new ProviderError("PROVIDER_BAD_RESPONSE", `${where}: the provider's answer could not be read: ${firstLine(error.message)}.`, { cause: error });
  }
  // The SDK's JSON.parse of a body that is not JSON: say what that means, not "Unexpected end of JSON input".
  if (error instanceof SyntaxError) {
    return new ProviderError("PROVIDER_BAD_RESPONSE", `${where}: the provider's answer was not JSON; check that OPENAI_BASE_URL is an OpenAI-compatible API (it usually ends in /v1).`, { cause: error });
  }
  if (error instanceof Error && error.name === "AbortError") {
    return new ProviderError("PROVIDER_TIMEOUT", `${where}: the request was cancelled.`, { cause: error });
  }
  return new ProviderError("PROVIDER_BAD_RESPONSE", `${where}: ${firstLine(error instanceof Error ? error.message : String(error))}.`, { cause: error });
}

/** What a 404 most likely means: a model the server does not have, or a base URL without the API's /v1. */
function notFoundHint(said: string, context: ProviderErrorContext): string {
  if (context.model && /\bmodel\b/i.test(said)) return `; check ${context.model.setting} (now "${context.model.name}"): the server has no model by that name`;
  const hint = context.baseURL ? missingV1Hint(context.baseURL) : undefined;
  return hint ? `; ${hint}` : "";
}

/**
 * For a base URL whose path is not the API's /v1 (Ollama's, LM Studio's and
 * vLLM's OpenAI-compatible APIs all live there), the advice with the address
 * to try: /api (Ollama's own API) becomes /v1, a path past /v1 is cut back
 * to it, and /v1 is added to a path with no version; a path with another
 * version (Gemini's /v1beta/openai) gets none.
 */
export function missingV1Hint(baseURL: string): string | undefined {
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    return undefined;
  }
  const path = url.pathname.replace(/\/+$/, "");
  const v1 = /\/v1(?=\/|$)/i.exec(path);
  if (v1) {
    if (v1.index + v1[0].length === path.length) return undefined;
    url.pathname = path.slice(0, v1.index + v1[0].length);
  } else if (/\/v\d+\w*(?=\/|$)/i.test(path)) {
    return undefined;
  } else {
    url.pathname = /\/api$/i.test(path) ? `${path.slice(0, -4)}/v1` : `${path}/v1`;
  }
  return `OPENAI_BASE_URL (or --base-url) usually ends in /v1: try ${shownBaseUrl(url.toString())}`;
}

function describeConnectionCause(error: Error, secret: string | undefined): string | undefined {
  let cause: unknown = error.cause;
  let deepest: string | undefined;
  for (let depth = 0; cause && depth < 4; depth++) {
    deepest = (cause as Error).message ?? deepest;
    const code = (cause as { code?: string }).code;
    if (code === "ECONNREFUSED") return "connection refused";
    if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host not found";
    if (code === "ECONNRESET") return "connection reset";
    if (code) return code;
    cause = (cause as { cause?: unknown }).cause;
  }
  return deepest && deepest !== "fetch failed" ? masked(deepest, secret) : undefined;
}

// What the SDK or the server said may quote the request's URL, with a key in its query, or the key itself
// ("Invalid API key: sk-..."), as some OpenAI-compatible servers do: masked.
function oneLine(text: string, secret: string | undefined): string {
  // Validation errors may quote the request ("'input': '<the story>'"): the story's words stop there.
  const withoutInput = text.split(/,?\s*['"]input['"]\s*:/)[0]!;
  return masked(withoutInput, secret).split("\n")[0]!.replace(/[.\s]+$/, "").slice(0, 200);
}

// Shorter values are not masked: a placeholder key such as "x" would blank out every x in the message.
const MIN_SECRET_LENGTH = 8;
const KEY_LIKE = /\b(sk|pk|rk)-[A-Za-z0-9_-]{8,}/g;
// A token after "Bearer" on the same line, one that looks like a credential (a digit in it, or long): "bearer token",
// "Bearer auth" and a "Bearer" ending a line are words of the message, not a key.
const BEARER = /\b(Bearer)[ \t]+(?=[A-Za-z._~+/=-]*\d|[A-Za-z0-9._~+/=-]{20})[A-Za-z0-9._~+/=-]+/gi;

function masked(text: string, secret: string | undefined): string {
  let result = maskUrlsIn(text);
  if (secret && secret.length >= MIN_SECRET_LENGTH) result = result.split(secret).join("***");
  return result.replace(KEY_LIKE, "$1-***").replace(BEARER, "$1 ***");
}
