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
import { readUnlabelledProse, type ProseVerdict } from "./unlabelled-story.js";
import { readStoryTables } from "./story-tables.js";
import { readPartTables } from "./part-tables.js";
import type { PointerDraft, StoryDraft } from "./story-draft.js";
import { markdownInlineToPlain, shorten } from "../text/index.js";

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
  // A comma may end it before advice on telling it ("Same as the pricing story above, but lead with the interviews"), not
  // before more of a story ("See the launch story above, where I disagreed with our designer ...").
  `${POINTER_VERB}(?:the|my)\\s+([^.;:!?]{2,120}?)\\s+(?:(?:story|answer|example|one)\\b(?:\\s+(?:(above|below|earlier|later)|further\\s+(up|down)|(?:under|in|from)\\s+[^.;]{1,60}))?|(?:under|in)\\s+[^.;]{1,60}|(above|below|earlier)\\b)\\s*(?:[.;:)!*_]|(?<=\\b(?:story|answer|example|one|above|below|earlier|later|up|down)\\s*),\\s*(?:but|told|lead|emphasi[sz]e|focus|stress|this\\s+time)\\b|$)`,
  "i",
);
// A principle's section of a bank filed by principle: "Same story as under Ownership, told for the customer", "See Dive Deep.",
// "See the Ownership story". The words must be principle names and nothing else: "See the crash story under Ownership" is a description.
const POINTER_BY_SECTION = new RegExp(
  `${POINTER_VERB}(?:(?:the\\s+)?(?:story|answer|one)\\s+)?(?:(?:under|in|from)\\s+)?(?:the\\s+|my\\s+)?([^.;:,!?()]{3,80}?)(?:\\s+(?:story|answer|example|one|section))?\\s*(?:[.;:,)!]|$)`,
  "i",
);
const POINTER_BY_PLACE = new RegExp(`${POINTER_VERB}(?:the\\s+(?:story|answer|one)\\s+)?(above|below)\\b`, "i");
// "Ditto": the same as the entry above.
const POINTER_DITTO = /^\W{0,4}ditto\b/i;

/** Parses a markdown (or plain-text) story bank already decoded to LF text. */
export function parseMarkdownBank(source: string, file: string): MarkdownBankFile {
  const { text, outline, frontMatter } = readMarkdownSource(source, file);
  const lines = text.split("\n");
  // A table of one story per row: each row is a story, and the table is not text of the heading above it.
  const tables = readStoryTables(outline.tables, outline.headings, lines, file);
  for (const line of tables.lines) lines[line - 1] = "";
  // The story's text keeps its lines as written; a table of its parts ("| Situation | ... |") is read as labelled lines.
  const textLines = [...lines];
  for (const [line, labelled] of readPartTables(outline.tables, (table) => tables.lines.has(table.startLine))) lines[line - 1] = labelled;
  // Bold or numbered title lines head stories too; without them a story runs on into the next.
  const headings = [...outline.headings, ...findTitleLines(lines, outline)].sort((a, b) => a.line - b.line);
  const result: MarkdownBankFile = { stories: [], pointers: [], headings: [], warnings: [] };
  for (const line of outline.unclosedFences) {
    const fence = (lines[line - 1] ?? "").trim();
    result.warnings.push({
      code: "UNCLOSED_CODE_FENCE",
      message: `the code block opened by "${shorten(fence, 20)}" is never closed, and headings follow it: read the lines after it as text, so its stories are kept. If it is code, close it with a "${fence.replace(/^([`~]+).*$/, "$1")}" line.`,
      file,
      line,
    });
  }

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

  // Headings with nothing at all under them (no text, no table, no sub-heading): not stories, but not silently so.
  const emptyHeadings: Array<{ line: number; title: string }> = [];
  const isEmptyRegion = (heading: OutlineHeading, to: number): boolean => {
    if (heading.inlineBody) return false;
    for (let line = heading.endLine + 1; line <= to; line++) if (tables.lines.has(line) || (lines[line - 1] ?? "").trim() !== "") return false;
    return true;
  };
  const stack: Array<{ level: number; principles: Principle[] }> = [];
  storyHeadings.forEach((heading, index) => {
    const next = storyHeadings[index + 1];
    const regionEnd = (next?.line ?? lines.length + 1) - 1;
    const hasChildren = next !== undefined && next.level > heading.level;
    const { number, title, bracketPrinciples } = readHeadingTitle(heading.source);
    const headingPrinciples = principlesOfHeading(title);

    while (stack.length > 0 && stack[stack.length - 1]!.level >= heading.level) stack.pop();
    // Under no other heading: the file's title, whose opening lines introduce the bank.
    const fileTitle = stack.length === 0;
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

    // A heading with nothing under it may be the pointer itself: "## 9. Same as story 2, but lead with the naming convention".
    const inHeading = bodyText === "" && reading.question === null && !hasChildren;
    const pointer = inHeading
      ? readPointer(reading, title, markdownInlineToPlain(heading.source) === title ? heading.source : title)
      : readPointer(reading, bodyText, underHeading(heading, regionEnd).map((line) => line.raw).join("\n"));
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
        ...(pointer.section ? { targetSection: pointer.section } : {}),
        direction: pointer.direction,
        ...(inHeading ? { inHeading } : {}),
      });
      return;
    }

    // A bank's opening lines under its title ("Background: 7 years as an ICU nurse...") set the scene for the stories
    // below, not a story of their own, though "Background" labels a story's situation. Not a story's heading with its
    // situation above subsections ("## Payments outage", "Context: ...", "### The fix"): that heading sits under another.
    const bankIntroduction = fileTitle && hasChildren && Object.keys(reading.labelCounts).every((kind) => kind === "situation");
    const verdict: ProseVerdict =
      (reading.labelled && !bankIntroduction) || (reading.question !== null && reading.words >= 12)
        ? { story: true }
        : hasChildren
          ? { story: false, reason: "it opens a section with headings under it rather than telling a story of its own", advice: "If it is a story, give it a heading of its own" }
          : isNonStoryTitle(title)
            ? { story: false, reason: "its heading names notes or tips rather than a story", advice: "If it is a story, give it a title of its own" }
            : readUnlabelledProse(reading, title);
    if (!verdict.story) {
      account(hasChildren && reading.words === 0 ? "section" : bodyText ? "prose" : "section");
      // A principle or notes heading with nothing under it is a section the stories below sit beside ("## Ownership").
      if (!hasChildren && title !== "" && !headingPrinciples.only && !isNonStoryTitle(title) && isEmptyRegion(heading, regionEnd)) emptyHeadings.push({ line: heading.line, title });
      if (bodyText) {
        result.warnings.push({
          code: "SKIPPED_PROSE",
          message: `Skipped "${shorten(title, 70)}" (lines ${heading.line}-${lastContentLine(lines, heading.line, regionEnd)}) as notes: it has ${reading.labelled ? "only a label that sets the scene" : "no Situation/Task/Action/Result labels"}, and ${verdict.reason}. ${verdict.advice}.`,
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
        ...(bracketPrinciples ?? []),
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
      // An empty heading ("## " with a story under it) names the story by its question, else by the file, as a story
      // with no heading is: never by its text, which would change its id on every edit.
      title: title || question || titleFromFileName(file),
      question,
      questions: question ? [question] : [],
      principles,
      principleSource,
      tags: reading.otherTags,
      parts: reading.parts,
      partsInferred: reading.partsInferred,
      body: bodyText,
      text: textLines.slice(heading.line - 1, endLine).join("\n"),
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
  // Only among stories: a file of nothing but empty headings is already reported as holding no story.
  if (emptyHeadings.length > 0 && result.stories.length > 0) {
    const [first, ...others] = emptyHeadings;
    const more = others.length === 0 ? "" : ` (nor ${others.length === 1 ? "is the heading" : `are ${others.length} more headings`} with nothing under ${others.length === 1 ? "it" : "them"}: line${others.length === 1 ? "" : "s"} ${others.slice(0, 10).map((entry) => entry.line).join(", ")}${others.length > 10 ? ", ..." : ""})`;
    result.warnings.push({
      code: "EMPTY_STORY",
      message: `"${shorten(first!.title, 70)}" (line ${first!.line}) has nothing under it, so it is not a story${more}. Write the story under it, or point it at one ("Same as story 2.").`,
      file,
      line: first!.line,
    });
  }
  if (frontMatter) applyFrontMatter(result, frontMatter, file);
  return result;
}

/** Where a pointer entry says its story is. */
export interface PointerReading {
  number: number | null;
  title: string | null;
  description: string | null;
  /** The principles whose section holds the story ("Same story as under Ownership"). */
  section: Principle[] | null;
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
  const none: PointerReading = { number: null, title: null, description: null, section: null, direction: null };
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
  // "Are Right, A Lot" is one name: its comma does not end the reference.
  const section = reading.words <= 30 ? sectionNamed(POINTER_BY_SECTION.exec(text.replace(/\bare\s+right,\s*a\s+lot\b/gi, "Are Right A Lot"))?.[1]) : null;
  if (section) return { ...none, section };
  const byDescription = reading.words <= 30 ? POINTER_BY_DESCRIPTION.exec(text) : null;
  if (byDescription) return { ...none, description: byDescription[1]!, direction: toDirection(byDescription[2] ?? byDescription[3] ?? byDescription[4]) };
  if (reading.words <= 20 && POINTER_DITTO.test(text)) return { ...none, direction: "above" };
  return null;
}

/** The principles a pointer's words name, when they name principles and nothing else ("Dive Deep", "Ownership"). */
function sectionNamed(words: string | undefined): Principle[] | null {
  if (!words) return null;
  const named = principlesOfHeading(words);
  return named.only && named.principles.length > 0 ? named.principles : null;
}

function toDirection(word: string | undefined): "above" | "below" | null {
  if (!word) return null;
  return /^(above|earlier|up)$/i.test(word) ? "above" : "below";
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
