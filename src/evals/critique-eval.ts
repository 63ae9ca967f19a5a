import { readEvalDataset } from "./read-eval-dataset.js";
import { z } from "zod";
import type { Critique } from "../core/critique.js";
import { critiqueAnswer, type RoleMethod } from "../critique/index.js";

/** One hand-labelled draft (see evals/README.md, Critique). */
export const CritiqueCaseSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  answer: z.string().min(1),
  labels: z.object({
    situation: z.boolean(),
    task: z.boolean(),
    action: z.boolean(),
    result: z.boolean(),
    lesson: z.boolean(),
    quantified: z.boolean(),
    weHeavy: z.boolean(),
    lessonRequired: z.boolean(),
    notAStory: z.boolean(),
  }),
  flaws: z.array(z.string()).optional(),
  notes: z.string().optional(),
});
export type CritiqueCase = z.infer<typeof CritiqueCaseSchema>;

type Labels = CritiqueCase["labels"];

/** The flaws the critique is measured on; the positive class is the flaw. */
export const CRITIQUE_LABELS: Record<string, (labels: Labels) => boolean> = {
  "missing-situation": (labels) => !labels.situation,
  "missing-task": (labels) => !labels.task,
  "missing-action": (labels) => !labels.action,
  "missing-result": (labels) => !labels.result,
  "not-quantified": (labels) => !labels.quantified,
  "we-heavy": (labels) => labels.weHeavy,
  "missing-lesson": (labels) => labels.lessonRequired && !labels.lesson,
  "not-a-story": (labels) => labels.notAStory,
};

export interface LabelMetrics {
  label: string;
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  trueNegative: number;
  precision: number;
  recall: number;
  f1: number;
  kappa: number;
}

/** What the critique says, in the labels' terms. */
export function predictedLabels(critique: Critique): Labels {
  return {
    situation: critique.star.situation.present,
    task: critique.star.task.present,
    action: critique.star.action.present,
    result: critique.star.result.present,
    lesson: critique.star.lesson.present,
    quantified: critique.quantified,
    weHeavy: critique.ownership.weHeavy,
    lessonRequired: critique.lesson.required,
    notAStory: critique.notAStory,
  };
}

export async function readCritiqueCases(file: string): Promise<CritiqueCase[]> {
  return readEvalDataset(file, CritiqueCaseSchema, "a critique case");
}

/**
 * How bad a draft's worst labelled flaw is, 0 (complete) to 4 (not a story):
 * a missing action or result, then "we" only or no lesson where one is asked,
 * then a missing setup part or an unquantified result.
 */
export function worstFlawTier(labels: Labels): number {
  if (labels.notAStory) return 4;
  if (!labels.action || !labels.result) return 3;
  if (labels.weHeavy || (labels.lessonRequired && !labels.lesson)) return 2;
  if (!labels.situation || !labels.task || !labels.quantified) return 1;
  return 0;
}

/** The share of pairs of drafts with different worst flaws whose scores order them (ties count half). */
export function scoreOrder(scored: ReadonlyArray<{ score: number; tier: number }>): number {
  let agreeing = 0;
  let pairs = 0;
  for (let first = 0; first < scored.length; first++) {
    for (let second = first + 1; second < scored.length; second++) {
      const [a, b] = [scored[first]!, scored[second]!];
      if (a.tier === b.tier) continue;
      pairs++;
      const better = a.tier < b.tier ? a.score - b.score : b.score - a.score;
      agreeing += better > 0 ? 1 : better === 0 ? 0.5 : 0;
    }
  }
  return pairs === 0 ? 1 : agreeing / pairs;
}

/** Precision, recall, F1 and Cohen's kappa per flaw, with the per-case disagreements, and how well the score orders the drafts. */
export function evaluateCritique(cases: readonly CritiqueCase[], options: { roles?: RoleMethod } = {}) {
  const critiques = cases.map((entry) => critiqueAnswer(entry.question, entry.answer, options));
  const results = cases.map((entry, index) => ({ entry, predicted: predictedLabels(critiques[index]!) }));
  const order = scoreOrder(cases.map((entry, index) => ({ score: critiques[index]!.score, tier: worstFlawTier(entry.labels) })));
  const metrics: LabelMetrics[] = Object.entries(CRITIQUE_LABELS).map(([label, flaw]) => {
    let truePositive = 0;
    let falsePositive = 0;
    let falseNegative = 0;
    let trueNegative = 0;
    for (const { entry, predicted } of results) {
      const gold = flaw(entry.labels);
      const guess = flaw(predicted);
      if (gold && guess) truePositive++;
      else if (!gold && guess) falsePositive++;
      else if (gold && !guess) falseNegative++;
      else trueNegative++;
    }
    const total = Math.max(1, results.length);
    const precision = truePositive + falsePositive === 0 ? 1 : truePositive / (truePositive + falsePositive);
    const recall = truePositive + falseNegative === 0 ? 1 : truePositive / (truePositive + falseNegative);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    const observed = (truePositive + trueNegative) / total;
    const expected = ((truePositive + falsePositive) * (truePositive + falseNegative) + (falseNegative + trueNegative) * (falsePositive + trueNegative)) / (total * total);
    const kappa = expected === 1 ? 1 : (observed - expected) / (1 - expected);
    return { label, truePositive, falsePositive, falseNegative, trueNegative, precision, recall, f1, kappa };
  });
  const disagreements = results.flatMap(({ entry, predicted }) =>
    Object.entries(CRITIQUE_LABELS)
      .filter(([, flaw]) => flaw(entry.labels) !== flaw(predicted))
      .map(([label, flaw]) => ({ id: entry.id, label, gold: flaw(entry.labels), predicted: flaw(predicted) })),
  );
  const macroF1 = metrics.reduce((sum, metric) => sum + metric.f1, 0) / metrics.length;
  return { cases: results.length, metrics, macroF1, scoreOrder: order, disagreements };
}
