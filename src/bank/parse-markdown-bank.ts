import type { HeadingAccount, ParseWarning } from "../core/story.js";
import type { Principle } from "../principles/index.js";
import { isNonStoryTitle, isQuestionLike, principlesInParentheses, principlesOfHeading, readHeadingTitle } from "./heading-text.js";
import { applyFrontMatter } from "./apply-front-matter.js";
import { readBlockTitle, type BlockTitle } from "./block-title.js";
import { withDividedStories } from "./divided-story-headings.js";
import { readArrowPointer } from "./arrow-pointer.js";
import { titleFromFileName } from "./file-title.js";
import { isDividerLine, type OutlineHeading } from "./markdown-outline.js";
import { readMarkdownSource } from "./read-markdown-source.js";
import { readStoryWithSubsections } from "./read-story-with-subsections.js";
import { findStorySubsections } from "./story-subsections.js";
import { findTitleLines } from "./title-lines.js";
import { headingsInLabelRuns } from "./label-run-headings.js";
import { matchLabel } from "./part-labels.js";
import { readStoryRegionDeferred, type RegionLine, type RegionReading } from "./read-story-region.js";
import { splitAtDividers } from "./split-at-dividers.js";
import { readStoryTables } from "./story-tables.js";
import type { PointerDraft, StoryDraft } from "./story-draft.js";
import { countImpliedI, markdownInlineToPlain, shorten } from "../text/index.js";

/** What one markdown bank file holds. */
export interface MarkdownBankFile {
  stories: StoryDraft[];
  pointers: PointerDraft[];
  headings: HeadingAccount[];
  warnings: ParseWarning[];
}

// How people point at another entry: "See Q92", "Same as #14", "Refer to "Title"", "See the failover story above",
// "See: Q1", "Reuse story 1", "Covered in Q1". The separator is one whitespace run or a colon, split one way only.
const POINTER_VERB = String.raw`^\W{0,4}(?:see(?:\s+also)?|same(?:\s+(?:story|answer|one))?\s+as|refer\s+to|(?:re-?)?use|cf\.?|covered\s+(?:in|by|under))(?=[\s:])\s*(?::\s*)?`;
// "Q1", "story #1", or a bare number that ends the reference ("same as 1", "Same story as 1 (CI speedup).").
const POINTER_BY_NUMBER = new RegExp(
  `${POINTER_VERB}(?:(?:q(?:uestion)?|story|answer|no\\.?|number|#)\\s*(?:#\\s*)?(\\d{1,4})\\b|(\\d{1,4})(?=\\s*(?:[.;:,!()]|$)))`,
  "i",
);
const POINTER_BY_TITLE = new RegExp(`${POINTER_VERB}["“'‘]([^"”'’]{3,200})["”'’]`, "i");
// Links: "See [[Title]]" (Obsidian, also [[File#Title|alias]]) and "See [Title](#anchor)".
const POINTER_BY_WIKI_LINK = new RegExp(`${POINTER_VERB}\\[\\[(?:[^\\[\\]|#\\n]{0,200}#)?([^\\[\\]|#\\n]{3,200})(?:\\|[^\\[\\]\\n]{0,200})?\\]\\]`, "i");
const POINTER_BY_LINK = new RegExp(`${POINTER_VERB}\\[([^\\[\\]\\n]{3,200})\\]\\((?!\\s*(?:[a-z][a-z0-9+.-]{0,20}:|//))[^()\\s]{0,500}\\)`, "i");
const POINTER_BY_DESCRIPTION = new RegExp(
  // "the failover story above" ("the CI story above": a description may be one short word), or without the noun when a place follows: "the push outage under Ownership", "the payments outage above".
  `${POINTER_VERB}(?:the|my)\\s+([^.;:!?]{2,120}?)\\s+(?:(?:story|answer|example|one)\\b(?:\\s+(?:(above|below|earlier|later)|further\\s+(up|down)|(?:under|in|from)\\s+[^.;]{1,60}))?|(?:under|in)\\s+[^.;]{1,60}|(above|below|earlier)\\b)\\s*(?:[.;:)!*_]|$)`,
  "i",
);
const POINTER_BY_PLACE = new RegExp(`${POINTER_VERB}(?:the\\s+(?:story|answer|one)\\s+)?(above|below)\\b`, "i");
// "Ditto": the same as the entry above.
const POINTER_DITTO = /^\W{0,4}ditto\b/i;
// Unlabelled prose counts as a story only when it reads like one told in the first person.
const MIN_UNLABELLED_WORDS = 35;

/** Parses a markdown (or plain-text) story bank already decoded to LF text. */
export function parseMarkdownBank(source: string, file: string): MarkdownBankFile {
  const { text, outline, frontMatter } = readMarkdownSource(source, file);
  const lines = text.split("\n");
  // A table of one story per row: each row is a story, and the table is not text of the heading above it.
  const tables = readStoryTables(outline.tables, outline.headings, lines, file);
  for (const line of tables.lines) lines[line - 1] = "";
  // Bold or numbered title lines head stories too; without them a story runs on into the next.
  const headings = [...outline.headings, ...findTitleLines(lines, outline)].sort((a, b) => a.line - b.line);
  const result: MarkdownBankFile = { stories: [], pointers: [], headings: [], warnings: [] };

  // Headings that are only a STAR label ("### Situation", or "### S" in a run of them) belong to the story above them.
  const regionHeadings: OutlineHeading[] = [];
  const letterRuns = headingsInLabelRuns(headings);
  for (const heading of headings) {
    const plain = markdownInlineToPlain(heading.source);
    const label = matchLabel(plain, { standalone: true, weak: letterRuns.has(heading) });
    if (label && regionHeadings.length > 0 && label.kinds.every((kind) => kind !== "question")) {
      result.headings.push({ file, line: heading.line, text: plain, kind: "part-label" });
      continue;
    }
    regionHeadings.push(heading);
  }
  // "### Long version" or "### Likely follow-ups" under a story heading is part of that story.
  const subsections = findStorySubsections(regionHeadings);
  const folded = new Set([...subsections.values()].flat().map((part) => part.heading));
  for (const part of folded) result.headings.push({ file, line: part.line, text: readHeadingTitle(part.source).title, kind: "part-label" });
  const ownHeadings = regionHeadings.filter((heading) => !folded.has(heading));

  const regionLines = (from: number, to: number): RegionLine[] => {
    const region: RegionLine[] = [];
    for (let number = from; number <= to; number++) {
      region.push({ number, raw: lines[number - 1] ?? "", isCode: outline.codeLines.has(number) });
    }
    return region;
  };

  // A heading's text: what follows a title on its own line, then the lines below it.
  const underHeading = (heading: OutlineHeading, to: number): RegionLine[] => [
    ...(heading.inlineBody ? [{ number: heading.line, raw: heading.inlineBody, isCode: false }] : []),
    ...regionLines(heading.endLine + 1, to),
  ];

  // "# Story bank" over labelled stories divided by "---" lines: each one is read under a heading of its own.
  const storyHeadings = withDividedStories(
    ownHeadings,
    { lines, isCode: (line) => outline.codeLines.has(line) },
    (heading, index) => underHeading(heading, (ownHeadings[index + 1]?.line ?? lines.length + 1) - 1),
    (heading) => (subsections.get(heading)?.length ?? 0) > 0,
  );
  const firstHeadingLine = storyHeadings[0]?.line ?? lines.length + 1;
  readPreamble(regionLines(1, firstHeadingLine - 1), file, result);

  const stack: Array<{ level: number; principles: Principle[] }> = [];
  storyHeadings.forEach((heading, index) => {
    const next = storyHeadings[index + 1];
    const regionEnd = (next?.line ?? lines.length + 1) - 1;
    const hasChildren = next !== undefined && next.level > heading.level;
    const { number, title } = readHeadingTitle(heading.source);
    const headingPrinciples = principlesOfHeading(title);

    while (stack.length > 0 && stack[stack.length - 1]!.level >= heading.level) stack.pop();
    const inherited = stack.flatMap((entry) => entry.principles);
    stack.push({ level: heading.level, principles: headingPrinciples.only ? headingPrinciples.principles : [] });

    const parts = subsections.get(heading) ?? [];
    const told = readStoryWithSubsections(
      underHeading(heading, (parts[0]?.heading.line ?? regionEnd + 1) - 1),
      parts.map((part, at) => ({ kind: part.kind, lines: underHeading(part.heading, (parts[at + 1]?.heading.line ?? regionEnd + 1) - 1) })),
    );
    let reading = told.reading;
    const bodyText = told.body;
    const account = (kind: HeadingAccount["kind"]) => result.headings.push({ file, line: heading.line, text: title, kind });

    const pointer = readPointer(reading, bodyText, underHeading(heading, regionEnd).map((line) => line.raw).join("\n"));
    if (pointer) {
      account("pointer");
      result.pointers.push({
        file,
        line: heading.line,
        number,
        title,
        question: isQuestionLike(title) ? title : reading.question,
        targetNumber: pointer.number,
        targetTitle: pointer.title,
        targetDescription: pointer.description,
        direction: pointer.direction,
      });
      return;
    }

    const isStory =
      reading.labelled ||
      (reading.question !== null && reading.words >= 12) ||
      (!hasChildren && !isNonStoryTitle(title) && readsLikeUnlabelledStory(reading, title));
    if (!isStory) {
      account(hasChildren && reading.words === 0 ? "section" : bodyText ? "prose" : "section");
      if (bodyText) {
        result.warnings.push({
          code: "SKIPPED_PROSE",
          message: `Skipped "${shorten(title, 70)}" (lines ${heading.line}-${lastContentLine(lines, heading.line, regionEnd)}): no Situation/Task/Action/Result found, so it reads as notes rather than a story.`,
          file,
          line: heading.line,
        });
      }
      return;
    }

    account("story");
    // Only a story's unlabelled prose is split into its parts (slow on a long text).
    reading = told.complete();
    const endLine = lastContentLine(lines, heading.line, regionEnd);
    const question = reading.question ?? (isQuestionLike(title) ? title : null);
    let principles: Principle[] = [];
    let principleSource: StoryDraft["principleSource"] = "none";
    if (reading.taggedPrinciples.length > 0) {
      principles = reading.taggedPrinciples;
      principleSource = "tags";
    } else {
      const named = [
        ...headingPrinciples.principles,
        ...inherited,
        ...(question && question !== title ? principlesOfHeading(question).principles : []),
        ...principlesInParentheses(lines.slice(heading.line - 1, endLine).join("\n")),
      ];
      principles = [...new Set(named)];
      principleSource = principles.length > 0 ? "headings" : "none";
    }
    for (const unknown of reading.unknownPrinciples) {
      result.warnings.push({
        code: "UNKNOWN_PRINCIPLE",
        message: `"${unknown.text}" is not one of the 16 Leadership Principles; ignored.`,
        file,
        line: unknown.line,
      });
    }
    const counts = reading.labelCounts;
    if (((counts.situation ?? 0) >= 2 && (counts.result ?? 0) >= 2) || (counts.question ?? 0) >= 2) {
      result.warnings.push({
        code: "SEVERAL_STORIES",
        message: `"${shorten(title, 70)}" has ${(counts.question ?? 0) >= 2 ? `${counts.question} questions` : `${counts.situation} Situations and ${counts.result} Results`} under one heading, so it is read as one story. If it holds several, give each its own heading (a "## Title" line, or a bold line of its own).`,
        file,
        line: heading.line,
      });
    }
    if (Object.keys(reading.parts).length === 0) {
      result.warnings.push({ code: "EMPTY_STORY", message: `"${shorten(title, 70)}" has labels but no text under them.`, file, line: heading.line });
    }
    result.stories.push({
      file,
      number,
      title,
      question,
      questions: question ? [question] : [],
      principles,
      principleSource,
      tags: reading.otherTags,
      parts: reading.parts,
      partsInferred: reading.partsInferred,
      body: bodyText,
      text: lines.slice(heading.line - 1, endLine).join("\n"),
      startLine: heading.line,
      endLine,
      experienceKey: reading.experienceKey,
    });
  });
  if (tables.stories.length > 0) {
    for (const story of tables.stories) result.stories.push(story);
    for (const account of tables.headings) result.headings.push(account);
    for (const warning of tables.warnings) result.warnings.push(warning);
    result.stories.sort((a, b) => a.startLine - b.startLine);
  }
  if (frontMatter) applyFrontMatter(result, frontMatter, file);
  return result;
}

/** Where a pointer entry says its story is. */
export interface PointerReading {
  number: number | null;
  title: string | null;
  description: string | null;
  direction: "above" | "below" | null;
}

/**
 * Whether an entry's text only points at another entry ("See Q92", "Same as
 * above", "See [[Title]]"), and where; `raw` is its text as written, links kept.
 */
export function readPointer(reading: RegionReading, body: string, raw = body): PointerReading | null {
  // "**Answer:** Use the chatbot story from Invent and Simplify." is a pointer under an answer label.
  if (reading.words > 60 || (reading.labelled && reading.words > 30)) return null;
  // "S: Same story as #5, told for ... A: ... R: ..." is a retelling with its own parts, not a pointer;
  // "**Situation:** Same as #5." alone still is one.
  if (reading.labelled && !reading.partsInferred && Object.keys(reading.parts).length >= 2) return null;
  const text = body.trim();
  const none: PointerReading = { number: null, title: null, description: null, direction: null };
  const byArrow = readArrowPointer(text);
  if (byArrow) return { ...none, ...byArrow };
  const byNumber = POINTER_BY_NUMBER.exec(text);
  if (byNumber) return { ...none, number: Number(byNumber[1] ?? byNumber[2]) };
  const byTitle = POINTER_BY_TITLE.exec(text);
  if (byTitle) return { ...none, title: byTitle[1]! };
  // Plain text keeps "[[Title]]" but drops a markdown link to its words, so that one is read from the first line as written.
  const firstLine = raw.split("\n").find((line) => line.trim() !== "")?.trim() ?? "";
  const byLink = POINTER_BY_WIKI_LINK.exec(text) ?? POINTER_BY_LINK.exec(firstLine);
  if (byLink) return { ...none, title: byLink[1]!.trim() };
  // A description must name a story ("the failover story"): "use the same approach as before, then..." is a note, not a pointer.
  // A place alone first: "See the story above" names no story to look for.
  const byPlace = /^\W{0,4}use\b/i.test(text) ? null : POINTER_BY_PLACE.exec(text);
  if (byPlace) return { ...none, direction: toDirection(byPlace[1]) };
  const byDescription = reading.words <= 30 ? POINTER_BY_DESCRIPTION.exec(text) : null;
  if (byDescription) return { ...none, description: byDescription[1]!, direction: toDirection(byDescription[2] ?? byDescription[3] ?? byDescription[4]) };
  if (reading.words <= 20 && POINTER_DITTO.test(text)) return { ...none, direction: "above" };
  return null;
}

function toDirection(word: string | undefined): "above" | "below" | null {
  if (!word) return null;
  return /^(above|earlier|up)$/i.test(word) ? "above" : "below";
}

function readsLikeUnlabelledStory(reading: RegionReading, title: string): boolean {
  // A story told entirely as "we" is still a story (the critique will ask what the speaker did).
  if (reading.words < MIN_UNLABELLED_WORDS || (reading.firstPersonSingular < 1 && reading.firstPersonPlural < 3)) return false;
  // A list is notes ("- ask about team size") unless its items narrate what the author did ("- gave him a real project").
  if (reading.listShare > 0.6 && !isQuestionLike(title) && countImpliedI(reading.body) + (reading.body.match(/\bI\s+\w+ed\b/g) ?? []).length < 3) return false;
  const pastTense = (reading.body.match(/\b\w{3,}ed\b/g) ?? []).length;
  return pastTense >= 3 || (pastTense >= 2 && reading.firstPersonSingular + reading.firstPersonPlural >= 2);
}

function readPreamble(region: RegionLine[], file: string, result: MarkdownBankFile, divided = false): void {
  // Stories with no headings at all, divided by "---" or "=====" lines, are read one by one.
  const blocks = splitAtDividers(region);
  if (blocks.length > 1) {
    for (const block of blocks) readPreamble(block, file, result, true);
    return;
  }
  // One of several divided stories may open with its own title line ("Mentoring Priya."); it is not story text.
  const titled = divided ? readBlockTitle(region) : null;
  // The parts of unlabelled prose are read (slow on megabytes of it) only when it is kept as a story.
  const deferred = readStoryRegionDeferred(titled ? withoutTitle(region, titled) : region);
  if (!deferred.reading.body) return;
  const firstLine = region.find((line) => line.raw.trim() !== "" && !isDividerLine(line.raw))?.number ?? 1;
  if (deferred.reading.labelled) {
    const reading = deferred.withInferredParts();
    // Its own title line, else the file's name, never its text: a story's id must not change when its text is edited.
    const title = titled?.title ?? reading.question ?? titleFromFileName(file);
    result.headings.push({ file, line: firstLine, text: title, kind: "story" });
    const endLine = region.findLast((line) => line.raw.trim() !== "" && !isDividerLine(line.raw))?.number ?? firstLine;
    const counts = reading.labelCounts;
    if (((counts.situation ?? 0) >= 2 && (counts.result ?? 0) >= 2) || (counts.question ?? 0) >= 2) {
      result.warnings.push({
        code: "SEVERAL_STORIES",
        message: `The text from line ${firstLine} to ${endLine}, before any heading, has ${(counts.question ?? 0) >= 2 ? `${counts.question} questions` : `${counts.situation} Situations and ${counts.result} Results`}, so it is read as one story. If it holds several, give each its own heading (a "## Title" line, or a bold line of its own).`,
        file,
        line: firstLine,
      });
    }
    result.stories.push({
      file,
      number: null,
      title,
      question: reading.question,
      questions: reading.question ? [reading.question] : [],
      principles: reading.taggedPrinciples,
      principleSource: reading.taggedPrinciples.length > 0 ? "tags" : "none",
      tags: reading.otherTags,
      parts: reading.parts,
      partsInferred: reading.partsInferred,
      body: reading.body,
      text: region.filter((line) => line.number >= firstLine && line.number <= endLine).map((line) => line.raw).join("\n"),
      startLine: firstLine,
      endLine,
      experienceKey: reading.experienceKey,
    });
    return;
  }
  result.warnings.push({
    code: "SKIPPED_PROSE",
    message: `Skipped text before the first heading (from line ${firstLine}): it is not under a story heading and has no STAR labels.`,
    file,
    line: firstLine,
  });
}

function withoutTitle(region: RegionLine[], titled: BlockTitle): RegionLine[] {
  return region.flatMap((line) => (line.number !== titled.line ? [line] : titled.rest ? [{ ...line, raw: titled.rest }] : []));
}

function lastContentLine(lines: string[], from: number, to: number): number {
  for (let number = to; number > from; number--) {
    const line = lines[number - 1] ?? "";
    if (line.trim() !== "" && !isDividerLine(line)) return number;
  }
  return from;
}
