import { STORY_PARTS, type StoryPart } from "../core/story.js";
import { findPrincipleMentions, foldPrincipleText, normalizePrinciple, PRINCIPLES, type Principle } from "../principles/index.js";
import { continuesPreviousLine, countImpliedI, countWords, markdownInlineToPlain, stripBlockMarkers } from "../text/index.js";
import { inferPartsFromProse, splitLessonFromResult } from "./infer-parts-from-prose.js";
import { isDividerLine } from "./markdown-outline.js";
import { isContentLabel, isLabelRun, matchLabel, type LabelKind, type LabelMatch } from "./part-labels.js";
import { splitInlineLabels } from "./split-inline-labels.js";

/** One source line of a region, 1-based. */
export interface RegionLine {
  number: number;
  raw: string;
  isCode: boolean;
}

/** What the lines under one heading say, read as a story. */
export interface RegionReading {
  /** True when at least one label opened story content (Situation:, Answer:, ...). */
  labelled: boolean;
  parts: Partial<Record<StoryPart, string>>;
  partsInferred: boolean;
  question: string | null;
  /** Principles from a Tags:/Principles: line, in order. */
  taggedPrinciples: Principle[];
  /** Tags that are not principles ("conflict", "metrics"). */
  otherTags: string[];
  /** Entries of a Principles: line that name no principle. */
  unknownPrinciples: Array<{ text: string; line: number }>;
  /** Value of an "Experience:" line, grouping tellings by hand. */
  experienceKey: string | null;
  /** All prose of the region as plain text, labels and metadata removed. */
  body: string;
  words: number;
  firstPersonSingular: number;
  /** "we", "our", "us": a story told about the team still reads as a story. */
  firstPersonPlural: number;
  /** Share of non-blank lines that are list items. */
  listShare: number;
  /** How many times each label opened a part: two Situations and two Results under one heading look like two stories. */
  labelCounts: Partial<Record<LabelKind, number>>;
}

type Target = { kinds: LabelKind[] } | null;

/** Reads the lines under a heading: labels, parts, question and tags. */
export function readStoryRegion(regionLines: RegionLine[]): RegionReading {
  return readStoryRegionDeferred(regionLines).withInferredParts();
}

/**
 * Reads a region as readStoryRegion does, except the parts of its unlabelled prose: `reading` has only the
 * labelled parts, and `withInferredParts()` (computed once) adds the others. Splitting prose into parts reads it
 * clause by clause, the slowest step, so callers that first ask whether a region is a story at all (a title's
 * look-ahead, text before any heading, a heading with no versions) read them only for a story that is kept.
 */
export function readStoryRegionDeferred(regionLines: RegionLine[]): { reading: RegionReading; withInferredParts: () => RegionReading } {
  // Nothing under an empty heading: a bank may hold a million of them.
  if (regionLines.every((line) => line.raw.trim() === "")) {
    const reading = emptyReading();
    return { reading, withInferredParts: () => reading };
  }
  const lines = splitInlineLabels(regionLines);
  // "Q: ... A: ..." is a question and its answer, unless S:, T: or R: sit beside the A: (then A: is the action).
  const starLetters = new Set(lines.map((line) => /^\s*(?:[-*+•]\s+)?(?:\*\*|__)?([STR])\s?:/.exec(line.raw)?.[1]).filter(Boolean));
  const questionAndAnswer = lines.some((line) => /^\s*(\*\*|__)?Q\s?[:.]/.test(line.raw)) && starLetters.size < 2;
  const readLines = lines.map((line) => (line.isCode || line.raw.trim() === "" ? { plain: "", labelText: "", standalone: false } : readLine(line.raw)));
  const candidates = readLines.map((read, index) => (lines[index]!.isCode ? null : matchLabel(read.labelText, { standalone: read.standalone, questionAndAnswer, weak: true })));
  const runOfWeakLabels = isLabelRun(weakLabelKinds(lines, candidates));
  const buckets = new Map<LabelKind, string[]>();
  const bodyLines: string[] = [];
  let target: Target = null;
  let labelled = false;
  let question: string | null = null;
  let questionWraps = false;
  let experienceKey: string | null = null;
  const taggedPrinciples: Principle[] = [];
  const otherTags: string[] = [];
  const unknownPrinciples: Array<{ text: string; line: number }> = [];
  const labelCounts: Partial<Record<LabelKind, number>> = {};
  let nonBlank = 0;
  let listLines = 0;

  // A hard-wrapped line goes on with the line before: joined to it, it gets no full stop of its own (joinLines).
  const wrapped = continuesPreviousLine(lines.map((line) => (line.isCode ? "" : line.raw)));
  const push = (list: string[], text: string, continues: boolean) => {
    if (continues && list.length > 0) list[list.length - 1] = `${list[list.length - 1]} ${text}`;
    else list.push(text);
  };
  const add = (kinds: LabelKind[], text: string, continues = false) => {
    if (!text) return;
    for (const kind of kinds) {
      const bucket = buckets.get(kind) ?? [];
      push(bucket, text, continues);
      buckets.set(kind, bucket);
    }
  };

  for (const [index, line] of lines.entries()) {
    if (line.raw.trim() === "" || isDividerLine(line.raw)) continue;
    nonBlank++;
    if (line.isCode) {
      add(target?.kinds ?? ["narrative"], line.raw.trim());
      bodyLines.push(line.raw.trim());
      continue;
    }
    if (/^\s*(?:[-*+•]|\d{1,3}[.)])\s+/.test(line.raw)) listLines++;
    const { plain } = readLines[index]!;
    if (plain === "") continue;
    // "Question: Tell me about a time you had to deal with a" / "difficult customer.": the wrapped line is the question's.
    if (questionWraps && wrapped[index]) {
      question = `${question} ${plain}`;
      continue;
    }
    questionWraps = false;
    const candidate = candidates[index] ?? null;
    const label = candidate?.weak && !runOfWeakLabels ? null : candidate;
    if (label) {
      const first = label.kinds[0]!;
      if (first === "tags" || first === "principles") {
        readTags(label.rest, first === "principles", line.number, taggedPrinciples, otherTags, unknownPrinciples);
        target = null;
        continue;
      }
      if (first === "experience") {
        experienceKey = label.rest.trim().toLowerCase() || null;
        target = null;
        continue;
      }
      if (first === "question") {
        labelCounts.question = (labelCounts.question ?? 0) + 1;
        question = unquote(label.rest) || question;
        target = label.rest ? null : { kinds: ["question"] };
        questionWraps = Boolean(label.rest);
        continue;
      }
      labelled = labelled || label.kinds.some(isContentLabel);
      for (const kind of label.kinds) labelCounts[kind] = (labelCounts[kind] ?? 0) + 1;
      target = { kinds: label.kinds };
      add(label.kinds, unquote(label.rest));
      if (label.rest) bodyLines.push(unquote(label.rest));
      continue;
    }
    if (target?.kinds[0] === "question") {
      question = question ? `${question} ${plain}` : plain;
      continue;
    }
    add(target?.kinds ?? ["narrative"], unquote(plain), wrapped[index]);
    push(bodyLines, unquote(plain), wrapped[index]!);
  }

  const parts: Partial<Record<StoryPart, string>> = {};
  for (const part of STORY_PARTS) {
    const bucket = buckets.get(part);
    if (bucket?.length) parts[part] = joinLines(bucket);
  }
  // Combined labels ("Result & What I'd Do Differently") filled both buckets with the same text: split it.
  if (parts.result && parts.lesson && parts.result === parts.lesson) {
    const split = splitLessonFromResult(parts.result);
    parts.result = split.result || parts.result;
    parts.lesson = split.lesson || parts.lesson;
  } else if (parts.result && !parts.lesson) {
    const split = splitLessonFromResult(parts.result);
    if (split.lesson && split.result) {
      parts.result = split.result;
      parts.lesson = split.lesson;
    }
  }
  const body = joinLines(bodyLines);
  const reading: RegionReading = {
    labelled,
    parts,
    partsInferred: false,
    question,
    taggedPrinciples,
    otherTags,
    unknownPrinciples,
    experienceKey,
    body,
    words: countWords(body),
    // Note-style sentences with the "I" left out ("Pulled the logs.") count as first person.
    firstPersonSingular: (body.match(/\b(I|I'm|I've|I'd|I’m|I’ve|I’d|my|me|myself)\b/g) ?? []).length + countImpliedI(body),
    firstPersonPlural: (body.match(/\b([Ww]e|[Ww]e're|[Ww]e've|[Ww]e’re|[Ww]e’ve|[Oo]ur|us|ourselves)\b/g) ?? []).length,
    listShare: nonBlank === 0 ? 0 : listLines / nonBlank,
    labelCounts,
  };
  const narrative = buckets.get("narrative");
  let complete: RegionReading | undefined;
  const withInferredParts = (): RegionReading => {
    if (complete) return complete;
    complete = reading;
    if (!narrative?.length) return complete;
    const inferred = inferPartsFromProse(joinLines(narrative));
    const filled = { ...parts };
    let partsInferred = false;
    for (const part of STORY_PARTS) {
      const text = inferred[part];
      if (!text || filled[part]) continue;
      filled[part] = text;
      partsInferred = true;
    }
    complete = { ...reading, parts: filled, partsInferred };
    return complete;
  };
  return { reading, withInferredParts };
}

/** What a region of blank lines says: nothing. */
function emptyReading(): RegionReading {
  return {
    labelled: false,
    parts: {},
    partsInferred: false,
    question: null,
    taggedPrinciples: [],
    otherTags: [],
    unknownPrinciples: [],
    experienceKey: null,
    body: "",
    words: 0,
    firstPersonSingular: 0,
    firstPersonPlural: 0,
    listShare: 0,
    labelCounts: {},
  };
}

/**
 * The kinds of the weak labels ("S - ...", "(T) ...", "### A", a line "RESULT" alone), in order: these are labels
 * only when they make a run. One with nothing after it counts only when text follows before the next label, so a
 * checklist of part names ("- Situation / - Task / - Action") stays a list; and a word alone ("Result") only where
 * no sentence runs on into it, so a wrapped line of prose is not a label.
 */
function weakLabelKinds(lines: readonly RegionLine[], candidates: ReadonlyArray<LabelMatch | null>): LabelKind[] {
  const blank = (line: RegionLine) => line.raw.trim() === "" || isDividerLine(line.raw);
  return candidates.flatMap((label, index) => {
    if (!label?.weak) return [];
    if (label.rest) return [label.kinds[0]!];
    const previous = lines[index - 1];
    const word = stripBlockMarkers(lines[index]!.raw).replace(/[^\p{L}]/gu, "");
    const runOn = word.length > 1 && word !== word.toUpperCase() && previous !== undefined && !blank(previous) && candidates[index - 1] === null && !/[.!?:;)"”]\s*$/.test(previous.raw);
    let next = index + 1;
    while (next < lines.length && blank(lines[next]!)) next++;
    return !runOn && next < lines.length && candidates[next] === null ? [label.kinds[0]!] : [];
  });
}

// Invisible characters pasted from web pages and word processors ("\u200bSituation:").
const ZERO_WIDTH = /[\u200b\u2060\ufeff]/g;
// "🟦 Situation: ...": an emoji bullet before a label.
const LEADING_EMOJI = /^(?:[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f\u20e3][ \t]*)+/u;

/**
 * A line's text without block and inline markdown, the same without a leading emoji (where a label would
 * start), and whether it was a bold label or a heading of its own.
 */
function readLine(raw: string): { plain: string; labelText: string; standalone: boolean } {
  const withoutMarkers = stripBlockMarkers(raw.trim().replace(/^#{1,6}\s+/, "").replace(/\s#+$/, ""));
  const plain = markdownInlineToPlain(withoutMarkers).replace(ZERO_WIDTH, "");
  const standalone = /^\s*(\*\*|__)[^*_]+(\*\*|__)\s*(?::\s*)?$/.test(withoutMarkers) || /^\s{0,3}#{1,6}\s/.test(raw);
  return { plain, labelText: plain.replace(LEADING_EMOJI, ""), standalone };
}

function readTags(
  rest: string,
  strict: boolean,
  line: number,
  principles: Principle[],
  otherTags: string[],
  unknown: Array<{ text: string; line: number }>,
): void {
  // The list ends where a sentence or an aside begins ("LP: Ownership, Earn Trust. FAILURE STORY - keep it short"); later
  // pieces count only where they are nothing but principle names ("LP: Frugality - Ownership - Dive Deep"), so a note
  // ("Frugality - not strong enough for Customer Obsession") adds none.
  const [first = "", ...asides] = rest.split(/\.\s+|\s+[-–—]\s+/);
  rest = first.replace(/\.\s*$/, "");
  for (const principle of findPrincipleMentions(rest)) {
    if (!principles.includes(principle)) principles.push(principle);
  }
  for (const aside of asides) {
    for (const item of aside.replace(/are right,\s*a lot/gi, "Are Right A Lot").split(/[,;|/]/)) {
      const principle = item.trim() ? normalizePrinciple(item.trim().replace(/\.$/, "")) : null;
      if (principle && !principles.includes(principle)) principles.push(principle);
    }
  }
  // Principle names contain commas and semicolons ("Are Right, A Lot"), so take known names out first.
  let remaining = ` ${foldPrincipleText(rest.replace(/[,;|/]/g, (separator) => ` ${separator} `))} `;
  for (const principle of PRINCIPLES) remaining = remaining.split(` ${foldPrincipleText(principle)} `).join(" , ");
  for (const piece of rest.split(/[,;|/]/)) {
    const text = piece.trim();
    if (!text || !remaining.includes(` ${foldPrincipleText(text)} `)) continue;
    const principle = normalizePrinciple(text);
    if (principle) {
      if (!principles.includes(principle)) principles.push(principle);
    } else if (strict) unknown.push({ text, line });
    else if (!otherTags.includes(text)) otherTags.push(text);
  }
}

function unquote(text: string): string {
  const trimmed = text.trim();
  const quoted = /^["“](.*)["”]$/s.exec(trimmed);
  return quoted ? quoted[1]!.trim() : trimmed;
}

function joinLines(lines: string[]): string {
  return lines
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => (/[.!?:;"”)]$/.test(line) ? line : `${line}.`))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}
