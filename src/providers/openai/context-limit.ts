import { ProviderError } from "../../errors/index.js";

// What servers say when an input is longer than the model takes: OpenAI and vLLM ("maximum context length"),
// llama.cpp ("input is too large to process"), others ("too many tokens", "exceeds the limit").
const TOO_LONG = /context length|context window|too (?:long|large|many tokens)|exceeds?|maximum (?:input|sequence|number of tokens)/i;
// The shortest text worth embedding: below it the vector says little the lexical signals do not.
export const SHORTEST_EMBEDDED = 200;

/** Whether the provider refused a request because an input was longer than its model takes. */
export function refusedAsTooLong(error: unknown): boolean {
  return error instanceof ProviderError && error.code === "PROVIDER_ERROR" && /HTTP (?:400|413|422|500)\b/.test(error.message) && TOO_LONG.test(error.message);
}

/** The first half of a text, cut at a space where there is one near the middle. */
export function firstHalf(text: string): string {
  const middle = Math.floor(text.length / 2);
  const space = text.lastIndexOf(" ", middle);
  return text.slice(0, space > middle / 2 ? space : middle);
}
