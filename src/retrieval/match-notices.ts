// Notices `coach match` prints beside its matches (stderr), about the question or the number of stories shown.

/**
 * What a notice is about, stable whatever its wording: callers that re-cut or
 * merge match lists decide by code, never by the sentence.
 */
export type MatchNoticeCode =
  /** The question does not look like English. */
  | "NOT_ENGLISH"
  /** The bank has no stories. */
  | "NO_STORIES"
  /** The question asks for no story ("Why Amazon?", "Tell me about yourself"). */
  | "NO_STORY_NEEDED"
  /** Fewer than k shown: no story shares a word or a theme with the question, so only the first is shown. */
  | "UNMATCHED"
  /** Fewer than k shown: only that many experiences share a word or a theme with the question. */
  | "FEW_SHARED"
  /** Fewer than k shown: the bank has only that many experiences. */
  | "SMALL_BANK"
  /** In a plan: the question repeats an earlier one and gets its stories. */
  | "SAME_QUESTION"
  /** In a plan: the question's closest story leads another question. */
  | "CLOSEST_KEPT_ELSEWHERE"
  /** In a plan: every story that fits the question leads another question. */
  | "ALL_KEPT_ELSEWHERE"
  /** In a plan: fewer than k shown because the others lead other questions. */
  | "PLAN_SHORTFALL"
  /** Even the first story shown is only a stretch for the question: none clearly answers it. */
  | "NO_CLEAR_FIT"
  /** In the chat: the provider's embeddings failed, so the stories were matched without them. */
  | "EMBEDDINGS_UNAVAILABLE"
  /** The provider's model could not judge the matches, so the offline ranking and fits stand. */
  | "JUDGE_UNAVAILABLE";

/** One thing to tell the user beside a question's matches: what it is about, and the sentence shown. */
export interface MatchNotice {
  code: MatchNoticeCode;
  message: string;
}

// The notices that explain why fewer than k stories are shown: true only of the list the matcher cut.
const FEWER_THAN_ASKED: ReadonlySet<MatchNoticeCode> = new Set(["UNMATCHED", "FEW_SHARED", "SMALL_BANK"]);

/** What to tell a candidate who asked a question no story answers, naming the story that could still support it. */
export function nonBehaviouralNotice(kind: string, answerWith: string, title: string | undefined): MatchNotice {
  const support = title && kind !== "practical" ? `, though "${title}" could support it` : "";
  return { code: "NO_STORY_NEEDED", message: `This is ${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind} question, not a behavioural one: answer with ${answerWith}. No story is needed${support}.` };
}

/**
 * What to tell a candidate whose closest stories are all a stretch for the
 * question: tell one only with its link to the question said out loud, or
 * write the story the bank lacks. It names no theme: a question read as
 * another theme ("improved warehouse safety" as broad responsibility) would
 * be passed on to the user as fact (user audit).
 */
export function noClearFitNotice(): MatchNotice {
  return {
    code: "NO_CLEAR_FIT",
    message: "Your closest stories are each a stretch for this question: tell one only if you can say plainly how it answers it, or write a story that does.",
  };
}

/** What to tell a user whose configured model could not judge the matches (reason: an error message or what was wrong with the reply). */
export function judgeUnavailableNotice(reason: string): MatchNotice {
  // Reasons come from error messages that end in their own full stop.
  return { code: "JUDGE_UNAVAILABLE", message: `The model could not judge these stories (${reason.replace(/\.$/, "")}); showing the offline ranking and fits.` };
}

/** Why fewer stories than asked for are shown, if they are. */
export function fewerThanAsked(shown: number, asked: number, experiences: number, stoppedAtZero: boolean, unmatched: boolean): MatchNotice | undefined {
  if (shown >= asked || experiences === 0) return undefined;
  const many = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  if (unmatched) return { code: "UNMATCHED", message: `No story shares a word or a theme with this question, so none fits better than another: only the first in your bank is shown, not ${asked}.` };
  if (stoppedAtZero) {
    return { code: "FEW_SHARED", message: `Only ${many(shown, "experience")} of the ${experiences} in your bank share${shown === 1 ? "s" : ""} a word or a theme with this question, so ${shown} ${shown === 1 ? "is" : "are"} shown, not ${asked}.` };
  }
  return { code: "SMALL_BANK", message: `Your bank has ${many(experiences, "experience")} (tellings of the same events count once), so ${shown} ${shown === 1 ? "is" : "are"} shown, not ${asked}.` };
}

/** Whether a notice explains why the matcher showed fewer than k stories, for callers that re-cut the list. */
export function isFewerThanAsked(notice: MatchNotice): boolean {
  return FEWER_THAN_ASKED.has(notice.code);
}
