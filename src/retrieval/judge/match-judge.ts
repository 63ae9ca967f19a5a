import type { MatchResult } from "../story-matcher.js";

/** Who judged a question's matches, or why nobody could (`judge` in a match result; not part of the contract). */
export type MatchJudgeReport =
  | {
      fallback: false;
      /** The provider and model, e.g. `openai:gpt-4o-mini`. */
      model: string;
      /** The prompt's name and hash. */
      prompt: string;
      cached: boolean;
      /** Matches whose offline why was kept because the model's named a figure or name the story never does. */
      whysKept: number;
    }
  | { fallback: true; reason: string };

/** Reads how well each of a question's matches answers it, and orders them by that. */
export interface MatchJudge {
  /** The matches re-read, with `judge` saying by whom; the matches as given, and why, when the judge failed. */
  judge(result: MatchResult, options?: { signal?: AbortSignal }): Promise<MatchResult>;
}
