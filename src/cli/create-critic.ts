import type { ResolvedConfig } from "../config/index.js";
import type { Critic } from "../core/critique.js";
import { LlmCritic, OfflineCritic } from "../critique/index.js";
import { resolveProvider } from "../providers/index.js";
import { createMatcher } from "../retrieval/index.js";
import { LlmCache, loadIndex, storeLayout } from "../store/index.js";
import { notice, type CommandIO } from "./io.js";

/** The offline critic, or with a provider configured the LLM critic (falling back to offline, with a notice). */
export async function createCritic(config: ResolvedConfig, io: CommandIO): Promise<Critic> {
  if (config.provider === "local") return new OfflineCritic();
  const chat = await resolveProvider(config).createChatModel();
  if (!chat) return new OfflineCritic();
  // The user's own bank (if indexed) supplies the closest stories for the model and the figures and names it may reuse.
  const indexed = await loadIndex(config.store).catch(() => null);
  const provider = resolveProvider(config);
  const matcher = indexed ? createMatcher(indexed.stories, indexed.index, await provider.createEmbedder()) : null;
  return new LlmCritic({
    chat,
    cache: new LlmCache(storeLayout(config.store).llmCache),
    bankTexts: indexed?.stories.map((story) => story.text) ?? [],
    // Lexical and theme signals only: finding context stories costs no embedding call.
    closestStories: async (question) => (matcher ? (await matcher.match(question, { k: 2, signals: ["lexical", "themes", "principles"] })).matches.map((match) => match.text) : []),
    onFallback: (reason) => notice(io, `coach: ${reason}`),
  });
}

