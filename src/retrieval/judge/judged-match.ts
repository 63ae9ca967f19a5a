import { isFewerThanAsked, noClearFitNotice } from "../match-notices.js";
import type { MatchOptions, MatchResult } from "../story-matcher.js";
import type { MatchJudge } from "./match-judge.js";

/**
 * How many of the ranking's leaders a judge reads: on the held-out eval set
 * the offline first five hold an acceptable story for 0.86 of its questions,
 * the first three for 0.77.
 */
export const JUDGED_STORIES = 5;

// At most this many go to the model in one request, whatever k is: past them the ranking's order stands.
const MOST_JUDGED = 10;

/** Anything that matches a question to stories (the StoryMatcher). */
export interface Matcher {
  match(question: string, options?: MatchOptions): Promise<MatchResult>;
}

/**
 * A question's k best stories; with a judge, the ranking's first five (or k,
 * if more, up to ten) are judged and the best k of them shown. Without one,
 * or for a question with nothing to judge (it asks for no story), the
 * matcher's own.
 */
export async function judgedMatch(matcher: Matcher, judge: MatchJudge | null, question: string, k: number, options: { signal?: AbortSignal } = {}): Promise<MatchResult> {
  if (!judge) return matcher.match(question, { k });
  const wide = await matcher.match(question, { k: Math.max(k, JUDGED_STORIES) });
  // No fit means the question asks for no story, or shares nothing with any: there is nothing for a judge to read.
  if (wide.matches.length === 0 || wide.matches.every((match) => match.fit === undefined)) return k >= JUDGED_STORIES ? wide : matcher.match(question, { k });
  const judged = await judge.judge({ ...wide, matches: wide.matches.slice(0, MOST_JUDGED) }, options);
  const matches = [...judged.matches, ...wide.matches.slice(MOST_JUDGED)].slice(0, k);
  // Notices about how many were shown, or whether all are stretches, were said of the wider list: say them of this one.
  const notices = judged.notices.filter((notice) => notice.code !== "NO_CLEAR_FIT" && !isFewerThanAsked(notice));
  // Where the matcher says it: after what it says of the question's language.
  if (matches.every((match) => match.fit === "stretch")) notices.splice(notices.filter((notice) => notice.code === "NOT_ENGLISH").length, 0, noClearFitNotice());
  if (matches.length < k) notices.push(...(await matcher.match(question, { k })).notices.filter(isFewerThanAsked));
  return { ...judged, matches, notices };
}
