import { matchLabel } from "../bank/part-labels.js";
import { withoutLeadingLabel, type Clause, type Role } from "./segment-answer.js";

/** A part label opening a clause: how many characters it takes, and the roles it gives (null for "Answer:"-style labels). */
interface LeadingLabel {
  length: number;
  roles: Role[] | null;
}

const ROLE_KINDS = new Set<string>(["situation", "task", "action", "result", "lesson"]);
const MARKER = String.raw`(?:\*{1,2}|_{1,2})`;
// Heading or list marks, then bold or underline, the label's words, and a colon, a dash or the end of the clause.
const LEADING_LABEL = new RegExp(
  // "#{1,6}(?!#)": a run of # is read one way only; "#{1,6}[ \t]*" could split "######" many ways and backtracked exponentially.
  String.raw`^(?<marks>(?:#{1,6}(?!#)[ \t]*|[-*•>][ \t]+)*${MARKER}?)` +
    String.raw`(?<words>[A-Za-z][A-Za-z'’ &/]{0,40}?(?:\s*\([^)\n]{0,40}\))?)` +
    String.raw`[ \t]*${MARKER}?[ \t]*(?<separator>[:：]|[-–—](?=\s|$)|$)[ \t]*${MARKER}?[ \t]*`,
);

/**
 * The clauses without the part labels the segmenter leaves in them: labels in
 * bold or underline ("**Action:**", "__Action__:"), headings ("### Action") and
 * labels alone on their line. A label is never part of a span. A label the
 * segmenter does not read itself (a heading, a bold label with no colon)
 * labels the text after it, as "Action:" does.
 */
export function withoutPartLabels(answer: string, clauses: readonly Clause[]): Clause[] {
  const kept: Clause[] = [];
  // The roles of the last label read here; undefined while the segmenter's own labels apply.
  let governing: Role[] | null | undefined;
  let previousEnd = 0;
  for (const clause of clauses) {
    // A label the segmenter cut out sits between two clauses, and from there on its roles apply.
    if (opensLabel(answer.slice(previousEnd, clause.start))) governing = undefined;
    previousEnd = clause.end;
    const label = leadingLabel(clause.text);
    if (!label) {
      kept.push(governing === undefined ? clause : { ...clause, labelled: governing });
      continue;
    }
    governing = label.roles;
    if (label.length < clause.text.length) kept.push({ ...clause, start: clause.start + label.length, text: clause.text.slice(label.length), labelled: label.roles });
  }
  return kept;
}

/** The part label opening a clause, when it is marked up as one or stands alone; null otherwise. */
function leadingLabel(text: string): LeadingLabel | null {
  const match = LEADING_LABEL.exec(text);
  if (!match) return null;
  const { words, separator } = match.groups!;
  const alone = match[0].length === text.length;
  // Unmarked label words with more text after them are left as the segmenter read them.
  if (!alone && !/[#*_]/.test(match[0])) return null;
  const parsed = separator ? matchLabel(`${words!.trim()}${separator === ":" || separator === "：" ? ":" : " -"} x`) : matchLabel(words!.trim(), { standalone: true });
  if (!parsed) return null;
  const roles = parsed.kinds.filter((kind): kind is Role => ROLE_KINDS.has(kind));
  if (roles.length === 0 && !parsed.kinds.includes("narrative")) return null;
  return { length: match[0].length, roles: roles.length > 0 ? roles : null };
}

/** Whether the text between two clauses holds a label the segmenter read ("\nAction: "). */
function opensLabel(gap: string): boolean {
  return /\p{L}/u.test(gap) && withoutLeadingLabel(gap) !== gap;
}
