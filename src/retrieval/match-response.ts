import type { MatchResult } from "./story-matcher.js";

/**
 * A question's matches as users and clients see them (`/api/match`,
 * `/api/plan`, chat cards, the language model's tool result): the notices as
 * their sentences, the only shape ever shown outside.
 */
export type MatchResponse = Omit<MatchResult, "notices"> & { notices: string[] };

/** A match result with its notices given as their sentences, in order. */
export function matchResponse(result: MatchResult): MatchResponse {
  return { ...result, notices: result.notices.map((notice) => notice.message) };
}
