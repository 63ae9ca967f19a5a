import type { Critique, CritiqueIssue, CritiquePart } from "../core/critique.js";
import { InputError, UsageError } from "../errors/index.js";
import { PRINCIPLES, type Principle } from "../principles/index.js";
import { readClauses, type Role, type RoleMethod } from "../star/index.js";
import { profileText } from "../understanding/index.js";
import { countActors, countPronouns, detectNotAStory, findDeliveryMarkers, opensWithCommand, speaksAsSubject } from "./analyze-language.js";
import { CRITIQUE_CONFIG } from "./critique-config.js";
import { calmWhitespace } from "./calm-whitespace.js";
import { detectMetrics } from "./detect-metrics.js";
import { questionAsksForLesson } from "./lesson-required.js";
import { DEEPER_FOLLOW_UP, followUpFor } from "./follow-ups.js";
import type { IssueCode } from "./issue-codes.js";
import { noteStyleSteps } from "./note-style-steps.js";
import { presentTenseReading, withPresentTenseRoles } from "./present-tense.js";
import { setupShare } from "./setup-share.js";
import { countWords, countWordsByScript } from "../text/index.js";

const ROLES: Role[] = ["situation", "task", "action", "result", "lesson"];

/**
 * The offline, deterministic critique of a drafted answer: STAR parts and
 * their proportions, a quantified result, ownership, lesson, story mode,
 * length and delivery, relevance, a score, issues and follow-up questions.
 */
export function critiqueAnswer(question: string, given: string, options: { roles?: RoleMethod } = {}): Critique {
  // Neutral wording: the command line, a batch line and the HTTP API all end up here.
  if (question.trim() === "") throw new UsageError("the question is empty.");
  if (given.trim() === "") throw new UsageError("the answer is empty.");
  const answer = calmWhitespace(given);
  if (question.length > CRITIQUE_CONFIG.maxQuestionCharacters) {
    throw new InputError("INPUT_TOO_LARGE", `the question is ${question.length} characters; the limit is ${CRITIQUE_CONFIG.maxQuestionCharacters} (paste just the question).`);
  }
  const words = countWords(answer);
  if (words > CRITIQUE_CONFIG.maxWords) {
    throw new InputError("INPUT_TOO_LARGE", `the answer is ${words} words; the limit is ${CRITIQUE_CONFIG.maxWords} (a spoken answer runs 150-450).`);
  }

  const detected = detectNotAStory(answer);
  const present = presentTenseReading(answer);
  const metricsAll = detectMetrics(answer);
  // Told in the present with no habit words (non-native speakers, the storyteller's present), the speaker's steps are
  // steps unless the answer reads more as a routine than as one occasion.
  const presentNarration = detected.habitual === 0 && detected.pastActions <= 1 && !detected.narrative && present.routine <= present.occasion;
  const read = readClauses(answer, options.roles);
  const clauses = presentNarration ? withPresentTenseRoles(read) : read;
  // Shares are of the answer's own words: part labels ("**Action:**") are not in any clause.
  const contentWords = clauses.reduce((sum, clause) => sum + countWords(clause.text), 0);
  const spoken = countWordsByScript(answer);
  const speakingSeconds = Math.round((spoken.words / CRITIQUE_CONFIG.wordsPerMinute + spoken.characters / CRITIQUE_CONFIG.charactersPerMinute) * 60);
  const explicitlyLabelled = clauses.some((clause) => clause.labelled);
  // Most of the answer playing no STAR role (opinions, habits, hypotheticals, effort talk) is not a story either.
  const unroledWords = clauses.filter((clause) => clause.roles.length === 0).reduce((sum, clause) => sum + countWords(clause.text), 0);
  const unroledShare = unroledWords / Math.max(1, contentWords);
  // With nothing in the past tense, an answer is a story when it reads as one occasion, or (with hardly a sign of a routine)
  // when its clauses play the whole arc and it counts what changed.
  const toldInPresent =
    detected.untoldInPast &&
    (present.occasion > present.routine ||
      (present.routine <= 1 && unroledShare <= CRITIQUE_CONFIG.maxUnroledShareInPresent && tellsArc(clauses) && metricsAll.length > 0));
  // Told in the present with signs of a routine and none of an occasion ("In my role I check the stock... If one product
  // is finishing, I..."): a routine, whatever else anchors it.
  const routineInPresent = detected.habitual === 0 && detected.pastActions <= 1 && !detected.narrative && present.occasion === 0 && present.routine >= CRITIQUE_CONFIG.routineMarkersInPresent;
  const mode = toldInPresent ? { ...detected, notAStory: false, narrative: true } : routineInPresent ? { ...detected, notAStory: true } : detected;
  const generic = (mode.notAStory || unroledShare >= CRITIQUE_CONFIG.maxUnroledShare) && !explicitlyLabelled;
  // A line or two that tells no event is not a story, labelled or not: no step of the speaker's (a lone "Result: ..."
  // line), nothing narrated in the past, or an instruction to the coach. A line that does tell one is a story far too short.
  const tellsNoEvent = !clauses.some((clause) => clause.roles.includes("action")) || (mode.pastActions === 0 && mode.anchors === 0 && !mode.narrative) || opensWithCommand(answer);
  const brief = speakingSeconds < CRITIQUE_CONFIG.fewestStorySeconds && tellsNoEvent;
  const notAStory = generic || brief;
  // Said differently to the speaker: habits and hypotheticals need a real occasion; a thin account needs its events;
  // a line needs the story told at all.
  const notAStoryCause = !notAStory ? null : generic && mode.notAStory ? "habits" : generic ? "thin" : "brief";

  const star = {} as Critique["star"];
  for (const role of ROLES) {
    // Span texts come from the answer as given (the analysed copy differs only inside long runs of whitespace,
    // where a clause may start or end: the run is trimmed off as the answer's own whitespace).
    const spans = clauses.filter((clause) => clause.roles.includes(role)).map((clause) => spanOf(given, clause.start, clause.end));
    // A generic, hypothetical or one-line answer has no situation, task, action or result of its own, whatever its wording.
    const credited = !notAStory;
    const share = contentWords === 0 ? 0 : spans.reduce((sum, span) => sum + countWords(span.text), 0) / contentWords;
    star[role] = { present: credited && spans.length > 0, share: credited ? round(share) : 0, spans: credited ? spans : [] } satisfies CritiquePart;
  }

  // Situation and task together, each word once: one clause can play both.
  const setup = setupShare(clauses, contentWords);

  const resultClauses = clauses.filter((clause) => clause.roles.includes("result"));
  const inResult = metricsAll.filter((metric) => !metric.durationOfWork && !metric.teamSize && resultClauses.some((clause) => metric.start >= clause.start && metric.end <= clause.end));
  const quantified = star.result.present && inResult.length > 0;

  const { weHeavy, ...pronouns } = ownershipOf(star.action, answer, noteStyleSteps(clauses));

  const questionProfile = profileText(question, "question");
  const lessonRequired = questionAsksForLesson(question, questionProfile);
  const answerProfile = profileText(answer, "story");
  const relevance = relevanceOf(questionProfile, answerProfile);

  const delivery = findDeliveryMarkers(answer);
  // A vague outcome standing as the result ("it kind of worked out"): the ask for a figure quotes it.
  const vagueResult = delivery.vagueOutcomes.find((marker) => resultClauses.some((clause) => marker.start >= clause.start && marker.end <= clause.end));
  const issues = collectIssues({ star, setup, notAStory: notAStoryCause, quantified, vagueResult, metricsAll, inResult, weHeavy, noOwnAction: pronouns.i === 0, saidWe: pronouns.we > 0, lessonRequired, speakingSeconds, delivery, relevance, words });
  const breakdown = scoreBreakdown({ star, setup, notAStory, quantified, weHeavy, lessonRequired, pronouns, relevance: relevance.score, speakingSeconds, delivery, words, vague: delivery.vague.length });
  const score = scoreOf(breakdown, issues);

  // With no "we" and no action, "what did you personally do?" (MISSING_ACTION) already asks for the speaker's part.
  const asked = issues.filter((issue) => !(issue.code === "WE_HEAVY" && pronouns.we === 0 && issues.some((other) => other.code === "MISSING_ACTION")));
  const followUps = [...new Set(asked.map((issue) => followUpFor(issue.code, pronouns.we, { failure: lessonRequired })).filter((text): text is string => Boolean(text)))].slice(0, 3);
  if (followUps.length === 0) followUps.push(DEEPER_FOLLOW_UP);

  return {
    score,
    breakdown,
    star,
    quantified,
    metrics: inResult.map((metric) => metric.text),
    ownership: { i: pronouns.i, we: pronouns.we, weHeavy },
    lesson: { required: lessonRequired, present: star.lesson.present },
    notAStory,
    relevance: { principles: relevance.principles, score: round(relevance.score) },
    words,
    speakingSeconds,
    issues,
    followUps,
    llm: null,
  };
}

/**
 * The 0-100 score: the breakdown's parts weighed as `CRITIQUE_CONFIG.weights`
 * says, at most `maxScoreWithHighGaps` when high-severity issues are raised.
 */
export function scoreOf(breakdown: Critique["breakdown"], issues: readonly CritiqueIssue[]): number {
  const weights = CRITIQUE_CONFIG.weights;
  const weighted = Math.round(100 * (weights.structure * breakdown.structure + weights.results * breakdown.results + weights.ownership * breakdown.ownership + weights.relevance * breakdown.relevance + weights.delivery * breakdown.delivery));
  const high = issues.filter((issue) => issue.severity === "high").length;
  const cap = CRITIQUE_CONFIG.maxScoreWithHighGaps;
  return high === 0 ? weighted : Math.min(weighted, high === 1 ? cap.one : cap.several);
}

const SEVERITY_RANK = { high: 0, medium: 1, low: 2 } as const;

/** Issues in the order a critique lists them: high, then medium, then low; in their given order within each. */
export function bySeverity(issues: readonly CritiqueIssue[]): CritiqueIssue[] {
  return [...issues].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

/** The span of the answer from start to end, without the whitespace at either end. */
function spanOf(answer: string, start: number, end: number): { start: number; end: number; text: string } {
  while (start < end && /\s/.test(answer[start]!)) start++;
  while (end > start && /\s/.test(answer[end - 1]!)) end--;
  return { start, end, text: answer.slice(start, end) };
}

/**
 * "I" against "we" in the action part, and whether the actions are told as
 * "we" (the contract's weHeavy): "we" outnumbers "I" in the action part, or
 * no action is attributed to the speaker. With no action part the counts are
 * the whole answer's, and no action is attributed to the speaker when they
 * never speak as "I" (the team's habits, "the model was rerun"); a
 * first-person answer that names no steps is missing its action, not told as
 * "we" (so the labelled drafts read it). Steps told note-style ("Gathered the
 * metrics.") count as "I": `noteSteps` is how many the actions have.
 */
function ownershipOf(action: CritiquePart, answer: string, noteSteps: number): { i: number; we: number; weHeavy: boolean } {
  if (!action.present) return { ...countPronouns(answer), weHeavy: !speaksAsSubject(answer) };
  const actionText = action.spans.map((span) => span.text).join(" ");
  const counted = countPronouns(actionText);
  const pronouns = { i: counted.i + noteSteps, we: counted.we };
  // Steps told only of others or in the passive ("Priya rolled it back, pulled the logs...") by a speaker who never says "I".
  const nobodyIsMe = pronouns.i === 0 && !speaksAsSubject(answer);
  // The team's steps are "we" as a subject, not every "our" and "so we had a buffer" inside the speaker's own steps.
  const we = countActors(actionText).we;
  return { ...pronouns, weHeavy: nobodyIsMe || (we > 0 && (we > pronouns.i * CRITIQUE_CONFIG.weOverIRatio || pronouns.i === 0)) };
}

function relevanceOf(question: ReturnType<typeof profileText>, answer: ReturnType<typeof profileText>): { score: number; principles: Principle[]; clearTheme: boolean } {
  // What the question is mainly about: its three strongest competencies.
  const asked = [...question.competencies].sort((a, b) => b[1] - a[1]).slice(0, 3);
  let overlap = 0;
  let norm = 0;
  for (const [id, weight] of asked) {
    overlap += weight * (answer.competencies.get(id) ?? 0);
    norm += weight;
  }
  const competencyFit = norm === 0 ? 0.5 : overlap / norm;
  const askedPrinciples = PRINCIPLES.filter((principle) => (question.principles.get(principle) ?? 0) >= 0.5);
  const shown = askedPrinciples.filter((principle) => (answer.principles.get(principle) ?? 0) >= 0.3);
  const principleFit = askedPrinciples.length === 0 ? 0.5 : shown.length / askedPrinciples.length;
  return { score: Math.min(1, 0.6 * competencyFit + 0.4 * principleFit + 0.15), principles: shown, clearTheme: (asked[0]?.[1] ?? 0) >= 0.6 };
}

interface IssueInput {
  star: Critique["star"];
  /** The setup's share of the words, each word once (`setupShare`). */
  setup: number;
  notAStory: "habits" | "thin" | "brief" | null;
  quantified: boolean;
  /** An outcome inside the result that does not say what changed ("it kind of worked out"), if any. */
  vagueResult: { text: string } | undefined;
  metricsAll: ReturnType<typeof detectMetrics>;
  inResult: ReturnType<typeof detectMetrics>;
  weHeavy: boolean;
  /** No action is told as the speaker's own (no "I", no note-style step): the interviewer cannot tell what they did. */
  noOwnAction: boolean;
  /** The actions (or, with none told, the answer) say "we". */
  saidWe: boolean;
  lessonRequired: boolean;
  speakingSeconds: number;
  delivery: ReturnType<typeof findDeliveryMarkers>;
  relevance: { score: number; clearTheme: boolean };
  words: number;
}

function collectIssues(input: IssueInput): CritiqueIssue[] {
  const { star, delivery } = input;
  const issues: CritiqueIssue[] = [];
  const add = (code: IssueCode, severity: CritiqueIssue["severity"], message: string, span?: { start: number; end: number }) => issues.push({ code, severity, message, ...(span ? { span } : {}) });
  if (input.notAStory === "habits") {
    add("NOT_A_STORY", "high", "This describes what you usually do or would do, not one specific time. Interviewers want a real example: pick one occasion and tell what happened.");
  } else if (input.notAStory === "thin") {
    add("NOT_A_STORY", "high", "This is too thin to follow as a story: it never says what exactly was going on, what you did step by step, or how it turned out. Tell that one occasion in full.");
  } else if (input.notAStory === "brief") {
    add("NOT_A_STORY", "high", "This is a line, not a story: it never tells what you did on one occasion. Tell one in full: what was going on, what you did step by step, and how it turned out.");
  }
  if (!input.notAStory) {
    if (!star.action.present) add("MISSING_ACTION", "high", "The answer never says what you did. The action should be the longest part: the steps you took and why.");
    if (!star.result.present) add("MISSING_RESULT", "high", "There is no result: say how it turned out, ideally with a number, and what it meant for the customer or the business.");
    if (!star.situation.present) add("MISSING_SITUATION", "medium", "Open with one or two sentences of context: where you were, what was going on, what was at stake.");
    if (!star.task.present) add("MISSING_TASK", "low", "Say what your goal or responsibility was, so the listener knows what success looked like.");
  }
  if (input.lessonRequired && !star.lesson.present) add("MISSING_LESSON", "high", "The question asks about something that went wrong: say what you learned and what you now do differently.");
  if (star.result.present && !input.quantified) {
    // A team's size is context the listener needs, not a figure that belongs in the result.
    const vague = input.vagueResult ? `"${input.vagueResult.text}" does not say what changed. ` : "";
    const setupFigures = input.metricsAll.filter((metric) => !metric.durationOfWork && !metric.teamSize && !input.inResult.includes(metric));
    if (setupFigures.length > 0) {
      add("NUMBERS_ONLY_IN_SETUP", "medium", `${vague}Your numbers (${setupFigures.slice(0, 2).map((metric) => `"${metric.text}"`).join(", ")}) describe the situation, not the outcome. Quantify the result.`, { start: setupFigures[0]!.start, end: setupFigures[0]!.end });
    } else {
      add("NOT_QUANTIFIED", "medium", `${vague}The result has no number. If you have one, give it (time saved, % change, money, count); if not, say how you knew it worked (what you saw or heard that showed it).`);
    }
  }
  // "We" is not always bad (coaching research): it fails the answer only where the speaker's own part disappears.
  if (input.weHeavy && star.action.present && input.saidWe) add("WE_HEAVY", input.noOwnAction ? "high" : "medium", 'The actions are told as "we". Say what you did yourself: "I proposed...", "I wrote...". Keep "we" for the team\'s shared outcome.');
  else if (input.weHeavy && star.action.present) add("WE_HEAVY", "high", 'The actions are told as what others did, or what was done: none of them is yours. Say what you did yourself: "I proposed...", "I wrote...".');
  // With no action at all, MISSING_ACTION (or NOT_A_STORY) is already the high gap: "we" is the same gap, said once more.
  else if (input.weHeavy) add("WE_HEAVY", "medium", 'Nothing is told as something you did: only what "we" or others did or what happened. Say what you did yourself: "I proposed...", "I wrote...".');
  // Under the shortest spoken length whatever else is wrong: a five-word non-answer is too short as well as not a story.
  if (input.speakingSeconds < CRITIQUE_CONFIG.farTooShortSeconds) {
    // An outline, however complete: an interviewer rates it weak, so it weighs as a gap, not a polish point.
    add("TOO_SHORT", "high", `About ${input.speakingSeconds} s spoken: far too short for an interview answer, with room for a clause on each part at most. Aim for 1-2 minutes: the situation in a sentence or two, then your steps, then how it turned out.`);
  } else if (input.speakingSeconds < CRITIQUE_CONFIG.shortestSeconds) {
    add("TOO_SHORT", "medium", `About ${input.speakingSeconds} s spoken: too short to carry the situation, your actions and the result. Aim for 1-2 minutes.`);
  }
  if (input.speakingSeconds > CRITIQUE_CONFIG.longestSeconds) add("TOO_LONG", "medium", `About ${Math.round(input.speakingSeconds / 60)} minutes spoken: trim to about two. Cut setup first.`);
  if (!input.notAStory && input.setup > CRITIQUE_CONFIG.maxSetupShare && input.words > 60) add("SETUP_TOO_LONG", "medium", `Setup takes ${Math.round(input.setup * 100)}% of the answer; keep it under a third and spend the time on what you did.`);
  if (!input.notAStory && star.action.present && star.action.share < CRITIQUE_CONFIG.minActionShare && input.words > 60) add("ACTION_TOO_SHORT", "low", `What you did is only ${Math.round(star.action.share * 100)}% of the answer; it should be the biggest part.`);
  const minutes = Math.max(input.speakingSeconds / 60, 0.5);
  if (delivery.fillers.length / minutes > CRITIQUE_CONFIG.fillersPerMinute && delivery.fillers.length >= 2) {
    add("FILLERS", "low", `${delivery.fillers.length} filler words ("${delivery.fillers[0]!.text}"...); pause instead.`, { start: delivery.fillers[0]!.start, end: delivery.fillers[0]!.end });
  }
  if (delivery.hedges.length >= 3) add("HEDGING", "low", `${delivery.hedges.length} hedges ("${delivery.hedges[0]!.text}"...) make you sound unsure of your own story.`, { start: delivery.hedges[0]!.start, end: delivery.hedges[0]!.end });
  for (const vague of delivery.vague.slice(0, 2)) add("VAGUE_CLAIM", "low", `"${vague.text}" with no evidence: replace it with what changed and by how much.`, { start: vague.start, end: vague.end });
  // Low, and worded as advice: read from themes alone it fires on about 1 in 8 answers written to the question (and on
  // only 1 in 3 answers to another one), so it cannot say the answer is off the point. The bank's check (story fit) can.
  if (input.relevance.score < 0.25 && input.relevance.clearTheme) add("OFF_TOPIC", "low", "Say in a sentence how this example shows what the question asks about: the link is not plain from your words.");
  return bySeverity(issues);
}

function scoreBreakdown(input: {
  star: Critique["star"];
  setup: number;
  notAStory: boolean;
  quantified: boolean;
  weHeavy: boolean;
  lessonRequired: boolean;
  pronouns: { i: number; we: number };
  relevance: number;
  speakingSeconds: number;
  delivery: ReturnType<typeof findDeliveryMarkers>;
  words: number;
  vague: number;
}): Critique["breakdown"] {
  const { star } = input;
  let structure = 0.2 * Number(star.situation.present) + 0.15 * Number(star.task.present) + 0.35 * Number(star.action.present) + 0.3 * Number(star.result.present);
  // The further past a third, the less of the answer is left for the steps: a story buried under its preamble must not
  // outscore the same story told in its last three sentences.
  if (input.setup > CRITIQUE_CONFIG.maxSetupShare) structure -= 0.1 + CRITIQUE_CONFIG.setupOverrunPenalty * (input.setup - CRITIQUE_CONFIG.maxSetupShare);
  if (input.lessonRequired && !star.lesson.present) structure -= 0.2;
  if (input.notAStory) structure *= 0.3;
  const results = star.result.present ? (input.quantified ? 1 : 0.55) - Math.min(0.2, 0.1 * input.vague) : 0;
  const total = input.pronouns.i + input.pronouns.we;
  // Ownership shows in what the speaker did: with no action credited there is nothing to praise ("At my last job I ...").
  const ownership = input.weHeavy ? 0.3 : !star.action.present ? OWNERSHIP_NOT_SHOWN : total === 0 ? 0.7 : 0.6 + (0.4 * input.pronouns.i) / total;
  let delivery = 1;
  if (input.speakingSeconds < CRITIQUE_CONFIG.shortestSeconds || input.speakingSeconds > CRITIQUE_CONFIG.longestSeconds) delivery -= 0.35;
  const minutes = Math.max(input.speakingSeconds / 60, 0.5);
  if (input.delivery.fillers.length / minutes > CRITIQUE_CONFIG.fillersPerMinute) delivery -= 0.2;
  if (input.delivery.hedges.length >= 3) delivery -= 0.1;
  return { structure: round(clamp(structure)), results: round(clamp(results)), ownership: round(clamp(ownership)), relevance: round(clamp(input.relevance)), delivery: round(clamp(delivery)) };
}

/** The ownership score of an answer that credits no action to anyone: neither shown nor disowned. */
const OWNERSHIP_NOT_SHOWN = 0.5;

const clamp = (value: number) => Math.max(0, Math.min(1, value));
const round = (value: number) => Math.round(value * 1000) / 1000;

/** Whether the clauses play a story's whole arc: a setting or remit, the speaker's steps and what came of them. */
function tellsArc(clauses: ReturnType<typeof readClauses>): boolean {
  const has = (role: Role) => clauses.some((clause) => clause.roles.includes(role));
  return (has("situation") || has("task")) && has("action") && has("result");
}
