import path from "node:path";
import { z } from "zod";
import { readQuestionBank } from "../understanding/question-bank.js";
import { profileText, topEntries } from "../understanding/index.js";
import { readEvalDataset } from "./read-eval-dataset.js";

/** Questions other writers phrased (the retrieval-training banks'), labelled blind with a theme or two: the classifier never trains on them. */
export const OTHER_WRITERS_FILE = path.join("evals", "questions", "other-writers.jsonl");

const LabelledQuestionSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  competency: z.string().min(1),
  /** A second theme the question plainly asks for too: naming either is right. */
  also: z.string().min(1).optional(),
  principles: z.array(z.string()).min(1),
});

export interface ClassifierMetrics {
  split: "dev" | "heldout" | "other-writers";
  questions: number;
  competencyAt1: number;
  competencyAt3: number;
  principleAt1: number;
}

/**
 * Accuracy of question understanding: on the question bank's held-out split
 * (never trained or tuned on) and its dev split, and on questions other
 * writers phrased for the training banks (never trained on).
 */
export async function evaluateQuestionClassifier(packageRoot: string): Promise<ClassifierMetrics[]> {
  const bank = readQuestionBank();
  const splits = (["heldout", "dev"] as const).map((split) =>
    classifierAccuracy(
      split,
      bank.filter((question) => question.split === split).map((question) => ({ ...question, themes: [question.competency] })),
    ),
  );
  const others = await readEvalDataset(path.join(packageRoot, OTHER_WRITERS_FILE), LabelledQuestionSchema, "a labelled question");
  return [...splits, classifierAccuracy("other-writers", others.map((question) => ({ ...question, themes: [question.competency, ...(question.also ? [question.also] : [])] })))];
}

/** Competency@1 and @3 (a hit when the top names any of a question's labelled `themes`) and principle@1, over labelled questions. */
export function classifierAccuracy(split: ClassifierMetrics["split"], questions: ReadonlyArray<{ question: string; themes: string[]; principles: string[] }>): ClassifierMetrics {
  let competencyAt1 = 0;
  let competencyAt3 = 0;
  let principleAt1 = 0;
  for (const question of questions) {
    const profile = profileText(question.question, "question");
    const top = topEntries(profile.competencies, 3).map((entry) => entry.name);
    if (question.themes.includes(top[0] ?? "")) competencyAt1++;
    if (top.some((name) => question.themes.includes(name))) competencyAt3++;
    if (topEntries(profile.principles, 1)[0]?.name === question.principles[0]) principleAt1++;
  }
  const count = Math.max(1, questions.length);
  return { split, questions: questions.length, competencyAt1: competencyAt1 / count, competencyAt3: competencyAt3 / count, principleAt1: principleAt1 / count };
}
