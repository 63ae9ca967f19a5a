import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { PACKAGE_ROOT } from "../package-root.js";
import { parseJsonLines } from "../text/index.js";

export const QUESTION_BANK_FILE = path.join(PACKAGE_ROOT, "corpus", "questions.jsonl");

/** One labelled behavioural question of the bundled question bank. */
export const BankQuestionSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  principles: z.array(z.string()).min(1),
  competency: z.string().min(1),
  split: z.enum(["dev", "heldout"]),
  /** A rapid-fire form ("Ever dropped the ball?"): it teaches the classifier how interviewers fire questions off; the mock interview asks full ones. */
  form: z.literal("terse").optional(),
});
export type BankQuestion = z.infer<typeof BankQuestionSchema>;

let cached: BankQuestion[] | undefined;

/** The question bank (used by the mock interview and to train and test the question classifier). */
export function readQuestionBank(file = QUESTION_BANK_FILE): BankQuestion[] {
  if (file === QUESTION_BANK_FILE && cached) return cached;
  const questions = parseJsonLines(readFileSync(file, "utf8"), BankQuestionSchema, file, "a bank question");
  if (file === QUESTION_BANK_FILE) cached = questions;
  return questions;
}
