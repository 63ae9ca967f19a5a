import type { ChatModel } from "../../core/chat-model.js";
import { enforceNoInvention } from "../../critique/index.js";
import { askForJson, loadPrompt, parseJsonReply } from "../../prompts/index.js";
import type { LlmCache } from "../../store/llm-cache.js";
import type { FitLevel } from "../fit/index.js";
import { judgeUnavailableNotice } from "../match-notices.js";
import type { MatchResult, StoryMatch } from "../story-matcher.js";
import type { MatchJudge } from "./match-judge.js";
import { MATCH_JUDGEMENT_JSON_SCHEMA, MatchJudgementSchema, type MatchJudgement } from "./match-judgement-schema.js";

// Enough for a full STAR story; a pasted essay is cut so one question cannot cost a whole context window.
const STORY_CHARACTERS = 3000;
const PROMPT = "match-judge.v1";
const LEVEL_ORDER: Record<FitLevel, number> = { strong: 0, workable: 1, stretch: 2 };

export interface LlmMatchJudgeOptions {
  chat: ChatModel;
  cache?: LlmCache;
  /** Ask the model even when the cache has an answer (the answer is then replaced). */
  refresh?: boolean;
}

/**
 * A language model's reading of how well each match answers the question: its
 * fit level, why, and the part to lead with. Stories are ordered by the
 * model's fit level, then by the ranking's score; a why that names a figure
 * or name the story never does is dropped for the offline one.
 */
export class LlmMatchJudge implements MatchJudge {
  constructor(private readonly options: LlmMatchJudgeOptions) {}

  async judge(result: MatchResult, options: { signal?: AbortSignal } = {}): Promise<MatchResult> {
    const matches = result.matches;
    if (matches.length === 0) return result;
    const prompt = loadPrompt(PROMPT);
    const input = { question: result.question, stories: matches.map((match, index) => ({ story: reference(index), title: match.title, text: clip(match.text) })) };
    const reply = await askForJson({
      chat: this.options.chat,
      prompt,
      task: "Judge how well each story answers the question.",
      input,
      schema: { name: "match_judgement", jsonSchema: MATCH_JUDGEMENT_JSON_SCHEMA },
      temperature: 0,
      read: (raw) => readJudgement(raw, matches.length),
      unreadable: "the model's reply was not a judgement of every story shown",
      cache: this.options.cache,
      refresh: this.options.refresh,
      signal: options.signal,
    });
    if (reply.value === undefined) {
      const notice = judgeUnavailableNotice(reply.reason);
      return { ...result, notices: [...result.notices, notice], judge: { fallback: true, reason: notice.message } };
    }
    const judgement = reply.value;
    const cached = reply.cached;
    let whysKept = 0;
    const judged = judgement.map(({ rank, ...entry }): StoryMatch & { rank: number } => {
      const match = matches[rank]!;
      const why = shortened(entry.why);
      // A figure or name the story never gives would be coaching the candidate to say something untrue (a why may compare with another story shown).
      // "One" in a why is nearly always the pronoun ("the strongest one", "one of the few"), not a count.
      const invented = enforceNoInvention(why, [match.text, result.question, ...matches.map((shown) => shown.title)]).replacements.some((replacement) => replacement.original.toLowerCase() !== "one");
      if (invented) whysKept++;
      return { ...match, fit: entry.fit, why: invented ? match.why : why, leadWith: entry.leadWith, rank };
    });
    // The model's level decides the order; within a level the ranking's score (the measured order, before the offline fit moved stretches down).
    judged.sort((a, b) => LEVEL_ORDER[a.fit!] - LEVEL_ORDER[b.fit!] || b.score - a.score || a.rank - b.rank);
    return {
      ...result,
      matches: judged.map(({ rank: _rank, ...match }) => match),
      judge: { fallback: false, model: this.options.chat.id, prompt: `${prompt.name}@${prompt.hash}`, cached, whysKept },
    };
  }
}

function reference(index: number): string {
  return `S${index + 1}`;
}

/** One story's judgement, by its place in the ranking (0 = first). */
interface StoryJudgement {
  rank: number;
  fit: FitLevel;
  why: string;
  leadWith: MatchJudgement["stories"][number]["leadWith"];
}

/** The judgement, when it judges each story shown exactly once by its reference. */
function readJudgement(raw: string, shown: number): StoryJudgement[] | undefined {
  const judgement = parseJsonReply(raw, MatchJudgementSchema);
  if (!judgement) return undefined;
  // "S2", "Story 2" and 2 all name the second story shown; anything else (a title echoed back) names none.
  const ranks = judgement.stories.map((entry) => Number(/^\s*(?:s|story\s*)?(\d{1,2})\s*$/i.exec(String(entry.story))?.[1] ?? Number.NaN) - 1);
  if (ranks.length !== shown || new Set(ranks).size !== shown || !ranks.every((rank) => Number.isInteger(rank) && rank >= 0 && rank < shown)) return undefined;
  return judgement.stories.map((entry, index) => ({ rank: ranks[index]!, fit: entry.fit, why: entry.why, leadWith: entry.leadWith }));
}

// A why is read beside four others: a model that writes an essay is cut to its first two sentences.
const WHY_CHARACTERS = 400;

function shortened(why: string): string {
  if (why.length <= WHY_CHARACTERS) return why;
  const sentences = why.match(/[^.!?]+[.!?]+(?:\s+|$)/g) ?? [];
  const two = sentences.slice(0, 2).join("").trim();
  return two.length > 0 && two.length <= WHY_CHARACTERS * 2 ? two : `${why.slice(0, WHY_CHARACTERS).trimEnd()}…`;
}

function clip(text: string): string {
  if (text.length <= STORY_CHARACTERS) return text;
  const cut = text.slice(0, STORY_CHARACTERS);
  const sentenceEnd = Math.max(cut.lastIndexOf(". "), cut.lastIndexOf(".\n"));
  return `${sentenceEnd > STORY_CHARACTERS / 2 ? cut.slice(0, sentenceEnd + 1) : cut} [...]`;
}
