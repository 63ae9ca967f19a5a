import type { ProbedGap } from "../coach/index.js";
import { chooseProbe } from "../coach/index.js";
import { critiqueAnswer } from "../critique/index.js";
import type { CritiqueCase } from "./critique-eval.js";

type Labels = CritiqueCase["labels"];

// The labelled gap behind each follow-up a mock interview asks, in the order it probes them. TOO_SHORT is measured, not labelled.
const LABELLED_GAPS: ReadonlyArray<[Exclude<ProbedGap, "TOO_SHORT">, (labels: Labels) => boolean]> = [
  ["NOT_A_STORY", (labels) => labels.notAStory],
  ["MISSING_ACTION", (labels) => !labels.action],
  ["WE_HEAVY", (labels) => labels.weHeavy],
  ["MISSING_RESULT", (labels) => !labels.result],
  ["MISSING_LESSON", (labels) => labels.lessonRequired && !labels.lesson],
  ["NOT_QUANTIFIED", (labels) => !labels.quantified],
  ["NUMBERS_ONLY_IN_SETUP", (labels) => !labels.quantified],
];

export interface FollowUpMetrics {
  dataset: string;
  cases: number;
  /** Drafts with a labelled gap worth a follow-up, and the share of them the interviewer probes. */
  thin: number;
  probedWhenThin: number;
  /** Drafts with none, and the share of them it moves on from without a follow-up. */
  complete: number;
  sparedWhenComplete: number;
  /** Follow-ups about a labelled gap (not "tell me more" for length), and the share whose gap the labels have. */
  probedForGap: number;
  probeOnLabelledGap: number;
  /** Of those on a labelled gap, the share that ask about the first one an interviewer would (is it a story, your part, the outcome...). */
  firstGapProbed: number;
}

/** The first labelled gap, in the order the mock interview probes, or null for a draft with none. */
export function firstLabelledGap(labels: Labels): ProbedGap | null {
  return LABELLED_GAPS.find(([, has]) => has(labels))?.[0] ?? null;
}

/**
 * How the mock interview's follow-ups agree with the critique drafts' labels:
 * does it probe an answer with a real gap, spare a complete one, and ask
 * about a gap the answer has (the first an interviewer would)?
 */
export function evaluateFollowUps(dataset: string, cases: readonly CritiqueCase[]): FollowUpMetrics {
  let thin = 0;
  let probedThin = 0;
  let complete = 0;
  let spared = 0;
  let probedForGap = 0;
  let onLabelled = 0;
  let first = 0;
  for (const entry of cases) {
    const probe = chooseProbe(critiqueAnswer(entry.question, entry.answer).issues);
    const labelledFirst = firstLabelledGap(entry.labels);
    if (labelledFirst) {
      thin++;
      if (probe) probedThin++;
    } else {
      complete++;
      if (!probe) spared++;
    }
    if (!probe || probe === "TOO_SHORT") continue;
    probedForGap++;
    if (!LABELLED_GAPS.some(([code, has]) => code === probe && has(entry.labels))) continue;
    onLabelled++;
    if (probe === labelledFirst || (probe === "NUMBERS_ONLY_IN_SETUP" && labelledFirst === "NOT_QUANTIFIED")) first++;
  }
  const share = (count: number, of: number) => (of === 0 ? 1 : count / of);
  return {
    dataset,
    cases: cases.length,
    thin,
    probedWhenThin: share(probedThin, thin),
    complete,
    sparedWhenComplete: share(spared, complete),
    probedForGap,
    probeOnLabelledGap: share(onLabelled, probedForGap),
    firstGapProbed: share(first, onLabelled),
  };
}
