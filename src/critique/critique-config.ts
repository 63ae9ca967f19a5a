/**
 * Every threshold the offline critique uses, with where it comes from
 * (see ../shared/notes/coaching-research.md for the sources).
 */
export const CRITIQUE_CONFIG = {
  /** Speaking pace: 130-160 words a minute, ~150 typical (InterviewVoice; medixteam). */
  wordsPerMinute: 150,
  /** Chinese and Japanese are timed by the character: speech runs at about 4-5 syllables a second, a character each. */
  charactersPerMinute: 250,
  /** Under ~45 s an answer rarely has room for all four parts (1-2 minutes is the common advice). */
  shortestSeconds: 45,
  /**
   * Under ~20 s (about 50 words, under half the shortest) each part gets a
   * clause at most: the listener hears an outline, not an answer, and rates
   * it weak however complete the outline (a target of 1.5-3 minutes is
   * 225-450 words). Raised as a high-severity TOO_SHORT.
   */
  farTooShortSeconds: 20,
  /**
   * Under ~10 s (about 25 words, a line or two) an answer that tells no
   * event (no step of the speaker's, nothing narrated in the past) is not a
   * story, whatever its labels: "Result: two juniors I mentored got
   * promoted", an instruction to the coach.
   */
  fewestStorySeconds: 10,
  /** Over ~3 minutes interviewers lose the thread ("two-minute rule", career-ops; 1-3 minutes, common guidance). */
  longestSeconds: 180,
  /** Setup (situation + task) over about a third: coaches give 15-30% (acedit.ai 20/10/60/10; askcruit: setup at most ~20%). */
  maxSetupShare: 0.36,
  /**
   * Structure lost per share of the answer the setup runs past `maxSetupShare`, on top of the 0.1 for running past it
   * at all: a setup of 90% (a ramble with its one step at the end) loses about 0.37, and scores under its own last
   * three sentences told alone. 0.5 keeps the score order on the tuning drafts (see the commit).
   */
  setupOverrunPenalty: 0.5,
  /** Action is the heart of the answer: 50-60% in published splits (acedit.ai, freeresumebuilderapp, hmround). */
  minActionShare: 0.25,
  /** Fillers: about one a minute or fewer (interviewgenie). */
  fillersPerMinute: 1.5,
  /** "We" is not always bad (Naim et al. 2015): flag only when it outnumbers "I" in the actions (Amazon: "use I, not we"). */
  weOverIRatio: 1,
  /** Score weights, summing to 1. Structure and results matter most in bar-raiser rubrics (ctodd/star-story-evaluator). */
  weights: { structure: 0.35, results: 0.25, ownership: 0.15, relevance: 0.15, delivery: 0.1 },
  /**
   * The most an answer scores with one high-severity gap (not a story, no
   * action, no result, no lesson where asked, a story for another question,
   * far too short, no step of the speaker's own),
   * and with two or more: however polished the rest, the gap fails it. On the
   * 218 labelled drafts the weights alone put a failure story with no lesson
   * at up to 93; with the caps, scores order the drafts by their worst labelled
   * flaw for 0.900 of pairs, against 0.886.
   */
  maxScoreWithHighGaps: { one: 65, several: 50 },
  /**
   * Share of the words in clauses with no STAR role at which an answer is not
   * a story (opinions, habits, hypotheticals, effort talk). Chosen on the
   * tuning drafts, where 0.6 and 0.7 scored the same; 0.5 flagged real stories.
   */
  maxUnroledShare: 0.65,
  /** Most of an answer told in the present tense that may play no STAR role for it still to count as a story. */
  maxUnroledShareInPresent: 0.35,
  /**
   * Signs of a routine ("in my role", "If...", "each booking") that make an answer told in the present, with no sign
   * of one occasion, a routine. Chosen on the tuning drafts (drafts-2: 54 errors at 2, 59 at 1).
   */
  routineMarkersInPresent: 2,
  /** Longest answer accepted (words); past ~10 minutes of speech it is a document, not an answer. */
  maxWords: 5000,
  /** As for matching: longer than any interview question. */
  maxQuestionCharacters: 2000,
} as const;
