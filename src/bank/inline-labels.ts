import { matchLabel, type LabelKind } from "./part-labels.js";

/** A label found in running text: where its markers begin, where the label itself begins, and where its text begins. */
export interface InlineLabel {
  /** Start of the list or bold markers before the label ("- **"), or of the label when there are none. */
  start: number;
  labelStart: number;
  textStart: number;
  kinds: LabelKind[];
  weak: boolean;
}

// A label opens a line (after list or bold markers) or follows the end of a sentence, and never spans lines.
// "\s+(?!\s)": the space after a sentence is taken whole, never shared with the next group; inside the label only
// spaces and tabs ("[ \t]"), so a run of spaces and line breaks is never tried as part of a label (both backtracked quadratically).
const LABEL_CANDIDATE =
  /(^|\n|[.!?]["”)]?\s+(?!\s))([ \t]*(?:[-*•>][ \t]*)?(?:\*\*|__)?)(\p{L}[\p{L}'’ &/]{0,40}?(?:[ \t]*\([^)\n]{0,40}\))?[ \t]*(?:(?:\*\*|__)[ \t]*)?(?::|：|[ \t][-–—](?=\s))[ \t]*(?:\*\*|__)?)/gu;

/**
 * Part labels in running text, in order: at the start of a line, or right
 * after the end of a sentence ("... 48 minutes. Task: I set out ..."), written
 * with a colon or a spaced dash, plain or bold. A word with a colon inside a
 * sentence ("the result: ...") or a time ("10:30") is not one. With `weak`,
 * single letters with a dash ("T - ") are found too, marked weak.
 */
export function findInlineLabels(text: string, options: { weak?: boolean } = {}): InlineLabel[] {
  const labels: InlineLabel[] = [];
  for (const match of text.matchAll(LABEL_CANDIDATE)) {
    const labelText = match[3]!.replace(/\*\*|__/g, "");
    // Trailing space becomes one space before the stand-in text: "Result - " reads as "Result - x".
    const parsed = matchLabel(`${labelText.trimEnd()}${labelText.trimEnd() === labelText ? "" : " "}x`, { weak: options.weak ?? false });
    if (!parsed) continue;
    const start = match.index! + match[1]!.length;
    const labelStart = start + match[2]!.length;
    labels.push({ start, labelStart, textStart: labelStart + match[3]!.length, kinds: parsed.kinds, weak: parsed.weak ?? false });
  }
  return labels;
}
