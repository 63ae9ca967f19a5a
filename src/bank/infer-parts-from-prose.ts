import type { StoryPart } from "../core/story.js";
import { readClauses } from "../star/index.js";
import { LESSON_CUES } from "../star/role-cues.js";
import { restoreImpliedI, splitSentences } from "../text/index.js";

/**
 * Assigns each sentence of an unlabelled story to a STAR part, with the same
 * clause reading the critique uses (labels in markup, hyphenated verbs, stated
 * lessons). A sentence takes the role of most of its words; one with no role
 * (filler, effort talk) stays with the part before it.
 */
export function inferPartsFromProse(text: string): Partial<Record<StoryPart, string>> {
  const sentences = splitSentences(text);
  if (sentences.length === 0) return {};
  // Notes drop the "I" ("Pulled the logs."); read them with it, then keep the author's words.
  const restored = restoreImpliedI(text);
  const restoredSentences = splitSentences(restored);
  const aligned = restoredSentences.length === sentences.length;
  const analysed = aligned ? restored : text;
  const spans = aligned ? restoredSentences : sentences;
  const clauses = readClauses(analysed);
  const parts: Partial<Record<StoryPart, string>> = {};
  let previous: StoryPart = "situation";
  // Clauses and sentences both run in text order: each sentence reads only the clauses near it, not all of them
  // (a bank of 100,000 short lines took minutes comparing every sentence with every clause).
  const inOrder = clauses.every((clause, index) => index === 0 || clause.start >= clauses[index - 1]!.start);
  let firstOpen = 0;
  sentences.forEach((sentence, index) => {
    const span = spans[index]!;
    const weight = new Map<StoryPart, number>();
    if (inOrder) while (firstOpen < clauses.length && clauses[firstOpen]!.end <= span.start) firstOpen++;
    for (let at = inOrder ? firstOpen : 0; at < clauses.length; at++) {
      const clause = clauses[at]!;
      if (inOrder && clause.start >= span.end) break;
      const overlap = Math.min(clause.end, span.end) - Math.max(clause.start, span.start);
      const first = clause.roles[0];
      if (overlap > 0 && first) weight.set(first, (weight.get(first) ?? 0) + overlap);
    }
    const role: StoryPart = [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? previous;
    parts[role] = parts[role] ? `${parts[role]} ${sentence.text}` : sentence.text;
    previous = role;
  });
  return parts;
}

/** Moves sentences that state a lesson out of a labelled result ("...I learned to always check usage first."). */
export function splitLessonFromResult(result: string): { result: string; lesson: string } {
  const kept: string[] = [];
  const lesson: string[] = [];
  for (const sentence of splitSentences(result)) (LESSON_CUES.test(sentence.text) ? lesson : kept).push(sentence.text);
  return { result: kept.join(" "), lesson: lesson.join(" ") };
}
