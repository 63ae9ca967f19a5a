import { markdownInlineToPlain, stripBlockMarkers } from "../text/index.js";
import { isNonStoryTitle, principlesOfHeading, readHeadingTitle } from "./heading-text.js";
import { isDividerLine, type MarkdownOutline, type OutlineHeading } from "./markdown-outline.js";
import { matchLabel } from "./part-labels.js";
import { readStoryRegion } from "./read-story-region.js";

// "**Crash spike after 5.2**", "**12) Vendor renegotiation**", "**Biggest mistake** - same as the push outage".
const BOLD_TITLE = /^\s{0,3}(\*\*|__)([^*_]{2,120}?)\1\s*(?:[-–—:]\s*(.*))?$/;
// "14. Intern mentoring" or "22. Biggest failure - see #9" in a numbered bank.
const NUMBERED_TITLE = /^\s{0,3}(\d{1,3})[.)]\s+(.{2,120})$/;
// Plain-text banks: "STORY 7 - COOLING FAILURE (Bias for Action)", a line in capitals, or a line after "-----" / "=====".
const STORY_NUMBER_TITLE = /^\s{0,3}(?:story|example|scenario)\s*#?\s*\d{1,3}\s*[-–—:.)]\s*\S/i;
const QUESTION_LINE = /^\s{0,3}(?:q|question)\s*[:.]\s+\S/i;
// A question heading may run long; a title is a few words.
const MAX_QUESTION_WORDS = 45;
const POINTER_START = /^(?:see|same(?:\s+(?:story|answer|one))?\s+as|refer\s+to|use\s+(?:the|my)\b|cf\.?)\b/i;
// A title is a few words; a sentence with a full stop is prose.
const MAX_TITLE_WORDS = 14;
const MIN_STORY_WORDS = 35;

/**
 * Lines that head a story without markdown heading syntax: a bold line of
 * their own, or a numbered line continuing the bank's numbering. Each
 * becomes a heading at its siblings' level, so its text is not swallowed by
 * the story above.
 */
export function findTitleLines(lines: readonly string[], outline: MarkdownOutline): OutlineHeading[] {
  const headingAt = new Map<number, OutlineHeading>();
  for (const heading of outline.headings) for (let line = heading.line; line <= heading.endLine; line++) headingAt.set(line, heading);
  const found: OutlineHeading[] = [];
  let last: { heading: OutlineHeading; contentSince: boolean } | null = null;
  let lastNumber: number | null = null;
  // What the story above has said since its heading: a labelled story still waiting for its result is not over.
  let open = { labels: new Set<string>(), listFromOne: false };

  for (let index = 0; index < lines.length; index++) {
    const number = index + 1;
    const raw = lines[index]!;
    const real = headingAt.get(number);
    if (real) {
      if (real.line === number) {
        last = { heading: real, contentSince: false };
        lastNumber = readHeadingTitle(real.source).number ?? lastNumber;
        open = { labels: new Set(), listFromOne: false };
      }
      continue;
    }
    if (raw.trim() === "" || outline.codeLines.has(number)) continue;
    const candidate = readCandidate(lines, index, lastNumber, headingAt);
    const below = candidate && startsParagraph(lines, index, headingAt) ? readBelow(lines, index, candidate.inlineBody, headingAt, lastNumber) : null;
    const continuesNumbering = candidate !== null && lastNumber !== null && readHeadingTitle(candidate.source).number === lastNumber + 1;
    const accepted =
      candidate !== null &&
      below !== null &&
      below.introducesStory &&
      // Numbered steps after a list from 1, in a story still waiting for its result, are steps.
      !(candidate.kind === "numbered" && open.listFromOne && !open.labels.has("result")) &&
      // "**The hard part**" between a story's S: and its R: is a lead-in, not a new story; unless what
      // follows starts a story of its own (a Situation first) or the title continues the bank's numbering.
      !(["bold", "capitals", "separated"].includes(candidate.kind) && storyStillOpen(open.labels) && !below.opensWithSetup && !continuesNumbering) &&
      // A question line straight under a story's own heading is that story's question (not under a file title).
      !(candidate.kind === "question" && last !== null && last.heading.level > 1 && !last.contentSince && !isSectionHeading(last.heading));
    if (!accepted) {
      if (last) last.contentSince = true;
      noteContent(raw, open);
      continue;
    }
    const level = !last ? 2 : last.contentSince && !isSectionHeading(last.heading) ? last.heading.level : Math.min(6, last.heading.level + 1);
    const heading: OutlineHeading = { line: number, endLine: number, level, source: candidate.source, ...(candidate.inlineBody ? { inlineBody: candidate.inlineBody } : {}) };
    found.push(heading);
    last = { heading, contentSince: false };
    lastNumber = readHeadingTitle(candidate.source).number ?? lastNumber;
    open = { labels: new Set(), listFromOne: false };
    if (candidate.inlineBody) noteContent(candidate.inlineBody, open);
  }
  return found;
}

/** Records the STAR labels and a numbered list starting at 1 in a line of the story above. */
function noteContent(raw: string, open: { labels: Set<string>; listFromOne: boolean }): void {
  if (/^\s{0,3}1[.)]\s/.test(raw)) open.listFromOne = true;
  for (const kind of labelOf(raw)) open.labels.add(kind);
}

function storyStillOpen(labels: ReadonlySet<string>): boolean {
  return (labels.has("situation") || labels.has("task") || labels.has("action")) && !labels.has("result");
}

type CandidateKind = "bold" | "question" | "numbered" | "story-number" | "divided" | "separated" | "capitals";

function readCandidate(lines: readonly string[], index: number, lastNumber: number | null, headingAt: ReadonlyMap<number, OutlineHeading>): { kind: CandidateKind; source: string; inlineBody: string } | null {
  const raw = lines[index]!;
  const bold = BOLD_TITLE.exec(raw);
  if (bold) {
    if (!couldBeBoldTitle(raw)) return null;
    const source = bold[2]!.trim();
    // "**Q: Tell me about a time you handled a difficult customer.**" heads the answer below it.
    return { kind: isQuestionTitle(source) ? "question" : "bold", source, inlineBody: (bold[3] ?? "").trim() };
  }
  const plain = raw.trim();
  if (STORY_NUMBER_TITLE.test(plain) && wordCount(plain) <= MAX_TITLE_WORDS + 4) return { kind: "story-number", source: plain, inlineBody: "" };
  const separator = separatorAbove(lines, index, headingAt);
  if (separator && isQuestionTitle(plain)) return { kind: "question", source: plain, inlineBody: "" };
  // A long divider ("====================") is the author splitting stories; a short rule ("---") may sit inside one.
  if (separator && isTitleText(plain) && !/[.:;,]$/.test(plain)) return { kind: separator.length >= 10 ? "divided" : "separated", source: plain, inlineBody: "" };
  if (isCapitalsTitle(plain)) return { kind: "capitals", source: plain, inlineBody: "" };
  const numbered = NUMBERED_TITLE.exec(raw);
  if (!numbered || lastNumber === null || Number(numbered[1]) !== lastNumber + 1) return null;
  // One item of a longer list ("1. Wrote the script / 2. Ran it") is a step, not a title.
  if (neighbourIsListItem(lines, index, -1) || neighbourIsListItem(lines, index, 1)) return null;
  const [title, ...rest] = numbered[2]!.split(/\s+[-–—]\s+/);
  const after = rest.join(" - ");
  const pointer = POINTER_START.test(after);
  const source = `${numbered[1]}. ${pointer ? title!.trim() : numbered[2]!.trim()}`;
  if (/[.:;,]$/.test(source) || !isTitleText(pointer ? title! : numbered[2]!)) return null;
  return { kind: "numbered", source, inlineBody: pointer ? after.trim() : "" };
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function isQuestionTitle(source: string): boolean {
  const plain = markdownInlineToPlain(source);
  return QUESTION_LINE.test(plain) && wordCount(plain) <= MAX_QUESTION_WORDS;
}

/** "SPARE PARTS - FRUGALITY": two or more words, letters all capitals. */
function isCapitalsTitle(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, "");
  return letters.length >= 6 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters) && wordCount(line) >= 2 && wordCount(line) <= MAX_TITLE_WORDS && !/[.:;,]$/.test(line);
}

/** The nearest non-blank line above when it is a divider ("-----", "=====") and not the underline of a heading. */
function separatorAbove(lines: readonly string[], index: number, headingAt: ReadonlyMap<number, OutlineHeading>): string | null {
  for (let other = index - 1; other >= 0; other--) {
    if (lines[other]!.trim() === "") continue;
    return isDividerLine(lines[other]!) && !headingAt.has(other + 1) ? lines[other]!.trim() : null;
  }
  return null;
}

function isTitleText(source: string): boolean {
  const plain = markdownInlineToPlain(source);
  const words = wordCount(plain);
  // "**Situation**", "**Tags: ...**": labels keep their meaning.
  return words >= 1 && words <= MAX_TITLE_WORDS && !matchLabel(plain, { standalone: true }) && !matchLabel(plain);
}

function neighbourIsListItem(lines: readonly string[], index: number, step: 1 | -1): boolean {
  for (let other = index + step; other >= 0 && other < lines.length; other += step) {
    const line = lines[other]!;
    if (line.trim() === "") continue;
    return /^\s{0,3}\d{1,3}[.)]\s+/.test(line);
  }
  return false;
}

function startsParagraph(lines: readonly string[], index: number, headingAt: ReadonlyMap<number, OutlineHeading>): boolean {
  if (index === 0) return true;
  const previous = lines[index - 1]!;
  return previous.trim() === "" || headingAt.has(index) || isDividerLine(previous);
}

/** Whether the text under a candidate, up to the next possible title, reads as a story or a pointer, and whether it opens with its setting. */
function readBelow(lines: readonly string[], index: number, inlineBody: string, headingAt: ReadonlyMap<number, OutlineHeading>, lastNumber: number | null): { introducesStory: boolean; opensWithSetup: boolean } {
  if (inlineBody && POINTER_START.test(inlineBody) && inlineBody.split(/\s+/).length <= 30) return { introducesStory: true, opensWithSetup: false };
  const region = [];
  if (inlineBody) region.push({ number: index + 1, raw: inlineBody, isCode: false });
  for (let other = index + 1; other < lines.length; other++) {
    const line = lines[other]!;
    // The story under a candidate ends where the next possible title begins (this also keeps the scan linear).
    if (headingAt.has(other + 1) || isDividerLine(line) || STORY_NUMBER_TITLE.test(line.trim())) break;
    if (lines[other - 1]!.trim() === "" && (couldBeBoldTitle(line) || isCapitalsTitle(line.trim()) || continuesNumberingLine(line, lastNumber))) break;
    region.push({ number: other + 1, raw: line, isCode: false });
  }
  const reading = readStoryRegion(region);
  const firstLabel = region.map((line) => labelOf(line.raw)).find((kinds) => kinds.length > 0) ?? [];
  const opensWithSetup = firstLabel.includes("situation") || firstLabel.includes("task");
  // "STORY 21 - BIGGEST MISTAKE / see story 12": a pointer entry heads nothing but a pointer.
  if (reading.words <= 30 && POINTER_START.test(markdownInlineToPlain(reading.body).replace(/^\W+/, ""))) return { introducesStory: true, opensWithSetup };
  return { introducesStory: reading.labelled || (reading.words >= MIN_STORY_WORDS && reading.firstPersonSingular + reading.firstPersonPlural > 0), opensWithSetup };
}

/** A bold line that could head a story: not a label ("**Situation**: ..."), not a lead-in with text after it. */
function couldBeBoldTitle(line: string): boolean {
  const bold = BOLD_TITLE.exec(line);
  if (!bold) return false;
  const source = bold[2]!.trim();
  const after = (bold[3] ?? "").trim();
  return isQuestionTitle(source) || (!/[.:;,]$/.test(source) && isTitleText(source) && (!after || POINTER_START.test(after)));
}

function continuesNumberingLine(line: string, lastNumber: number | null): boolean {
  const numbered = /^\s{0,3}(\d{1,3})[.)]\s+\S/.exec(line);
  return numbered !== null && lastNumber !== null && Number(numbered[1]) === lastNumber + 1;
}

/** The label kinds a line opens with, bold labels with no colon included ("**Situation**"). */
function labelOf(raw: string): readonly string[] {
  const withoutMarkers = stripBlockMarkers(raw.trim());
  const standalone = /^\s*(\*\*|__)[^*_]+(\*\*|__)\s*(?::\s*)?$/.test(withoutMarkers);
  return matchLabel(markdownInlineToPlain(withoutMarkers), { standalone })?.kinds ?? [];
}

function isSectionHeading(heading: OutlineHeading): boolean {
  const { title } = readHeadingTitle(heading.source);
  return principlesOfHeading(title).only || isNonStoryTitle(title);
}
