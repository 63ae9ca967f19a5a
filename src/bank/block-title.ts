import { markdownInlineToPlain } from "../text/index.js";
import { isDividerLine } from "./markdown-outline.js";
import { matchLabel } from "./part-labels.js";
import type { RegionLine } from "./read-story-region.js";

// A title is a few words on a line of its own; more is a sentence of the story.
const MAX_TITLE_WORDS = 10;
const MAX_TITLE_LENGTH = 100;
// "See Q1", "Same as above", "Q: ...": a pointer or a question line, each read as what it is.
const NOT_A_TITLE = /^(?:see|same\s+as|refer\s+to|ditto|cf\b|q\s*\d{0,3}\s*[:.)]|question\s*\d{0,3}\s*[:.)\-–—])/i;
// "Mentoring Priya. Situation: ...": a short lead-in and then a label, on one line.
const LEAD_IN = /^([^.!?]{2,100}?)(?:[.!?]|\s[-–—])\s+/;

/** A story's own title line, and what that line says after the title. */
export interface BlockTitle {
  line: number;
  title: string;
  rest: string;
}

/**
 * The title a divided story opens with: its first line when that is a few
 * words, not a STAR label, with labels below it ("Mentoring Priya." then
 * "Situation: ..."), or a few words before a label on that line ("Mentoring
 * Priya. Situation: ..."). Null when the story starts with its parts or with
 * prose: a first sentence of the story itself is body text, and an id taken
 * from it would change when the story is edited.
 */
export function readBlockTitle(block: readonly RegionLine[]): BlockTitle | null {
  const contentAt = (from: number) => {
    for (let index = from; index < block.length; index++) {
      const line = block[index]!;
      if (line.raw.trim() !== "" && !isDividerLine(line.raw)) return index;
    }
    return -1;
  };
  const first = contentAt(0);
  const line = block[first];
  // A list item, a quote or a table row is story text, not a title.
  if (!line || line.isCode || /^\s*(?:[-*+•>|]|\d{1,3}[.)])\s/.test(line.raw)) return null;
  const plain = markdownInlineToPlain(line.raw.trim());
  if (matchLabel(plain, { standalone: true, weak: true })) return null;
  const nextLine = block[contentAt(first + 1)];
  const next = nextLine && !nextLine.isCode ? matchLabel(markdownInlineToPlain(nextLine.raw.trim()).replace(/^[-*+•]\s+/, ""), { standalone: true }) : null;
  const whole = plain.replace(/[.:]$/, "").trim();
  if (next && readsAsTitle(whole)) return { line: line.number, title: whole, rest: "" };
  const leadIn = LEAD_IN.exec(plain);
  if (!leadIn) return null;
  const rest = plain.slice(leadIn[0].length);
  const label = matchLabel(rest);
  return label && label.kinds.some((kind) => kind === "situation" || kind === "task") && readsAsTitle(leadIn[1]!.trim()) ? { line: line.number, title: leadIn[1]!.trim(), rest } : null;
}

function readsAsTitle(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean).length;
  return words >= 1 && words <= MAX_TITLE_WORDS && text.length <= MAX_TITLE_LENGTH && /^["“'‘]?[\p{Lu}\p{N}]/u.test(text) && !/[<>|`[\]#,;]/.test(text) && !NOT_A_TITLE.test(text);
}
