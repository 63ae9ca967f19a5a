import OpenAI from "openai";
import { DEFAULTS, type ResolvedConfig } from "../../config/index.js";
import { CoachError } from "../../errors/index.js";
import { noticingFetch } from "./noticing-fetch.js";
import { readableErrorFetch } from "./readable-error-fetch.js";
import { splitBaseUrl } from "./split-base-url.js";

/**
 * Builds the openai SDK client for an opted-in provider. Only called when the
 * user chose `openai`, so a key in the environment alone sends nothing.
 */
export function createOpenAIClient(config: ResolvedConfig, overrides: { maxRetries?: number; timeoutMs?: number; onRetry?: (message: string) => void } = {}): OpenAI {
  if (!config.apiKey && !config.baseUrl) {
    throw new CoachError(
      "PROVIDER_NOT_CONFIGURED",
      "--provider openai (or COACH_PROVIDER=openai) needs OPENAI_API_KEY, or OPENAI_BASE_URL for a local OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio).",
      { location: { flag: "--provider" } },
    );
  }
  const maxRetries = overrides.maxRetries ?? config.maxRetries;
  const timeout = overrides.timeoutMs ?? config.timeoutMs;
  // A query in the base URL (?api-key=..., ?api-version=...) goes with every request, after the API's path, not before it.
  const { baseURL, query } = splitBaseUrl(config.baseUrl ?? DEFAULTS.baseUrl);
  return new OpenAI({
    // Local OpenAI-compatible servers ignore the key, but the SDK requires one.
    apiKey: config.apiKey ?? "no-key-needed-for-local-server",
    baseURL,
    ...(Object.keys(query).length > 0 ? { defaultQuery: query } : {}),
    timeout,
    maxRetries,
    fetch: readableErrorFetch(overrides.onRetry ? noticingFetch(maxRetries, overrides.onRetry, timeout) : globalThis.fetch),
    // The SDK would print what the provider sent (a malformed stream chunk, whole) to stderr; our errors say what went wrong instead.
    logLevel: "off",
  });
}
