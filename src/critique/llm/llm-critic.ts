import type { ChatModel } from "../../core/chat-model.js";
import type { Critic, Critique } from "../../core/critique.js";
import type { LlmCache } from "../../store/llm-cache.js";
import { critiqueAnswer } from "../critique-answer.js";
import { enforceCritiqueFields } from "./enforce-critique-fields.js";
import type { Replacement } from "./enforce-no-invention.js";
import { LLM_CRITIQUE_JSON_SCHEMA, LlmCritiqueSchema, type LlmCritique } from "./llm-critique-schema.js";
import { askForJson, loadPrompt, parseJsonReply } from "../../prompts/index.js";

export interface LlmCriticOptions {
  chat: ChatModel;
  cache?: LlmCache;
  /** The user's own story texts, as they are now: figures and names in them are not inventions. */
  bankTexts?: () => readonly string[];
  /** Story excerpts closest to the question, shown to the model. */
  closestStories?: (question: string) => Promise<string[]> | string[];
  /**
   * Called when the model could not be used and the offline critique stands
   * alone: what to tell the user, and why, with the error's code when the
   * provider failed (none when its reply was unreadable).
   */
  onFallback?: (message: string, cause: { reason: string; code?: string }) => void;
  /** Ask the model even when the cache has an answer (the answer is then replaced). */
  refresh?: boolean;
}

/** What `llm` holds in a critique when the model answered. */
export interface LlmCritiqueResult extends LlmCritique {
  fallback: false;
  model: string;
  prompt: string;
  /** Figures and names the model wrote that the candidate never did, replaced by placeholders: the improved answer's first, then the feedback's. */
  placeholders: Replacement[];
  cached: boolean;
}

/**
 * The offline critique plus the model's coaching voice. The structure, score
 * and issues always come from the offline analysis; the model only writes
 * feedback, and anything it invents is replaced by a placeholder.
 */
export class LlmCritic implements Critic {
  constructor(private readonly options: LlmCriticOptions) {}

  async critique(question: string, answer: string, options: { signal?: AbortSignal } = {}): Promise<Critique> {
    const offline = critiqueAnswer(question, answer);
    const prompt = loadPrompt("critique.v1");
    const stories = (await this.options.closestStories?.(question)) ?? [];
    const input = {
      question,
      answer,
      analysis: {
        parts: Object.fromEntries(Object.entries(offline.star).map(([part, value]) => [part, { present: value.present, share: value.share }])),
        quantified: offline.quantified,
        metrics: offline.metrics,
        ownership: offline.ownership,
        lesson: offline.lesson,
        notAStory: offline.notAStory,
        issues: offline.issues.map((issue) => issue.code),
      },
      storyBankExcerpts: stories,
    };
    const reply = await askForJson({
      chat: this.options.chat,
      prompt,
      task: "Critique this drafted answer.",
      input,
      schema: { name: "critique", jsonSchema: LLM_CRITIQUE_JSON_SCHEMA },
      temperature: 0.2,
      read: (raw) => parseJsonReply(raw, LlmCritiqueSchema),
      unreadable: "the model's reply was not valid critique JSON",
      cache: this.options.cache,
      refresh: this.options.refresh,
      signal: options.signal,
    });
    if (reply.value === undefined) {
      // Reasons come from error messages that end in their own full stop.
      const message = `LLM critique unavailable (${reply.reason.replace(/\.$/, "")}); showing the offline critique alone.`;
      this.options.onFallback?.(message, { reason: reply.reason, code: reply.code });
      return { ...offline, llm: { fallback: true, reason: message } };
    }
    const parsed = reply.value;
    const cached = reply.cached;
    const sources = [answer, ...stories, ...(this.options.bankTexts?.() ?? [])];
    const enforced = enforceCritiqueFields(parsed, sources, question, offline);
    const improvements = [...enforced.critique.improvements];
    // One line per placeholder: two figures both replaced by "[N]" are one thing to fill in, said once.
    for (const placeholder of [...new Set(enforced.inImprovedAnswer.map((replacement) => replacement.placeholder))].slice(0, 2)) {
      improvements.push(`The improved answer needs your real figure or name where it says ${placeholder}.`);
    }
    const llm: LlmCritiqueResult = {
      ...enforced.critique,
      improvements: improvements.slice(0, 5),
      placeholders: enforced.all,
      fallback: false,
      model: this.options.chat.id,
      prompt: `${prompt.name}@${prompt.hash}`,
      cached,
    };
    return { ...offline, followUps: enforced.critique.followUps.slice(0, 3), llm: llm as unknown as Record<string, unknown> };
  }
}
