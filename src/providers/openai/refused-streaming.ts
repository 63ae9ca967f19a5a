import OpenAI from "openai";
import { ProviderError } from "../../errors/index.js";

// What a server that cannot stream this request answers: 400 (llama.cpp-style and most servers) or 422 (FastAPI-based
// ones). Some refuse `stream` together with `response_format`, or with a given model, in words no two servers share.
const REFUSED = new Set([400, 422]);

/**
 * True when a streamed request failed because the server refused the
 * request itself (HTTP 400 or 422), before any of a reply came: the same
 * request without streaming may be accepted.
 */
export function refusedStreaming(error: unknown): boolean {
  const cause = error instanceof ProviderError ? error.cause : error;
  return cause instanceof OpenAI.APIError && cause.status !== undefined && REFUSED.has(cause.status);
}
