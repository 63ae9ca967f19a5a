import { findInlineLabels } from "../bank/inline-labels.js";
import type { LabelKind } from "../bank/part-labels.js";
import { splitSentences, unwrapLines } from "../text/index.js";

export type Role = "situation" | "task" | "action" | "result" | "lesson";

/** A clause of the answer with its offsets, and the roles an explicit label gave it (if any). */
export interface Clause {
  start: number;
  end: number;
  text: string;
  /** Index of the sentence it belongs to, and its position within the answer (0 to 1). */
  sentence: number;
  position: number;
  labelled: Role[] | null;
}

const ROLE_KINDS = new Set<LabelKind>(["situation", "task", "action", "result", "lesson"]);

// Clause boundaries where an outcome or a new action is often fused onto the previous one.
const CLAUSE_BREAK =
  /;\s+|,\s+(?=(?:I|we)\s+(?!think|guess|mean|believe|know)\w+)|,\s+(?=(?:which|and (?:then |this |it |we |the |they |afterwards |after that |later |soon |eventually )|so |resulting|cutting|saving|reducing|bringing|raising|dropping|improving|increasing|leading|allowing|meaning)\b)|(?<!\s)\s+[—–]\s+(?=[a-z])|(?<!\s)\s+-\s+(?=[a-z])/gi;

// A word or two that only says when the clause after it happened: "Afterwards,", "In the end,", "The next day,".
// Cut from its clause, it stood alone and took a role of its own ("Afterwards" read as the whole result).
const LONE_CONNECTIVE =
  /^\s*(?:and\s+|so\s+|but\s+)?(?:afterwards?|after that|then|later(?: on| that (?:day|week|month|year))?|eventually|finally|in the end|at the end|ultimately|next|soon after|shortly after|the (?:next|following) (?:day|morning|week|month|quarter|year)|that (?:evening|night|afternoon|week))\s*$/i;

/**
 * Splits an answer into clauses with exact offsets. Explicit part labels
 * ("Situation:", "**Task:**", "R -") start a labelled run that lasts until
 * the next label; an answer's only label, when it is for the opening or the
 * steps ("Context:"), labels its own sentence.
 */
export function segmentAnswer(answer: string): Clause[] {
  // Labels come in text order and never overlap, so each sentence and clause finds its own by binary search
  // (scanning every label for each one was quadratic on a long text with a label in every sentence).
  const labelled = findLabels(answer);
  const textStarts = labelled.map((label) => label.textStart);
  const labelStarts = labelled.map((label) => label.labelStart);
  const clauses: Clause[] = [];
  const sentences = splitSentences(answer);
  // Clauses are read with the line breaks inside a sentence (hard-wrapped prose) as spaces; offsets stay the answer's.
  const reading = unwrapLines(answer);
  // A lone part label for the opening or the steps ("Context: ..." and then plain prose, the answer's only label)
  // labels its own sentence only: read as a run to the end, it made a whole answer its situation. A lone "Result:" or
  // "Lesson:" still runs to the end, where what follows it is more of the same.
  const withRoles = labelled.filter((label) => label.roles);
  const lone = withRoles.length === 1 && !withRoles[0]!.roles!.some((role) => role === "result" || role === "lesson") ? withRoles[0] : undefined;
  const loneSentence = lone ? sentences.findIndex((sentence) => lone.textStart >= sentence.start && lone.textStart <= sentence.end) : -1;
  sentences.forEach((sentence, index) => {
    // Labels can sit inside a sentence span ("Situation: x. Task: y" on one line); cut at label starts first.
    const inside: number[] = [];
    for (let at = lastAtOrBefore(textStarts, sentence.start) + 1; at < textStarts.length && textStarts[at]! < sentence.end; at++) inside.push(textStarts[at]!);
    const cuts = [sentence.start, ...inside, sentence.end];
    for (let k = 0; k < cuts.length - 1; k++) {
      for (const piece of splitClauses(reading, cuts[k]!, cuts[k + 1]!)) {
        const label = labelled[lastAtOrBefore(textStarts, piece.start)];
        const governs = label !== undefined && (label !== lone || loneSentence === index);
        clauses.push({ ...piece, sentence: index, position: 0, labelled: governs ? label.roles : null });
      }
    }
  });
  // Positions count the characters that are not blank, so a run of blanks or line breaks moves no clause ("·" is what the
  // critique reads the inside of a long run of blanks as, keeping offsets: calmWhitespace).
  const solid = solidCharactersBefore(answer);
  const total = Math.max(1, solid[answer.length]!);
  for (const clause of clauses) clause.position = (solid[clause.start]! + solid[clause.end]!) / 2 / total;
  // The labels themselves ("Situation:") are not content.
  const insideLabel = (clause: Clause) => {
    const label = labelled[lastAtOrBefore(labelStarts, clause.start)];
    return label !== undefined && clause.end <= label.textStart;
  };
  return clauses.filter((clause) => /[\p{L}\p{N}]/u.test(clause.text) && !insideLabel(clause));
}

/** Index of the last of ascending `values` at or before `at`, or -1. */
function lastAtOrBefore(values: readonly number[], at: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle]! <= at) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** The text without an answer label at its start ("Situation:", "**Task** -", "R:"), as the segmenter reads labels. */
export function withoutLeadingLabel(text: string): string {
  const first = findLabels(text)[0];
  return first && text.slice(0, first.labelStart).trim() === "" ? text.slice(first.textStart) : text;
}

interface FoundLabel {
  /** Where the label's own text starts (the label is excluded from clauses). */
  labelStart: number;
  textStart: number;
  roles: Role[] | null;
}

function findLabels(answer: string): FoundLabel[] {
  return findInlineLabels(answer).flatMap((label) => {
    const roles = label.kinds.filter((kind): kind is Role => ROLE_KINDS.has(kind));
    if (roles.length === 0 && !label.kinds.includes("narrative")) return [];
    return [{ labelStart: label.labelStart, textStart: label.textStart, roles: roles.length ? roles : null }];
  });
}

function splitClauses(answer: string, from: number, to: number): Array<{ start: number; end: number; text: string }> {
  const text = answer.slice(from, to);
  const pieces: Array<{ start: number; end: number; text: string }> = [];
  let last = 0;
  const push = (end: number) => {
    const raw = text.slice(last, end);
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) pieces.push({ start: from + last + leading, end: from + last + leading + trimmed.length, text: trimmed });
  };
  for (const match of text.matchAll(CLAUSE_BREAK)) {
    // "Afterwards, I apologised": the comma before "I" ends no clause when all before it is the time it happened.
    if (LONE_CONNECTIVE.test(text.slice(last, match.index!))) continue;
    push(match.index!);
    last = match.index! + match[0].length;
  }
  push(text.length);
  return pieces;
}

const BLANK = /[\s·]/;

/** For each offset, how many characters before it are not blank. */
function solidCharactersBefore(text: string): Int32Array {
  const counts = new Int32Array(text.length + 1);
  for (let at = 0; at < text.length; at++) counts[at + 1] = counts[at]! + (BLANK.test(text[at]!) ? 0 : 1);
  return counts;
}
