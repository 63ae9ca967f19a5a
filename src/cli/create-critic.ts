import type { ResolvedConfig } from "../config/index.js";
import type { Critic } from "../core/critique.js";
import { LlmCritic, OfflineCritic } from "../critique/index.js";
import { resolveProvider } from "../providers/index.js";
import { LlmCache, loadIndex, storeLayout } from "../store/index.js";
import { notice, type CommandIO } from "./io.js";

/** The offline critic, or with a provider configured the LLM critic (falling back to offline, with a notice). */
export async function createCritic(config: ResolvedConfig, io: CommandIO): Promise<Critic> {
  if (config.provider === "local") return new OfflineCritic();
  const chat = await resolveProvider(config).createChatModel();
  if (!chat) return new OfflineCritic();
  // The user's own bank (if indexed) supplies the figures and names the model may reuse.
  const indexed = await loadIndex(config.store).catch(() => null);
  return new LlmCritic({
    chat,
    cache: new LlmCache(storeLayout(config.store).llmCache),
    bankTexts: indexed?.stories.map((story) => story.text) ?? [],
    onFallback: (reason) => notice(io, `coach: ${reason}`),
  });
}

