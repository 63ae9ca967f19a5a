import type { Principle } from "../principles/principles.js";

/** A piece of the answer: UTF-16 offsets into the answer exactly as received (end exclusive). */
export interface AnswerSpan {
  start: number;
  end: number;
  text: string;
}

/** One STAR part (or the lesson) as found in an answer. */
export interface CritiquePart {
  present: boolean;
  /** Fraction of the answer's words in this part, 0 to 1. */
  share: number;
  spans: AnswerSpan[];
}

export type CritiqueSeverity = "high" | "medium" | "low";

export interface CritiqueIssue {
  code: string;
  severity: CritiqueSeverity;
  message: string;
  span?: { start: number; end: number };
}

/** One `coach critique --json` line (contracts). */
export interface Critique {
  id?: string;
  score: number;
  breakdown: { structure: number; results: number; ownership: number; relevance: number; delivery: number };
  star: { situation: CritiquePart; task: CritiquePart; action: CritiquePart; result: CritiquePart; lesson: CritiquePart };
  quantified: boolean;
  metrics: string[];
  ownership: { i: number; we: number; weHeavy: boolean };
  lesson: { required: boolean; present: boolean };
  notAStory: boolean;
  relevance: { principles: Principle[]; score: number };
  words: number;
  speakingSeconds: number;
  issues: CritiqueIssue[];
  followUps: string[];
  llm: null | Record<string, unknown>;
}

/** Critiques a drafted answer to an interview question; one implementation offline, one with an LLM. */
export interface Critic {
  critique(question: string, answer: string, options?: { signal?: AbortSignal }): Promise<Critique>;
}
