import OpenAI from "openai";
import { maskUrlsIn } from "../../config/index.js";
import { ProviderError } from "../../errors/index.js";

/**
 * Turns an openai SDK error into a ProviderError with a stable code and a
 * one-line message, with the API key (`secret`) and anything that looks like
 * one masked wherever the server's words quote it.
 */
export function mapOpenAIError(error: unknown, where: string, secret?: string): ProviderError {
  const firstLine = (text: string) => oneLine(text, secret);
  if (error instanceof ProviderError) return error;
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new ProviderError("PROVIDER_TIMEOUT", `${where}: the provider did not answer in time.`, { cause: error });
  }
  if (error instanceof OpenAI.APIConnectionError) {
    const reason = describeConnectionCause(error, secret);
    return new ProviderError("PROVIDER_UNREACHABLE", `${where}: cannot reach the provider${reason ? ` (${reason})` : ""}.`, { cause: error });
  }
  if (error instanceof OpenAI.AuthenticationError || error instanceof OpenAI.PermissionDeniedError) {
    return new ProviderError("PROVIDER_AUTH", `${where}: the provider refused the API key (HTTP ${error.status}); check OPENAI_API_KEY.`, { cause: error });
  }
  if (error instanceof OpenAI.RateLimitError) {
    const retryAfter = Number(error.headers?.get?.("retry-after"));
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
    return new ProviderError("PROVIDER_ERROR", `${where}: the provider answered HTTP ${error.status}: ${said}.`, { cause: error });
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
  return masked(text, secret).split("\n")[0]!.replace(/[.\s]+$/, "").slice(0, 200);
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
