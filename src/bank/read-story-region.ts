import { STORY_PARTS, type StoryPart } from "../core/story.js";
import { findPrincipleMentions, foldPrincipleText, normalizePrinciple, PRINCIPLES, type Principle } from "../principles/index.js";
import { countImpliedI, markdownInlineToPlain, stripBlockMarkers } from "../text/index.js";
import { inferPartsFromProse, splitLessonFromResult } from "./infer-parts-from-prose.js";
import { isDividerLine } from "./markdown-outline.js";
import { isContentLabel, matchLabel, type LabelKind } from "./part-labels.js";

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

// A bold STAR label inside a line ("... the rollback call. **R:** We re-ran it..."): people write a whole story as one paragraph.
// "(?<!\s)": a whitespace run is tried once, from its start, not once per character.
const INLINE_BOLD_LABEL = /(?<!\s)\s+(?=(?:\*\*|__)(?:S|T|A|R|L|Situation|Task|Action|Actions|Result|Results|Lesson|Lessons|Learned|Learnings|Reflection)\s*(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:))/g;

const LIST_MARKER_ONLY = /^\s*(?:[-*+•>]|\d{1,3}[.)])?\s*$/;

/** Lines with inline bold labels split so each label starts its own line (same line number). */
function splitInlineLabels(lines: readonly RegionLine[]): RegionLine[] {
  return lines.flatMap((line) => {
    const pieces = line.isCode ? [] : line.raw.split(INLINE_BOLD_LABEL);
    // "- **Situation:** ..." and "2. **Action:** ...": a list or quote marker before the first label stays with it.
    if (pieces.length > 1 && LIST_MARKER_ONLY.test(pieces[0]!)) pieces.splice(0, 2, `${pieces[0]} ${pieces[1]}`);
    return pieces.length > 1 ? pieces.map((raw) => ({ ...line, raw })) : [line];
  });
}

/** Reads the lines under a heading: labels, parts, question and tags. */
export function readStoryRegion(regionLines: RegionLine[]): RegionReading {
  const lines = splitInlineLabels(regionLines);
  // "Q: ... A: ..." is a question and its answer, unless S:, T: or R: sit beside the A: (then A: is the action).
  const starLetters = new Set(lines.map((line) => /^\s*(?:[-*+•]\s+)?(?:\*\*|__)?([STR])\s?:/.exec(line.raw)?.[1]).filter(Boolean));
  const questionAndAnswer = lines.some((line) => /^\s*(\*\*|__)?Q\s?[:.]/.test(line.raw)) && starLetters.size < 2;
  const buckets = new Map<LabelKind, string[]>();
  const bodyLines: string[] = [];
  let target: Target = null;
  let labelled = false;
  let question: string | null = null;
  let experienceKey: string | null = null;
  const taggedPrinciples: Principle[] = [];
  const otherTags: string[] = [];
  const unknownPrinciples: Array<{ text: string; line: number }> = [];
  const labelCounts: Partial<Record<LabelKind, number>> = {};
  let nonBlank = 0;
  let listLines = 0;

  const add = (kinds: LabelKind[], text: string) => {
    if (!text) return;
    for (const kind of kinds) {
      const bucket = buckets.get(kind) ?? [];
      bucket.push(text);
      buckets.set(kind, bucket);
    }
  };

  for (const line of lines) {
    if (line.raw.trim() === "" || isDividerLine(line.raw)) continue;
    nonBlank++;
    if (line.isCode) {
      add(target?.kinds ?? ["narrative"], line.raw.trim());
      bodyLines.push(line.raw.trim());
      continue;
    }
    if (/^\s*(?:[-*+•]|\d{1,3}[.)])\s+/.test(line.raw)) listLines++;
    const withoutMarkers = stripBlockMarkers(line.raw.trim().replace(/^#{1,6}\s+/, "").replace(/\s#+$/, ""));
    const plain = markdownInlineToPlain(withoutMarkers);
    if (plain === "") continue;
    const standalone = /^\s*(\*\*|__)[^*_]+(\*\*|__)\s*(?::\s*)?$/.test(withoutMarkers) || /^\s{0,3}#{1,6}\s/.test(line.raw);
    const label = matchLabel(plain, { standalone, questionAndAnswer });
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
    add(target?.kinds ?? ["narrative"], unquote(plain));
    bodyLines.push(unquote(plain));
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
  let partsInferred = false;
  const narrative = buckets.get("narrative");
  if (narrative?.length) {
    const inferred = inferPartsFromProse(joinLines(narrative));
    for (const part of STORY_PARTS) {
      const text = inferred[part];
      if (!text || parts[part]) continue;
      parts[part] = text;
      partsInferred = true;
    }
  }

  const body = joinLines(bodyLines);
  return {
    labelled,
    parts,
    partsInferred,
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

/** Words in a text: runs of letters or digits. */
export function countWords(text: string): number {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).length;
}
