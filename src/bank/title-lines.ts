import { markdownInlineToPlain, stripBlockMarkers } from "../text/index.js";
import { readArrowPointer } from "./arrow-pointer.js";
import { isNonStoryTitle, principlesOfHeading, readHeadingTitle } from "./heading-text.js";
import { readsAsInterviewQuestion } from "./interview-question.js";
import { isDividerLine, type MarkdownOutline, type OutlineHeading } from "./markdown-outline.js";
import { isLabelRun, matchLabel, type LabelKind } from "./part-labels.js";
import { readStoryRegionDeferred } from "./read-story-region.js";
import { readToggleTitle } from "./toggle-title.js";
import { readUnlabelledProse } from "./unlabelled-story.js";

// "**Crash spike after 5.2**", "**12) Vendor renegotiation**", "**Biggest mistake** - same as the push outage".
const BOLD_TITLE = /^\s{0,3}(\*\*|__)([^*_]{2,120}?)\1\s*(?:[-–—:]\s*(.*))?$/;
// "14. Intern mentoring" or "22. Biggest failure - see #9" in a numbered bank.
const NUMBERED_TITLE = /^\s{0,3}(\d{1,3})[.)]\s+(.{2,120})$/;
// Plain-text banks: "STORY 7 - COOLING FAILURE (Bias for Action)", a line in capitals, or a line after "-----" / "=====".
const STORY_NUMBER_TITLE = /^\s{0,3}(?:story|example|scenario)\s*#?\s*\d{1,3}\s*[-–—:.)]\s*\S/i;
// "Q: ...", "Q1. ...", "Q2) ...", "Question 3: ...", "Question 4 - ...".
// A note in brackets may sit after the number: "Q2 (Dive Deep / Ownership): ...", "Q3 (2021) - ...". Without the
// punctuation a plain line is prose ("Q4 (peak season) traffic tripled..."); a bold one still heads a story.
const QUESTION_LINE = /^\s{0,3}(?:q|question)\s*(?:\d{1,3}\s*)?(?:[([][^()[\]]{2,80}[)\]]\s*)?(?:[:.)]|[-–—])\s+\S/i;
// A question heading may run long; a title is a few words.
const MAX_QUESTION_WORDS = 45;
const POINTER_START = /^(?:see|same(?:\s+(?:story|answer|one))?\s+as|refer\s+to|use\s+(?:the|my)\b|cf\.?)\b/i;
// A title is a few words; a sentence with a full stop is prose.
const MAX_TITLE_WORDS = 14;
const MIN_STORY_WORDS = 35;
// A plain title line with no markup at all is a short name ("Cutting CI time in half").
const MAX_PLAIN_TITLE_WORDS = 10;
// How far below a candidate to look for what it heads: enough for any story's opening, and it keeps the scan linear.
const MAX_LINES_BELOW = 200;
// A story may be filed under a few questions ("Q: ... / Q: ... / Situation: ..."); more in a row are a list of questions.
const MAX_QUESTIONS_ABOVE_STORY = 3;
// Numbered questions under one heading, each answered by a story, that make the heading a list of them.
const MIN_LISTED_QUESTIONS = 2;

/**
 * Lines that head a story without markdown heading syntax: a bold line of
 * their own, a numbered line continuing the bank's numbering (or starting
 * it where no story heading is open), a "Q1: ..." question line, or a short
 * plain line straight above a story's Situation. Each becomes a heading at
 * its siblings' level, so its text is not swallowed by the story above.
 */
export function findTitleLines(lines: readonly string[], outline: MarkdownOutline): OutlineHeading[] {
  // A file of nothing but prose may name its stories on short lines of their own ("Cutting CI time in half",
  // a blank line, then the story told in the first person). One such pair could be a document title over an
  // intro, so they count only in a file with no headings and at least two of them, or one that says it is a
  // title ("Story: The outage I caused").
  if (outline.headings.length === 0) {
    const withProseTitles = scanTitleLines(lines, outline, true);
    if (withProseTitles.proseTitles >= 2 || withProseTitles.namedProseTitles >= 1) return withProseTitles.found;
  }
  return scanTitleLines(lines, outline, false).found;
}

function scanTitleLines(
  lines: readonly string[],
  outline: MarkdownOutline,
  allowProseTitles: boolean,
): { found: OutlineHeading[]; proseTitles: number; namedProseTitles: number } {
  const headingAt = new Map<number, OutlineHeading>();
  for (const heading of outline.headings) for (let line = heading.line; line <= heading.endLine; line++) headingAt.set(line, heading);
  const found: OutlineHeading[] = [];
  let last: LastHeading | null = null;
  let lastNumber: number | null = null;
  // What the story above has said since its heading: a labelled story still waiting for its result is not over.
  let open = { labels: new Set<string>(), listFromOne: false };
  let proseTitles = 0;
  let namedProseTitles = 0;
  // Lines are read again by the look-ahead under each candidate: read each line's labels once.
  const labelCache: Array<readonly string[] | undefined> = [];
  const labelsAt = (lineIndex: number) => (labelCache[lineIndex] ??= labelOf(lines[lineIndex]!));
  const listsTitles = headingsListingTitles(lines, outline, headingAt);

  for (let index = 0; index < lines.length; index++) {
    const number = index + 1;
    const raw = lines[index]!;
    const real = headingAt.get(number);
    if (real) {
      if (real.line === number) {
        last = { heading: real, contentSince: false, bodySince: false, found: false };
        lastNumber = readHeadingTitle(real.source).number ?? lastNumber;
        open = { labels: new Set(), listFromOne: false };
      }
      continue;
    }
    if (raw.trim() === "" || outline.codeLines.has(number)) continue;
    const above = last;
    // Read only for the few lines that could start a list of titles.
    const context: CandidateContext = {
      // A numbered list of titles may start at 1 where no story heading is open; under a story, "1." is a step.
      canStartNumbering: () => above === null || isSection(above) || above.heading.level === 1,
      // A plain line heads a story only where stories are listed (no heading, a section, a file title or title lines).
      // Also under any heading whose text lists two or more titled stories ("# Story bank" or "## My stories" over them).
      canBePlainTitle: () => above === null || isSection(above) || (above.contentSince && (above.heading.level === 1 || above.found)) || (!above.found && listsTitles.has(above.heading)),
      // A toggle of parts is plainly a story's: one is enough under a page title ("# Stories", as Notion exports a page).
      canBeToggleTitle: () => context.canBePlainTitle() || (above !== null && above.heading.level === 1),
      allowProseTitles,
    };
    const candidate = readCandidate(lines, index, lastNumber, headingAt, context);
    const continuesNumbering = candidate !== null && lastNumber !== null && readHeadingTitle(candidate.source).number === lastNumber + 1;
    // In a tight list ("1. **Title**", its parts as indented bullets, then "2. **Title**" with no blank line), the next
    // number after the indented lines of the item above starts an item of its own.
    const startsItem =
      (candidate?.kind === "numbered" && continuesNumbering && index > 0 && /^(?:\s+\S|\s{0,3}[-*+•]\s)/.test(lines[index - 1]!)) ||
      (candidate?.kind === "toggle" && followsNestedText(lines, index));
    const below = candidate && (startsParagraph(lines, index, headingAt) || startsItem) ? readBelow(lines, index, candidate.inlineBody, { headingAt, lastNumber, allowProseTitles, labelsAt }) : null;
    const accepted =
      candidate !== null &&
      below !== null &&
      below.introducesStory &&
      // Numbered steps after a list from 1, in a story still waiting for its result, are steps.
      !(candidate.kind === "numbered" && open.listFromOne && !open.labels.has("result")) &&
      // "1. Profiled the pipeline" after a Situation with no Result yet is a step of that story, not a list of titles.
      !(candidate.kind === "numbered" && !continuesNumbering && storyStillOpen(open.labels)) &&
      // "**The hard part**" between a story's S: and its R: is a lead-in, not a new story; unless what
      // follows starts a story of its own (a Situation first) or the title continues the bank's numbering.
      !(["bold", "capitals", "separated", "bold-question", "question-line", "plain", "prose-title", "toggle"].includes(candidate.kind) && storyStillOpen(open.labels) && !below.opensWithSetup && !continuesNumbering) &&
      // A question line straight under a story's own heading is that story's question (not under a file title).
      !((candidate.kind === "question" || candidate.kind === "bold-question") && last !== null && last.heading.level > 1 && !last.contentSince && !isSection(last) && !listsTitles.has(last.heading)) &&
      !(candidate.kind === "question-line" && ((questionBelongsAbove(candidate.source, last) && !listsTitles.has(last!.heading)) || !(below.pointer || below.opensWithSetup || below.words >= MIN_STORY_WORDS)));
    if (!accepted) {
      const kinds = labelsAt(index);
      if (last) {
        last.contentSince = true;
        if (!isQuestionOrTagLine(raw, kinds)) last.bodySince = true;
      }
      noteContent(raw, open, kinds);
      continue;
    }
    const level = !last ? 2 : last.contentSince && !isSection(last) ? last.heading.level : Math.min(6, last.heading.level + 1);
    const heading: OutlineHeading = { line: number, endLine: number, level, source: candidate.source, ...(candidate.inlineBody ? { inlineBody: candidate.inlineBody } : {}) };
    found.push(heading);
    if (candidate.kind === "prose-title") proseTitles++;
    if (candidate.kind === "prose-title" && labelledTitle(raw) !== null) namedProseTitles++;
    last = { heading, contentSince: false, bodySince: false, found: true };
    lastNumber = readHeadingTitle(candidate.source).number ?? lastNumber;
    open = { labels: new Set(), listFromOne: false };
    if (candidate.inlineBody) noteContent(candidate.inlineBody, open);
  }
  return { found, proseTitles, namedProseTitles };
}

/**
 * The markdown headings whose own text lists stories: two or more plain title lines, each starting a paragraph
 * above a Situation or Task, or two or more numbered questions each answered by a story.
 */
function headingsListingTitles(lines: readonly string[], outline: MarkdownOutline, headingAt: ReadonlyMap<number, OutlineHeading>): Set<OutlineHeading> {
  const counts = new Map<OutlineHeading, { titles: number; questions: number }>();
  let current: OutlineHeading | null = null;
  for (let index = 0; index < lines.length; index++) {
    const heading = headingAt.get(index + 1);
    if (heading) current = heading;
    else if (current && !outline.codeLines.has(index + 1) && (startsParagraph(lines, index, headingAt) || followsNestedText(lines, index))) {
      const count = counts.get(current) ?? { titles: 0, questions: 0 };
      if (isPlainTitleLine(lines, index)) count.titles++;
      else if (answeredAsStory(lines, index, headingAt)) count.questions++;
      counts.set(current, count);
    }
  }
  // A story's follow-ups ("Q2: What would you do differently? / A: ...") are not answered as stories, so two are a list
  // ("## Conflict questions / Q1: ... / Q2: ..."), even under a heading that might have named the first.
  return new Set([...counts].filter(([, count]) => count.titles >= 2 || count.questions >= MIN_LISTED_QUESTIONS).map(([heading]) => heading));
}

/**
 * "Q1: ...", "**Q2 (Dive Deep): ...**": a numbered question line, plain or bold, answered by a story: a Situation or
 * Task label before the next title, or a first paragraph of a story's length. Two or more make a heading a list of
 * questions; a story's follow-ups ("Q2: What would you change? / A: Pilot it first.") are not answered so.
 */
function answeredAsStory(lines: readonly string[], index: number, headingAt: ReadonlyMap<number, OutlineHeading>): boolean {
  if (!isNumberedQuestionLine(lines[index]!)) return false;
  let words = 0;
  let paragraph: "before" | "first" | "after" = "before";
  for (let next = index + 1; next < Math.min(lines.length, index + MAX_LINES_BELOW); next++) {
    const raw = lines[next]!;
    if (headingAt.has(next + 1) || isNumberedQuestionLine(raw)) break;
    if (raw.trim() === "") {
      if (paragraph === "first") paragraph = "after";
      continue;
    }
    if (labelOf(raw).some((kind) => kind === "situation" || kind === "task")) return true;
    // The next story's title ends this answer: its Situation is not this question's.
    if (couldBeBoldTitle(raw)) break;
    if (paragraph === "before") paragraph = "first";
    if (paragraph === "first") words += wordCount(raw);
  }
  return words >= MIN_STORY_WORDS;
}

function isNumberedQuestionLine(raw: string): boolean {
  const source = markdownInlineToPlain(stripBlockMarkers(raw.trim()));
  return /^(?:q|question)\s*\d/i.test(source) && isQuestionTitle(source);
}

/**
 * Whether a plain question line straight under a heading (nothing but tags since) is that heading's question:
 * "# Billing migration / Q: ..." and "## Customer Obsession / Q: ..." are; a numbered "Q1: ..." under a file
 * title or a section starts a list of questions, each its own story. A follow-up "Q: How did you measure it? /
 * A: Dashboards." is not a story either: the caller asks the answer to set the scene or run long.
 */
function questionBelongsAbove(source: string, last: LastHeading | null): boolean {
  if (last === null || last.bodySince) return false;
  const numbered = /^\s*(?:q|question)\s*\d/i.test(source);
  return !numbered || (last.heading.level > 1 && !isSection(last));
}

/** The heading the scan is under, and what has come since it. */
interface LastHeading {
  heading: OutlineHeading;
  /** Any line since the heading. */
  contentSince: boolean;
  /** Text other than a question or tag line since the heading (a question line under a bare heading is its question). */
  bodySince: boolean;
  /** A title line found here, not a markdown heading. */
  found: boolean;
  /** Whether the heading is a principle or notes section; read once, when first needed. */
  section?: boolean;
}

function isSection(entry: LastHeading): boolean {
  entry.section ??= isSectionHeading(entry.heading);
  return entry.section;
}

/** Records the STAR labels and a numbered list starting at 1 in a line of the story above. */
function noteContent(raw: string, open: { labels: Set<string>; listFromOne: boolean }, kinds = labelOf(raw)): void {
  if (/^\s{0,3}1[.)]\s/.test(raw)) open.listFromOne = true;
  for (const kind of kinds) open.labels.add(kind);
}

function storyStillOpen(labels: ReadonlySet<string>): boolean {
  return (labels.has("situation") || labels.has("task") || labels.has("action")) && !labels.has("result");
}

// question: labelled "Q:" in bold or after a divider; bold-question: a bold line worded as an interview question;
// question-line: a plain "Q1: ..." / "Question 1 - ..." line; plain: a short unmarked line above a Situation;
// prose-title: a short unmarked line of its own above a paragraph of prose, in a file of nothing but prose;
// toggle: a list item over nested items naming its parts, as Notion exports a toggle.
type CandidateKind = "bold" | "question" | "bold-question" | "question-line" | "numbered" | "story-number" | "divided" | "separated" | "capitals" | "plain" | "prose-title" | "toggle";

/** Where in the bank a line sits, which decides whether a numbered or plain line may head a story there. */
interface CandidateContext {
  canStartNumbering: () => boolean;
  canBePlainTitle: () => boolean;
  canBeToggleTitle: () => boolean;
  allowProseTitles: boolean;
}

function readCandidate(
  lines: readonly string[],
  index: number,
  lastNumber: number | null,
  headingAt: ReadonlyMap<number, OutlineHeading>,
  context: CandidateContext,
): { kind: CandidateKind; source: string; inlineBody: string } | null {
  const raw = lines[index]!;
  const bold = BOLD_TITLE.exec(raw);
  if (bold) {
    if (!couldBeBoldTitle(raw)) return null;
    const source = withoutStoryPrefix(bold[2]!.trim());
    // "**Q: Tell me about a time you handled a difficult customer.**" heads the answer below it.
    const kind = isQuestionTitle(source) ? "question" : isBoldQuestion(source) ? "bold-question" : "bold";
    return { kind, source, inlineBody: (bold[3] ?? "").trim() };
  }
  const plain = raw.trim();
  if (STORY_NUMBER_TITLE.test(plain) && wordCount(plain) <= MAX_TITLE_WORDS + 4) return { kind: "story-number", source: plain, inlineBody: "" };
  const separator = separatorAbove(lines, index, headingAt);
  if (separator && isQuestionTitle(plain)) return { kind: "question", source: plain, inlineBody: "" };
  // A long divider ("====================") is the author splitting stories; a short rule ("---") may sit inside one.
  if (separator && isTitleText(plain) && !/[.:;,]$/.test(plain)) return { kind: separator.length >= 10 ? "divided" : "separated", source: plain, inlineBody: "" };
  if (isCapitalsTitle(plain)) return { kind: "capitals", source: plain, inlineBody: "" };
  if (QUESTION_LINE.test(plain) && isQuestionTitle(plain)) return { kind: "question-line", source: plain, inlineBody: "" };
  const numbered = NUMBERED_TITLE.exec(raw);
  if (!numbered) {
    const toggle = readToggleTitle(lines, index);
    if (toggle !== null) return hasPlainTitleShape(toggle) && context.canBeToggleTitle() ? { kind: "toggle", source: toggle, inlineBody: "" } : null;
    const source = labelledTitle(plain) ?? plain;
    if (isPlainTitleLine(lines, index)) return context.canBePlainTitle() ? { kind: "plain", source, inlineBody: "" } : null;
    return context.allowProseTitles && isProseTitleLine(lines, index) && context.canBePlainTitle() ? { kind: "prose-title", source, inlineBody: "" } : null;
  }
  const value = Number(numbered[1]);
  if (!(lastNumber !== null && value === lastNumber + 1) && !(value === 1 && context.canStartNumbering())) return null;
  // One item of a longer list ("1. Wrote the script / 2. Ran it") is a step, not a title.
  if (neighbourIsListItem(lines, index, -1) || neighbourIsListItem(lines, index, 1)) return null;
  const [title, ...rest] = numbered[2]!.split(/\s+[-–—]\s+/);
  const after = rest.join(" - ");
  const pointer = POINTER_START.test(after);
  const text = pointer ? title! : numbered[2]!;
  const source = `${numbered[1]}. ${text.trim()}`;
  // "1. Tell me about a time you failed." is a question title, full stop and all.
  if (!readsAsInterviewQuestion(text) && (/[.:;,]$/.test(source) || !isTitleText(text))) return null;
  return { kind: "numbered", source, inlineBody: pointer ? after.trim() : "" };
}

/** "**Tell me about a time you failed.**", "**1. Describe a time ... .**": a bold interview question, full stop and all. */
function isBoldQuestion(source: string): boolean {
  if (!/\.["”]?$/.test(source) && wordCount(source) <= MAX_TITLE_WORDS) return false;
  const { title } = readHeadingTitle(source);
  // A short "**...?**" line already heads a story as a bold title; keep it one.
  return readsAsInterviewQuestion(title) && (/\.["”]?$/.test(title) || wordCount(title) > MAX_TITLE_WORDS);
}

/**
 * "Cutting CI time in half" on a line of its own, straight above "Situation: ..." (or a blank line above it): a title with no markup.
 * Only a short line with no closing full stop (or an interview question) counts, and only right above a
 * Situation or Task label, so a sentence of prose above a story is never taken for its title.
 */
function isPlainTitleLine(lines: readonly string[], index: number): boolean {
  // One blank line may sit between the title and its Situation, and so may the story's question, tags or principles.
  let nextIndex = lines[index + 1]?.trim() === "" ? index + 2 : index + 1;
  for (let skipped = 0; skipped < 3 && nextIndex < lines.length && isStoryMetadata(lines[nextIndex]!); skipped++) {
    nextIndex = lines[nextIndex + 1]?.trim() === "" ? nextIndex + 2 : nextIndex + 1;
  }
  const next = lines[nextIndex];
  const toggle = readToggleTitle(lines, index);
  if (toggle !== null) return hasPlainTitleShape(toggle);
  if (next === undefined || !hasPlainTitleShape(titleText(lines[index]!))) return false;
  const opens = labelOf(next);
  return opens.includes("situation") || opens.includes("task") || opensLetterRun(lines, nextIndex);
}

/** "Q: ...", "Tags: ...", "Principles: ...": what a story says about itself, between its title and its parts. */
function isStoryMetadata(line: string): boolean {
  const kinds = labelOf(line);
  return kinds.length > 0 && kinds.every((kind) => kind === "question" || kind === "tags" || kind === "principles");
}

/**
 * Whether a line opens with a single-letter label that counts only in a run ("s: ...", "S - ...") for the
 * Situation or Task, and the next line goes on with a later part ("t: ...", "a: ..."): shorthand STAR.
 */
function opensLetterRun(lines: readonly string[], index: number): boolean {
  const first = weakLabelOf(lines[index]!);
  if (first !== "situation" && first !== "task") return false;
  let after = index + 1;
  while (after < lines.length && lines[after]!.trim() === "") after++;
  const second = after < lines.length ? weakLabelOf(lines[after]!) : null;
  return second !== null && isLabelRun([first, second]);
}

function weakLabelOf(raw: string): LabelKind | null {
  const label = matchLabel(markdownInlineToPlain(stripBlockMarkers(raw.trim())), { weak: true });
  return label?.weak ? label.kinds[0]! : null;
}

/** "Mentoring a new grad", a blank line, then a paragraph of prose: a title over an unlabelled story. */
function isProseTitleLine(lines: readonly string[], index: number): boolean {
  const plain = titleText(lines[index]!);
  if (lines[index + 1]?.trim() !== "" || !hasPlainTitleShape(plain) || /:$/.test(plain)) return false;
  let next = index + 2;
  while (next < lines.length && lines[next]!.trim() === "") next++;
  const paragraph = lines[next]?.trim() ?? "";
  // The paragraph under it is prose: longer than a title, and neither a label nor a list.
  return wordCount(paragraph) > MAX_PLAIN_TITLE_WORDS + 2 && labelOf(paragraph).length === 0 && !/^(?:[-*+•>|#<]|\d{1,3}[.)]\s)/.test(paragraph);
}

// "Story: The outage I caused", "Title: Hiring a senior engineer": a title line that says what it is.
const TITLE_LABEL = /^(?:story|title)\s*:\s*(\S.*)$/i;
const TITLE_LABEL_START = /^\s*(?:\*\*|__)?(?:story|title)\s*(?:\*\*|__)?\s*:/i;

/** The title a "Story: ..." or "Title: ..." line names (bold label or not), when what follows the label is a short title. */
function labelledTitle(line: string): string | null {
  // Most lines are not one: read the markdown of only those that open with the label.
  if (!TITLE_LABEL_START.test(line)) return null;
  const title = TITLE_LABEL.exec(markdownInlineToPlain(line.trim()))?.[1]!.trim();
  return title !== undefined && hasPlainTitleShape(title) ? title : null;
}

/** A line as a plain title line would name its story: without a "Story:" or "Title:" label. */
function titleText(line: string): string {
  return labelledTitle(line) ?? line.trim();
}

/** A short line with no markup that could name a story: no closing full stop unless it is an interview question. */
function hasPlainTitleShape(plain: string): boolean {
  if (plain.length > 200 || !/^["“'‘]?[\p{Lu}\p{N}]/u.test(plain) || /[<>|*_`[\]#]/.test(plain)) return false;
  const short = wordCount(plain) <= MAX_PLAIN_TITLE_WORDS && !/[.,;!]$/.test(plain);
  if (!short && !readsAsInterviewQuestion(plain)) return false;
  return !matchLabel(markdownInlineToPlain(plain));
}

/** A line that only asks the question or lists tags: it does not make a heading's story begin. */
function isQuestionOrTagLine(raw: string, kinds = labelOf(raw)): boolean {
  if (kinds.length === 0) return QUESTION_LINE.test(raw.trim()) && isQuestionTitle(raw.trim());
  return kinds.every((kind) => kind === "question" || kind === "tags" || kind === "principles" || kind === "experience");
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** A question labelled as one: "Q: ...", "Q1. ...", "Question 2 - ...". */
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

/** A toggle straight after the nested text of the toggle above it (Notion puts no blank line between them). */
function followsNestedText(lines: readonly string[], index: number): boolean {
  return index > 0 && /^\s+\S/.test(lines[index - 1]!) && readToggleTitle(lines, index) !== null;
}

function startsParagraph(lines: readonly string[], index: number, headingAt: ReadonlyMap<number, OutlineHeading>): boolean {
  if (index === 0) return true;
  const previous = lines[index - 1]!;
  return previous.trim() === "" || headingAt.has(index) || isDividerLine(previous);
}

interface BelowReading {
  introducesStory: boolean;
  opensWithSetup: boolean;
  /** The text below only points at another story ("Same as Q1."). */
  pointer: boolean;
  words: number;
}

/** Whether the text under a candidate, up to the next possible title, reads as a story or a pointer, and whether it opens with its setting. */
/** What the look-ahead under a candidate needs to know about the bank around it. */
interface BelowContext {
  headingAt: ReadonlyMap<number, OutlineHeading>;
  lastNumber: number | null;
  allowProseTitles: boolean;
  /** The label kinds a line (0-based) opens with. */
  labelsAt: (index: number) => readonly string[];
}

function readBelow(lines: readonly string[], index: number, inlineBody: string, { headingAt, lastNumber, allowProseTitles, labelsAt }: BelowContext): BelowReading {
  if (inlineBody && POINTER_START.test(inlineBody) && inlineBody.split(/\s+/).length <= 30) return { introducesStory: true, opensWithSetup: false, pointer: true, words: 0 };
  const region = [];
  if (inlineBody) region.push({ number: index + 1, raw: inlineBody, isCode: false });
  // Body: a line other than a question or tag line. A title may have a few question lines before its story begins.
  let body = inlineBody !== "";
  let questionLines = 0;
  let firstLabel: readonly string[] | null = inlineBody ? labelOf(inlineBody) : null;
  if (firstLabel?.length === 0) firstLabel = null;
  for (let other = index + 1; other < lines.length && region.length < MAX_LINES_BELOW; other++) {
    const line = lines[other]!;
    // The story under a candidate ends where the next possible title begins (this also keeps the scan linear).
    if (headingAt.has(other + 1) || isDividerLine(line) || STORY_NUMBER_TITLE.test(line.trim())) break;
    if (lines[other - 1]!.trim() === "" && (couldBeBoldTitle(line) || isCapitalsTitle(line.trim()) || continuesNumberingLine(line, lastNumber))) break;
    // Once the story has begun, a question line, a "1." title or a plain title above a Situation starts the next one.
    if ((body || questionLines >= MAX_QUESTIONS_ABOVE_STORY) && lines[other - 1]!.trim() === "" && (startsTitleList(lines, other) || (allowProseTitles && isProseTitleLine(lines, other)))) break;
    if (line.trim() !== "") {
      const kinds = labelsAt(other);
      if (firstLabel === null && kinds.length > 0) firstLabel = kinds;
      if (isQuestionOrTagLine(line, kinds)) questionLines++;
      else body = true;
    }
    region.push({ number: other + 1, raw: line, isCode: false });
  }
  // Nothing but question lines below: no story (and no need to read them).
  if (!body) return { introducesStory: false, opensWithSetup: false, pointer: false, words: 0 };
  // Whether it is a story, not its parts: those are read only for a story that is kept.
  const { reading } = readStoryRegionDeferred(region);
  const opensWithSetup = firstLabel !== null && (firstLabel.includes("situation") || firstLabel.includes("task"));
  // "STORY 21 - BIGGEST MISTAKE / see story 12" or "→ Q12": a pointer entry heads nothing but a pointer.
  if (reading.words <= 30 && (POINTER_START.test(markdownInlineToPlain(reading.body).replace(/^\W+/, "")) || readArrowPointer(reading.body) !== null)) return { introducesStory: true, opensWithSetup, pointer: true, words: reading.words };
  return {
    // A short account told in the past ("I was asked to... I cut it to three screens") heads a story as it does under a heading.
    introducesStory: reading.labelled || (reading.words >= MIN_STORY_WORDS && reading.firstPersonSingular + reading.firstPersonPlural > 0) || readUnlabelledProse(reading, "").story,
    opensWithSetup,
    pointer: false,
    words: reading.words,
  };
}

/** A line that may head the next story in a bank of question lines, numbered titles or plain titles. */
function startsTitleList(lines: readonly string[], index: number): boolean {
  const plain = lines[index]!.trim();
  if (QUESTION_LINE.test(plain)) return true;
  if (/^1[.)]\s+\S/.test(plain)) return !neighbourIsListItem(lines, index, -1) && !neighbourIsListItem(lines, index, 1);
  return isPlainTitleLine(lines, index);
}

/** A bold line that could head a story: not a label ("**Situation**: ..."), not a lead-in with text after it. */
function couldBeBoldTitle(line: string): boolean {
  const bold = BOLD_TITLE.exec(line);
  if (!bold) return false;
  const source = withoutStoryPrefix(bold[2]!.trim());
  const after = (bold[3] ?? "").trim();
  return isQuestionTitle(source) || (!after && isBoldQuestion(source)) || (!/[.:;,]$/.test(source) && isTitleText(source) && (!after || POINTER_START.test(after)));
}

// "**Story: Scaling the support team**" names a story as "**Story 1: ...**" does; "Story" alone is an answer's label.
const STORY_PREFIX = /^story\s*(?::|\s[-–—]\s|[–—])\s*(\S.*)$/i;

/** A bold title's text without a leading "Story:" ("Story: Scaling the support team" is "Scaling the support team"). */
function withoutStoryPrefix(source: string): string {
  return STORY_PREFIX.exec(source)?.[1]!.trim() ?? source;
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
