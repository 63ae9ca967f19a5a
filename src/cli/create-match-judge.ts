import type { ResolvedConfig } from "../config/index.js";
import type { Provider } from "../providers/index.js";
import { LlmMatchJudge, type MatchJudge } from "../retrieval/index.js";
import { LlmCache, storeLayout } from "../store/index.js";

/**
 * With a provider's chat model configured, the judge that reads each match's
 * fit; offline (or with the judge turned off) none, and matching stays the
 * offline ranking alone.
 */
export async function createMatchJudge(config: ResolvedConfig, provider: Provider): Promise<MatchJudge | null> {
  if (!config.matchJudge || !provider.remote) return null;
  const chat = await provider.createChatModel();
  return chat ? new LlmMatchJudge({ chat, cache: new LlmCache(storeLayout(config.store).llmCache) }) : null;
}
