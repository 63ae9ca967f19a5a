import { createHash } from "node:crypto";
import { PRINCIPLES, type Principle } from "../principles/index.js";
import type { BankQuestion } from "../understanding/question-bank.js";

// How principle names appear pasted into a question ("How have you shown Dive Deep?"): as written, capitals and all.
const PRINCIPLE_NAMES = [...PRINCIPLES, "Have Backbone", "Disagree and Commit"];

/**
 * Whether a question names a Leadership Principle outright ("How have you
 * shown Dive Deep?"). Such questions teach the classifier how people paste
 * them, but an interviewer asks about the behaviour, so the mock interview never does.
 */
export function namesPrinciple(question: string): boolean {
  return PRINCIPLE_NAMES.some((name) => question.includes(name));
}

/** The same principles for the same session: a different starting point per session, spread across the list. */
export function pickPrinciples(sessionId: string, count: number): Principle[] {
  const start = seedOf(sessionId) % PRINCIPLES.length;
  return Array.from({ length: count }, (_, index) => PRINCIPLES[(start + index * 5) % PRINCIPLES.length]!);
}

/**
 * A question on a principle, or on a competency, not yet asked in the session,
 * not naming a principle and not a rapid-fire form; the same one for the same session.
 */
export function pickQuestion(questions: readonly BankQuestion[], about: { principle: Principle } | { competency: string }, sessionId: string, used: ReadonlySet<string>): BankQuestion {
  const askable = questions.filter((question) => !used.has(question.id) && !namesPrinciple(question.question) && question.form !== "terse");
  const key = "principle" in about ? about.principle : about.competency;
  const pool =
    "principle" in about
      ? [askable.filter((question) => question.principles[0] === about.principle), askable.filter((question) => question.principles.includes(about.principle))]
      : [askable.filter((question) => question.competency === about.competency)];
  // A session that has used up every question starts again on the whole bank.
  const candidates = pool.find((candidatePool) => candidatePool.length > 0) ?? (askable.length > 0 ? askable : questions);
  return candidates[seedOf(`${sessionId}:${key}`) % candidates.length]!;
}

function seedOf(text: string): number {
  return createHash("sha256").update(text).digest().readUInt32LE(0);
}
