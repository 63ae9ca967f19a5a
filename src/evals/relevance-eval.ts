import { z } from "zod";
import { critiqueAnswer } from "../critique/index.js";
import { readEvalDataset } from "./read-eval-dataset.js";

/** One answer labelled by whether it answers its question (`evals/critique/off-topic.jsonl`). */
export const RelevanceCaseSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  answer: z.string().min(1),
  onTopic: z.boolean(),
  kind: z.string().min(1),
  note: z.string().optional(),
});
export type RelevanceCase = z.infer<typeof RelevanceCaseSchema>;

export interface RelevanceMetrics {
  dataset: string;
  cases: number;
  onTopic: number;
  offTopic: number;
  /** The chance an on-topic answer's relevance score is above an off-topic one's (ties count half): 0.5 is chance. */
  separation: number;
  /** Off-topic answers the critique flags OFF_TOPIC. */
  caught: number;
  /** On-topic answers it does not flag. */
  spared: number;
}

export async function readRelevanceCases(file: string): Promise<RelevanceCase[]> {
  return readEvalDataset(file, RelevanceCaseSchema, "a relevance case");
}

/** How well the offline critique's relevance check (words alone, no bank) tells answers to the question from answers to another. */
export function evaluateRelevance(dataset: string, cases: readonly RelevanceCase[]): RelevanceMetrics {
  const scored = cases.map((entry) => {
    const critique = critiqueAnswer(entry.question, entry.answer);
    return { onTopic: entry.onTopic, score: critique.relevance.score, flagged: critique.issues.some((issue) => issue.code === "OFF_TOPIC") };
  });
  const on = scored.filter((entry) => entry.onTopic);
  const off = scored.filter((entry) => !entry.onTopic);
  let wins = 0;
  for (const a of on) for (const b of off) wins += a.score > b.score ? 1 : a.score === b.score ? 0.5 : 0;
  const share = (count: number, of: number) => (of === 0 ? 1 : count / of);
  return {
    dataset,
    cases: cases.length,
    onTopic: on.length,
    offTopic: off.length,
    separation: on.length === 0 || off.length === 0 ? 0.5 : wins / (on.length * off.length),
    caught: share(off.filter((entry) => entry.flagged).length, off.length),
    spared: share(on.filter((entry) => !entry.flagged).length, on.length),
  };
}
