import type { StoryPart } from "../core/story.js";
import { foldLabel, LABEL_WORDS, SINGLE_LETTERS } from "./label-words.js";

/** What a label at the start of a line introduces. */
export type LabelKind = StoryPart | "question" | "narrative" | "tags" | "principles" | "experience";

export interface LabelMatch {
  /** One kind per component: "Result & What I'd Do Differently" gives result and lesson. */
  kinds: LabelKind[];
  /** Text after the label on the same line (may be empty). */
  rest: string;
  /** A label only where the story shows a run of them ("S - ...", "(T)", a line "Action" alone): see isLabelRun. */
  weak?: true;
}

function kindsOf(labelText: string): LabelKind[] | null {
  const whole = LABEL_WORDS.get(foldLabel(labelText));
  if (whole) return [whole];
  const components = labelText.split(/\s*(?:&|\+|\/|,|\band\b)\s*/i).filter((part) => part.trim() !== "");
  if (components.length < 2) return null;
  const kinds: LabelKind[] = [];
  for (const component of components) {
    const kind = LABEL_WORDS.get(foldLabel(component));
    if (!kind) return null;
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  return kinds;
}

const QUOTE_OPENERS = new Set(['"', "“", "”", "„", "'", "‘", "’"]);
const QUOTED_LABEL = /^["“”„'‘’]\s*(\p{L}[\p{L}'’ &+/]{0,48}?)\s*(:?)\s*["“”'‘’]\s*(:?)\s*/u;
// A hyphen with nothing after it ends the line: "A -" above the action's bullets labels them, as "A –" does.
const LABEL_LINE = /^(\p{L}[\p{L}'\u2019 &+/,]{0,48}?)\s*(?:(\([^)]{0,60}\))\s*)?(?::|：|\s[-–—](?:\s|$)|\s?[–—])\s*(.*)$/su;

// Single letters that are labels only in a run: "S - ...", "**S** – ...", "S. ...", "(S) ...", "[S] ...", "### S".
const LETTER_WITH_DASH = /^([STARL])(?:\s?-\s+|\s-$|\s?[–—]\s*)(.*)$/s;
const LETTER_WITH_PERIOD = /^([STARL])\.\s+(.*)$/s;
const LETTER_IN_BRACKETS = /^(?:\(([STARL])\)|\[([STARL])\])\s*[:.]?\s*(.*)$/s;
const LETTER_ALONE = /^([STARL])\.?$/;
// Shorthand in lower case, "s: ... t: ... a: ... r: ...": "a: " or "r:" opening a line of prose is rare, but it happens.
const LOWER_LETTER_WITH_COLON = /^([starl])\s?:\s*(.*)$/s;
// No label is longer ("What I would do differently (in hindsight)"): a longer line is not a label alone.
const MAX_LABEL_LENGTH = 80;

/**
 * Recognises a label that opens a line of a story ("Situation:", "**Task:**",
 * "S:", "Result & What I'd Do Differently:", "Tags:"). `plain` is the line with
 * markdown markers removed; `standalone` says the line was a bold or heading
 * label with nothing after it, which may omit the colon ("**Situation**").
 * In a Q/A story "A:" means the answer, not the action. With `weak`, also
 * labels that count only where the story shows a run of them (marked weak).
 */
export function matchLabel(plain: string, options: { standalone?: boolean; questionAndAnswer?: boolean; weak?: boolean } = {}): LabelMatch | null {
  // Every label has a letter; a bank may hold a million empty headings or rules.
  if (!/\p{L}/u.test(plain)) return null;
  // A label in quotes, as Google Docs writes it: "“Situation”: ..." or "“Situation:” ...".
  if (QUOTE_OPENERS.has(plain[0]!)) {
    const quoted = QUOTED_LABEL.exec(plain);
    if (quoted && (quoted[2] || quoted[3]) && kindsOf(quoted[1]!)) plain = `${quoted[1]}: ${plain.slice(quoted[0].length)}`;
  }
  const letter = /^([STARLQ])\s?[:.)]\s*(.*)$/s.exec(plain);
  if (letter && !/^[A-Z]\.\s*[A-Z]\./.test(plain)) {
    const symbol = letter[1]!;
    if (symbol === "A" && options.questionAndAnswer) return { kinds: ["narrative"], rest: letter[2]!.trim() };
    // "A." or "S)" style only when clearly a label: a colon, or a single letter then a space.
    if (plain[1] === ":" || plain[2] === ":" || plain[1] === ")") return { kinds: [SINGLE_LETTERS[symbol]!], rest: letter[2]!.trim() };
  }
  const match = LABEL_LINE.exec(plain);
  if (match) {
    const kinds = kindsOf(match[1]!);
    if (kinds) return { kinds, rest: match[3]!.trim() };
  }
  if (options.standalone) {
    const kinds = kindsOf(withoutDecoration(plain));
    if (kinds) return { kinds, rest: "" };
  }
  return options.weak ? matchWeakLabel(plain, options.standalone ?? false) : null;
}

/** A single-letter label, or (on a plain line) a part's name alone ("SITUATION", "- Task"): a label only in a run. */
function matchWeakLabel(plain: string, standalone: boolean): LabelMatch | null {
  // "S. Korea" or "A. B. Smith" are names, not labels.
  const period = /^[A-Z]\.\s*[A-Z]\./.test(plain) ? null : LETTER_WITH_PERIOD.exec(plain);
  const letter = LETTER_WITH_DASH.exec(plain) ?? period ?? LETTER_ALONE.exec(plain) ?? LOWER_LETTER_WITH_COLON.exec(plain);
  if (letter) return { kinds: [SINGLE_LETTERS[letter[1]!.toUpperCase()]!], rest: letter[2]?.trim() ?? "", weak: true };
  const bracketed = LETTER_IN_BRACKETS.exec(plain);
  if (bracketed) return { kinds: [SINGLE_LETTERS[(bracketed[1] ?? bracketed[2])!]!], rest: bracketed[3]!.trim(), weak: true };
  // A word alone on a plain line starts with a capital: a lower-case "result" alone is a wrapped line of prose.
  if (standalone || plain.length > MAX_LABEL_LENGTH || !/^\p{Lu}/u.test(plain)) return null;
  const kinds = kindsOf(withoutDecoration(plain));
  return kinds && kinds.every(isStoryPart) ? { kinds, rest: "", weak: true } : null;
}

/** A label with an aside in brackets and a closing colon or full stop removed: "Situation (context):" as "Situation". */
function withoutDecoration(plain: string): string {
  // [^()] not [^)]: a run of "(" with no ")" made every opener scan to the end of the line.
  return plain.replace(/\([^()]*\)/g, "").replace(/[:.]\s*$/, "").trim();
}

const STORY_PARTS: ReadonlySet<LabelKind> = new Set(["situation", "task", "action", "result", "lesson"]);

/** True for the five STAR parts (not the question, tags or an answer label). */
export function isStoryPart(kind: LabelKind): kind is StoryPart {
  return STORY_PARTS.has(kind);
}

/**
 * Whether weak labels (see matchLabel), in the order they appear, make a run:
 * two or more different STAR parts, each first met in STAR order (S before
 * T before A before R before L), as "S - / T - / A - / R -" does.
 */
export function isLabelRun(kinds: readonly LabelKind[]): boolean {
  const order = ["situation", "task", "action", "result", "lesson"];
  const firsts: number[] = [];
  for (const kind of kinds) {
    const at = order.indexOf(kind);
    if (at >= 0 && !firsts.includes(at)) firsts.push(at);
  }
  return firsts.length >= 2 && firsts.every((at, index) => index === 0 || at > firsts[index - 1]!);
}

/** True when the label kinds open part of the story text (not metadata like tags). */
export function isContentLabel(kind: LabelKind): kind is StoryPart | "narrative" {
  return kind === "situation" || kind === "task" || kind === "action" || kind === "result" || kind === "lesson" || kind === "narrative";
}
