/** A sentence and where it sits in the text it came from (UTF-16 offsets, end exclusive). */
export interface SentenceSpan {
  /** The sentence as written (a line break inside it stays; read it as a space). */
  text: string;
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(["e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "inc", "approx", "no", "st", "jr", "sr", "u.s", "a.m", "p.m"]);

/**
 * Splits prose into sentences, keeping offsets. A line break ends a sentence
 * too, except inside running prose that was hard-wrapped (pandoc's 72
 * columns, an e-mail): see `continuesOnNextLine`. Blank lines, list items,
 * headings, labels and lines ending in ".", "!", "?" or ":" still end one.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const joined = wrappedLineBreaks(text);
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.length > 0) spans.push({ text: trimmed, start: start + leading, end: start + leading + trimmed.length });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === "\n" || (char === "\r" && text[i + 1] !== "\n")) {
      if (!joined.has(i)) push(i);
      continue;
    }
    // Chinese and Japanese end a sentence with a full-width stop and write no space after it.
    if (char === "。" || char === "！" || char === "？") {
      let end = i + 1;
      while (end < text.length && /[」』”’）)]/.test(text[end]!)) end++;
      push(end);
      continue;
    }
    if (char !== "." && char !== "!" && char !== "?") continue;
    let end = i + 1;
    while (end < text.length && /["'”’)\]]/.test(text[end]!)) end++;
    const next = text[end];
    if (next !== undefined && !/\s/.test(next)) continue;
    if (char === ".") {
      const before = /([A-Za-z.]+)$/.exec(text.slice(Math.max(0, i - 8), i))?.[1]?.toLowerCase();
      if (before && ABBREVIATIONS.has(before) && !endsAnyway(text, i, before, end)) continue;
      if (/\d/.test(text[i - 1] ?? "") && /\d/.test(text[end] ?? "")) continue;
    }
    push(end);
  }
  push(text.length);
  return spans;
}

/**
 * An abbreviation's full stop that ends the sentence all the same: "ms" after
 * a figure is milliseconds ("p99 fell to 170 ms. Then..."), not "Ms."; "no"
 * is "No. 5" only before a number ("the answer was no. We...").
 */
function endsAnyway(text: string, dot: number, word: string, after: number): boolean {
  if (word === "ms") return /\d\s?$/.test(text.slice(Math.max(0, dot - 4), dot - 2));
  if (word === "no") return !/^\s*#?\d/.test(text.slice(after, after + 4));
  return false;
}

/**
 * The text with every line break that sits inside a sentence (hard-wrapped
 * prose, as `splitSentences` reads it) turned into a space: the same length,
 * so an offset into it is an offset into the text. "\r\n" becomes two spaces.
 */
export function unwrapLines(text: string): string {
  const joined = wrappedLineBreaks(text);
  if (joined.size === 0) return text;
  let unwrapped = "";
  let from = 0;
  for (const at of [...joined].sort((a, b) => a - b)) {
    // A "\r" just before the "\n" goes too.
    const cut = text[at - 1] === "\r" && text[at] === "\n" ? at - 1 : at;
    unwrapped += text.slice(from, cut) + " ".repeat(at + 1 - cut);
    from = at + 1;
  }
  return unwrapped + text.slice(from);
}

/**
 * For each line, whether it goes on with the sentence of the line before
 * (hard-wrapped prose, as `unwrapLines` reads it): for callers that hold a
 * text as its lines.
 */
export function continuesPreviousLine(lines: readonly string[]): boolean[] {
  const unwrapped = unwrapLines(lines.join("\n"));
  const continues = new Array<boolean>(lines.length).fill(false);
  let at = 0;
  for (let index = 1; index < lines.length; index++) {
    at += lines[index - 1]!.length;
    continues[index] = unwrapped[at] !== "\n";
    at += 1;
  }
  return continues;
}

interface Line {
  /** Offsets of the line's text (without its line break) and of the break after it (-1 for the last line). */
  start: number;
  end: number;
  lineBreak: number;
  text: string;
}

// A line that opens a block of its own: a list item ("-", "*", "+", "•", "1.", "2)", "a)"), a heading, a quote, a table row,
// a code fence or a rule; or a label ("Action:", "**Result:**", "What I learned:", "R -").
const BLOCK_START = /^[ \t]*(?:[-*+•·▪‣◦][ \t]|[-*+•][ \t]*$|\d{1,3}[.)](?:\s|$)|[a-z][.)][ \t]|#{1,6}(?:\s|$)|>|\||```|~~~|(?:[-*_][ \t]*){3,}$)/;
const LABEL_START = /^[ \t]*(?:\*\*|__)?(?:\p{L}[\p{L}'’&/]*(?:[ \t]+[\p{L}'’&/]+){0,3}[ \t]*(?:\*\*|__)?[ \t]*[:：]|\p{Lu}\p{L}*(?:\*\*|__)?[ \t]+[-–—][ \t])/u;
// A numbered list item ("1. ", "2) "), which is also how a figure ending a sentence looks at the start of a wrapped line.
const NUMBERED_ITEM = /^[ \t]*\d{1,3}[.)](?:\s|$)/;
// Words a figure follows ("from 31 to" / "44."), not a list ("The steps were" / "1. profile...").
const BEFORE_A_FIGURE = /(?:^|[^\p{L}])(?:to|from|at|by|than|about|over|under|around|nearly|almost|roughly|approximately)$/iu;
// A line that stands alone: a heading, a table row, or a line wholly in bold or italics (a title, "**Action**").
const STANDS_ALONE = /^[ \t]*(?:#{1,6}(?:\s|$)|\||(\*\*|__|\*|_)[^*_]+\1[ \t]*$)/;
// The line ends its sentence: ".", "!", "?", ":" or "…", maybe with a closing quote, bracket or emphasis after it.
const ENDS_SENTENCE = /[.!?:：…]["'”’)\]*_]*$/;
// A sentence can go on past a comma, a dash or a word that never ends one (an article, a preposition, a conjunction,
// a possessive, a subject, an auxiliary): "...in our payment gateway" / "client charged..."; "...approved by our" / "CTO".
const ENDS_MID_SENTENCE =
  /(?:[,;–—&/(-]|(?:^|[^\p{L}'’])(?:a|an|the|to|of|at|by|for|from|with|into|onto|via|per|than|as|and|or|but|nor|because|if|whose|which|who|our|my|your|their|its|i|we|they|he|she|was|were|is|are|be|been|had|has|have|would|could|should|will|can|must|not|very))$/iu;
// The next line goes on with the sentence: it opens in lower case, with a figure or with an opening bracket.
const OPENS_MID_SENTENCE = /^[ \t]*[\p{Ll}\p{N}($€£¥₹]/u;
// A line this long was filled to a wrap width, whatever its paragraph: no note runs so long without a full stop.
const FILLED_LINE = 50;
// A sentence end somewhere in a line: the paragraph is punctuated prose, not notes one to a line.
const SENTENCE_END_INSIDE = /[.!?…]["'”’)\]]*(?:\s|$)/;

/**
 * Offsets of the line breaks inside a sentence: where the text was
 * hard-wrapped. A break joins its lines only in a paragraph of punctuated
 * prose (notes written one to a line, with no full stops, keep their lines),
 * when the line before does not end a sentence (".", "!", "?", ":"), is not a
 * heading, a table row, a title in bold or a word or two alone (a label), and
 * the next line is not blank and does not open a list item, heading, quote,
 * table row or label; and when the sentence plainly goes on: the next line
 * opens in lower case or with a figure, or the line before ends on a comma,
 * a dash or a word no sentence ends on ("the", "of", "our", "and", ...).
 */
function wrappedLineBreaks(text: string): Set<number> {
  const joined = new Set<number>();
  if (!/[\n\r]/.test(text)) return joined;
  const lines = splitLines(text);
  // Paragraphs: runs of lines between blank lines and block starts; each is prose if any of its lines ends a sentence,
  // and running prose if, besides, it opens on a capital or a sentence ends before the paragraph does: notes one to a
  // line may end on one full stop.
  const prose: Array<"notes" | "prose" | "running"> = new Array(lines.length).fill("notes");
  for (let first = 0; first < lines.length; ) {
    let last = first;
    while (last + 1 < lines.length && lines[last + 1]!.text.trim() !== "" && !opensBlock(lines[last + 1]!.text, lines[last]!.text) && !STANDS_ALONE.test(lines[last]!.text)) last++;
    const paragraph = lines.slice(first, last + 1).map((line) => line.text.trimEnd());
    const punctuated = paragraph.some((line) => SENTENCE_END_INSIDE.test(line));
    const running = paragraph.some((line, k) => SENTENCE_END_INSIDE.test(k === paragraph.length - 1 ? line.replace(/[.!?…]["'”’)\]]*$/, "") : line));
    // Prose opens on a capital; notes jotted one to a line often open in lower case ("we met with the SRE lead").
    const opensAsSentence = !/^[ \t]*\p{Ll}/u.test(paragraph[0]!);
    for (let k = first; k <= last; k++) prose[k] = running || (punctuated && opensAsSentence) ? "running" : punctuated ? "prose" : "notes";
    first = last + 1;
  }
  for (let k = 0; k + 1 < lines.length; k++) {
    const line = lines[k]!;
    const next = lines[k + 1]!;
    if (prose[k] === "notes" || prose[k + 1] === "notes") continue;
    // A next line in lower case goes on with the sentence only in running prose or after a full line: notes one to a line
    // ("profiled the service", "rewrote the retry logic.") open in lower case too.
    const lowerCaseJoins = prose[k] === "running" || line.text.trim().length >= FILLED_LINE;
    if (continuesOnNextLine(line.text, next.text, lowerCaseJoins)) joined.add(line.lineBreak);
  }
  return joined;
}

/** Whether the sentence on a line goes on over the line break onto the next (both lines of one paragraph of prose). */
function continuesOnNextLine(line: string, next: string, lowerCaseJoins: boolean): boolean {
  const before = line.trimEnd();
  // A list marker alone on its line is an empty item, not a dash the sentence runs on past.
  if (before.trim() === "" || /^[-*+•·▪‣◦]$/.test(before.trim()) || next.trim() === "" || opensBlock(next, before) || STANDS_ALONE.test(before) || ENDS_SENTENCE.test(before)) return false;
  const endsMidSentence = ENDS_MID_SENTENCE.test(before);
  // A word or two alone on its line is a title or a label ("Result"), unless it plainly runs on.
  if (before.trim().split(/\s+/).length <= 2 && !endsMidSentence) return false;
  return endsMidSentence || (lowerCaseJoins && OPENS_MID_SENTENCE.test(next));
}

/** Whether a line opens a block of its own; a figure after a line cut mid-sentence ("from 31 to" / "44. Then...") does not. */
function opensBlock(line: string, previous: string): boolean {
  if (NUMBERED_ITEM.test(line) && BEFORE_A_FIGURE.test(previous.trimEnd()) && !BLOCK_START.test(previous)) return LABEL_START.test(line);
  return BLOCK_START.test(line) || LABEL_START.test(line);
}

/** The text's lines: "\n", "\r\n" and a lone "\r" each end one. */
function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const match of text.matchAll(/\r\n|\r|\n/g)) {
    const end = match.index!;
    lines.push({ start, end, lineBreak: end + match[0].length - 1, text: text.slice(start, end) });
    start = end + match[0].length;
  }
  lines.push({ start, end: text.length, lineBreak: -1, text: text.slice(start) });
  return lines;
}
