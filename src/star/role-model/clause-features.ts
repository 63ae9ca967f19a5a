import { tokenize } from "../../understanding/normalize-text.js";
import { cueFeatures } from "../role-cues.js";
import { withoutLeadingLabel } from "../segment-answer.js";

/** Clauses of this many words or fewer carry the model's "short" feature. */
export const SHORT_CLAUSE_WORDS = 6;
/** The features that say how long a clause is ("len:short", "len:long"). */
export const LENGTH_FEATURE_PREFIX = "len:";

/** Whether the model reads a clause as short (most short clauses it learned from are fillers or effort talk). */
export function isShortClause(text: string): boolean {
  return tokenize(withoutLeadingLabel(text)).length <= SHORT_CLAUSE_WORDS;
}

/**
 * Sparse binary features of one clause for the role model: words and word
 * pairs (numbers folded), how it opens, who acts, figures, and where it sits
 * in the answer (0 = first word, 1 = last).
 */
export function clauseFeatures(text: string, position: number): string[] {
  const body = withoutLeadingLabel(text);
  const words = tokenize(body).map((token) => (/^\p{N}/u.test(token.text) ? "<num>" : token.text));
  const features = new Set<string>();
  for (const word of words) features.add(`w:${word}`);
  for (let k = 0; k + 1 < words.length; k++) features.add(`b:${words[k]}_${words[k + 1]}`);
  // Openings carry the most: "I was", "So we", "As a result".
  const opening = words.filter((word) => !FILLER.has(word));
  if (opening[0]) features.add(`f:${opening[0]}`);
  if (opening[1]) features.add(`f2:${opening[0]}_${opening[1]}`);
  if (words.some((word) => word.endsWith("ed") && word.length > 4)) features.add("has:ed-word");
  if (/\d/.test(body)) features.add("has:digit");
  if (/%|\bpercent\b/i.test(body)) features.add("has:percent");
  // A multiplier glued to its digits ("5M users", "300k") is as large a figure as "5 million" (not the "2B" of "B2B").
  if (/[$€£]|\b(dollars|euros|pounds|k|million|billion)\b|(?<![A-Za-z])\d(?:k|m|mn|bn|b)\b/i.test(body)) features.add("has:money");
  if (/\b(would|will|could|might|'d|’d)\b/i.test(body)) features.add("has:modal");
  if (words.length <= SHORT_CLAUSE_WORDS) features.add("len:short");
  else if (words.length >= 25) features.add("len:long");
  features.add(`pos:${Math.min(4, Math.floor(position * 5))}`);
  if (position < 0.15) features.add("pos:opening");
  if (position > 0.85) features.add("pos:closing");
  for (const feature of cueFeatures(body, position)) features.add(feature);
  return [...features];
}

const FILLER = new Set(["so", "um", "uh", "umm", "like", "well", "and", "basically", "okay", "ok", "yeah", "honestly", "then"]);
