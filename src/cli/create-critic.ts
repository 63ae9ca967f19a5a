import type { ResolvedConfig } from "../config/index.js";
import type { Critic } from "../core/critique.js";
import { LlmCritic, OfflineCritic } from "../critique/index.js";
import { resolveProvider } from "../providers/index.js";
import type { Story } from "../core/story.js";
import { createMatcher, type StoryMatcher } from "../retrieval/index.js";
import { LlmCache, loadIndex, storeLayout } from "../store/index.js";
import { notice, type CommandIO } from "./io.js";

/** The user's bank as the critic sees it: its stories and a matcher over them. */
export interface CriticBank {
  stories: readonly Story[];
  matcher: StoryMatcher;
}

/**
 * The offline critic, or with a provider configured the LLM critic (falling
 * back to offline, with a notice). `currentBank` gives the bank as it is at
 * each critique (the server's uploads change it); without it the store's
 * index is read once.
 */
export async function createCritic(config: ResolvedConfig, io: CommandIO, currentBank?: () => CriticBank | null): Promise<Critic> {
  if (config.provider === "local") return new OfflineCritic();
  const provider = resolveProvider(config, { onRetry: (message) => notice(io, `coach: ${message}`) });
  const chat = await provider.createChatModel();
  if (!chat) return new OfflineCritic();
  const bank = currentBank ?? (await storedBank(config, provider));
  // The user's own bank supplies the closest stories for the model and the figures and names it may reuse.
  return new LlmCritic({
    chat,
    cache: new LlmCache(storeLayout(config.store).llmCache),
    bankTexts: () => bank()?.stories.map((story) => story.text) ?? [],
    // Lexical and theme signals only: finding context stories costs no embedding call.
    closestStories: async (question) => {
      const matcher = bank()?.matcher;
      return matcher ? (await matcher.match(question, { k: 2, signals: ["lexical", "themes", "principles"] })).matches.map((match) => match.text) : [];
    },
    onFallback: (reason) => notice(io, `coach: ${reason}`),
  });
}

/** The bank indexed in the store, read once (null when nothing is indexed). */
async function storedBank(config: ResolvedConfig, provider: ReturnType<typeof resolveProvider>): Promise<() => CriticBank | null> {
  const indexed = await loadIndex(config.store).catch(() => null);
  const stored = indexed ? { stories: indexed.stories, matcher: createMatcher(indexed.stories, indexed.index, await provider.createEmbedder()) } : null;
  return () => stored;
}
