import { findInlineLabels } from "./inline-labels.js";
import { isLabelRun, isStoryPart } from "./part-labels.js";
import type { RegionLine } from "./read-story-region.js";

// A bold STAR label inside a line ("... the rollback call. **R:** We re-ran it..."): people write a whole story as one paragraph.
// "(?<!\s)": a whitespace run is tried once, from its start, not once per character.
const INLINE_BOLD_LABEL = /(?<!\s)\s+(?=(?:\*\*|__)(?:S|T|A|R|L|Situation|Task|Action|Actions|Result|Results|Lesson|Lessons|Learned|Learnings|Reflection)\s*(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:))/g;

const LIST_MARKER_ONLY = /^\s*(?:[-*+•>]|\d{1,3}[.)])?\s*$/;
const LIST_MARKER_PREFIX = /^[ \t]*(?:(?:[-*+•>]|\d{1,3}[.)])[ \t]*)?/;

// Google Docs escapes the asterisks of bold typed into a document: "\*\*Situation:\*\* ...".
const ESCAPED_BOLD_START = /^\s*(?:[-*+•>]\s+)?(?:\\\*\\\*|\\_\\_)/;

/** Lines with inline labels split so each label starts its own line (same line number). */
export function splitInlineLabels(lines: readonly RegionLine[]): RegionLine[] {
  return lines.flatMap((line) => {
    if (line.isCode) return [line];
    const raw = ESCAPED_BOLD_START.test(line.raw) ? line.raw.replace(/\\([*_])/g, "$1") : line.raw;
    const pieces = raw.split(INLINE_BOLD_LABEL);
    // "- **Situation:** ..." and "2. **Action:** ...": a list or quote marker before the first label stays with it.
    if (pieces.length > 1 && LIST_MARKER_ONLY.test(pieces[0]!)) pieces.splice(0, 2, `${pieces[0]} ${pieces[1]}`);
    return pieces.flatMap(splitAtPlainLabels).map((piece) => ({ ...line, raw: piece }));
  });
}

/**
 * A line cut where plain labels follow the end of a sentence ("Situation: ... Task: ... Action: ..."), when
 * they make a run of STAR parts (one "Result:" after a sentence may be prose quoting a word), and where the
 * answer follows a question on its line ("Q: ...? A: ...").
 */
function splitAtPlainLabels(raw: string): string[] {
  // A label after a sentence needs the sentence's end and the label's colon or dash.
  if (!/[.!?]/.test(raw) || !/[:：–—]|\s-\s/.test(raw)) return [raw];
  const labels = findInlineLabels(raw, { weak: true });
  // "1. Situation: ..." reads "1." as a sentence's end: a list marker stays with the label after it.
  const lead = LIST_MARKER_PREFIX.exec(raw)![0].length;
  const parts = labels.filter((label) => label.kinds.every(isStoryPart));
  const cuts = parts.length >= 2 && isLabelRun(parts.map((label) => label.kinds[0]!)) ? parts.map((label) => label.start) : [];
  // One question and its answer: a line of several "Q: ... A: ..." pairs is left as it is.
  const [first] = labels;
  if (first && first.start <= lead && first.kinds[0] === "question" && labels.filter((label) => label.kinds[0] === "question").length === 1) {
    const answer = labels.find((label) => label.kinds[0] === "narrative" || /^A\s?:/.test(raw.slice(label.labelStart, label.labelStart + 3)));
    if (answer) cuts.push(answer.start);
  }
  const ends = [...new Set(cuts.filter((start) => start > lead))].sort((a, b) => a - b);
  return [0, ...ends].map((start, index) => raw.slice(start, ends[index] ?? raw.length)).filter((piece) => piece.trim() !== "");
}
