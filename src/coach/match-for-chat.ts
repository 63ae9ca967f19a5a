import { ProviderError } from "../errors/index.js";
import type { MatchResult, SignalName, StoryMatcher } from "../retrieval/index.js";

// Every signal but the provider's vectors: words, themes and principles need nothing from the network.
const WITHOUT_EMBEDDINGS: readonly SignalName[] = ["lexical", "themes", "principles"];

/**
 * The stories for a question, for a conversation that must go on: when the
 * provider's embeddings fail (after the client's retries), the stories are
 * matched by words and themes alone, and a notice says so.
 */
export async function matchForChat(matcher: StoryMatcher, question: string, k: number): Promise<MatchResult> {
  try {
    return await matcher.match(question, { k });
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    const result = await matcher.match(question, { k, signals: WITHOUT_EMBEDDINGS });
    const cause = error.vectorSizes ? "The provider's vectors no longer fit the index (rebuild it: coach index <your bank> --force)" : `The provider's embeddings failed (${error.code})`;
    const notice = { code: "EMBEDDINGS_UNAVAILABLE" as const, message: `${cause}, so these stories are matched by words and themes only.` };
    return { ...result, notices: [notice, ...result.notices] };
  }
}
