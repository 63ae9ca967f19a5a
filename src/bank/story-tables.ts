import type { HeadingAccount, ParseWarning } from "../core/story.js";
import type { Principle } from "../principles/index.js";
import { markdownInlineToPlain, shorten } from "../text/index.js";
import { titleFromFileName } from "./file-title.js";
import { isQuestionLike, principlesInParentheses, principlesOfHeading, readHeadingTitle } from "./heading-text.js";
import { foldLabel } from "./label-words.js";
import type { MarkdownTable, OutlineHeading } from "./markdown-outline.js";
import { matchLabel, type LabelKind } from "./part-labels.js";
import { readStoryRegion, type RegionLine } from "./read-story-region.js";
import type { StoryDraft } from "./story-draft.js";

// What a column holds. Part, question, principle and tag columns are named as their labels are ("Situation",
// "Learned", "Principle", "Question"); these name the story itself.
const TITLE_HEADERS = new Set(["title", "story", "story title", "story name", "name", "example", "project", "topic", "headline"]);
const NUMBER_HEADERS = new Set(["#", "no", "nr", "number", "story #", "story no"]);
const LETTER_HEADERS: ReadonlyMap<string, LabelKind> = new Map([["s", "situation"], ["t", "task"], ["a", "action"], ["r", "result"], ["l", "lesson"]]);
const CELL_KINDS: ReadonlySet<LabelKind> = new Set(["situation", "task", "action", "result", "lesson", "question", "principles", "tags"]);
const PART_KINDS: ReadonlySet<LabelKind> = new Set(["situation", "task", "action", "result", "lesson"]);
// How each kind is labelled when a row is read as a labelled story.
const LABEL_OF: Record<string, string> = {
  situation: "Situation", task: "Task", action: "Action", result: "Result", lesson: "Lesson", question: "Question", principles: "Principles", tags: "Tags",
};

type Column = { kind: "title" } | { kind: "number" } | { kind: "labelled"; kinds: LabelKind[] } | null;

/** What the story tables of a file hold, and the lines they cover (their rows are not text of the heading above). */
export interface StoryTableReading {
  stories: StoryDraft[];
  headings: HeadingAccount[];
  warnings: ParseWarning[];
  lines: Set<number>;
}

/**
 * Reads markdown tables with one story per row ("| Story | Situation | Task |
 * Action | Result |", headers in any case and order, some missing): each row
 * is a story with those parts. A table whose header names fewer than two STAR
 * parts is not a story table and is left to be read as text.
 */
export function readStoryTables(tables: readonly MarkdownTable[], headings: readonly OutlineHeading[], lines: readonly string[], file: string): StoryTableReading {
  const reading: StoryTableReading = { stories: [], headings: [], warnings: [], lines: new Set() };
  const sections = new SectionsAbove(headings, file);
  for (const table of tables) {
    const columns = (table.rows[0]?.cells ?? []).map(readColumn);
    const parts = new Set(columns.flatMap((column) => (column?.kind === "labelled" ? column.kinds.filter((kind) => PART_KINDS.has(kind)) : [])));
    if (parts.size < 2 || !(parts.has("situation") || parts.has("action") || parts.has("result"))) continue;
    for (let line = table.startLine; line <= table.endLine; line++) reading.lines.add(line);
    const context = sections.at(table.startLine);
    // The header row, then the delimiter row ("|---|---|"), which markdown-it does not list as a row.
    for (const row of table.rows.slice(1)) readRow(row, columns, context, lines[row.line - 1] ?? "", file, reading);
  }
  return reading;
}

function readColumn(header: string): Column {
  const name = foldLabel(markdownInlineToPlain(header).replace(/\([^()]*\)/g, "").replace(/[:.]\s*$/, ""));
  // "Title / Question": the title, and a question when it reads as one.
  if (name.split(/\s*\/\s*/).some((piece) => TITLE_HEADERS.has(piece))) return { kind: "title" };
  if (NUMBER_HEADERS.has(name)) return { kind: "number" };
  // "| S | T | A | R |": a letter alone heads a part's column.
  const letter = LETTER_HEADERS.get(name);
  if (letter) return { kind: "labelled", kinds: [letter] };
  const label = matchLabel(name, { standalone: true });
  const kinds = label && label.rest === "" ? label.kinds.filter((kind) => CELL_KINDS.has(kind)) : [];
  return kinds.length > 0 ? { kind: "labelled", kinds } : null;
}

/**
 * The title a table's rows fall back on (the heading it sits under, else the file's name) and the principles of
 * the sections around it, read for tables in file order in one pass over the headings.
 */
class SectionsAbove {
  private readonly stack: Array<{ level: number; principles: Principle[] }> = [];
  private title: string | null = null;
  private next = 0;

  constructor(
    private readonly headings: readonly OutlineHeading[],
    private readonly file: string,
  ) {}

  at(line: number): { title: string; principles: Principle[] } {
    for (; this.next < this.headings.length && this.headings[this.next]!.line < line; this.next++) {
      const heading = this.headings[this.next]!;
      while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.level >= heading.level) this.stack.pop();
      this.title = readHeadingTitle(heading.source).title;
      const named = principlesOfHeading(this.title);
      this.stack.push({ level: heading.level, principles: named.only ? named.principles : [] });
    }
    return { title: this.title ?? titleFromFileName(this.file), principles: [...new Set(this.stack.flatMap((entry) => entry.principles))] };
  }
}

function readRow(
  row: { line: number; cells: string[] },
  columns: readonly Column[],
  context: { title: string; principles: Principle[] },
  text: string,
  file: string,
  reading: StoryTableReading,
): void {
  // A row reads as a labelled story: "Situation: <cell>", a "<br>" in a cell starting a new line of that part.
  const region: RegionLine[] = [];
  let titleCell = "";
  let numberCell = "";
  columns.forEach((column, index) => {
    const cell = (row.cells[index] ?? "").trim();
    if (!column || cell === "") return;
    if (column.kind === "title") titleCell ||= markdownInlineToPlain(cell.replace(/<br\s*\/?>/gi, " "));
    else if (column.kind === "number") numberCell ||= markdownInlineToPlain(cell);
    else {
      // A piece after a "<br>" that starts in lower case continues the sentence ("I mapped 14 flows<br>and migrated").
      const pieces: string[] = [];
      for (const piece of cell.split(/<br\s*\/?>/i).map((text) => text.trim())) {
        if (pieces.length > 0 && /^\p{Ll}/u.test(piece)) pieces[pieces.length - 1] += ` ${piece}`;
        else if (piece) pieces.push(piece);
      }
      // A list of principles or tags, or a question, broken over lines is still one line.
      if (!column.kinds.some((kind) => PART_KINDS.has(kind))) pieces.splice(0, pieces.length, pieces.join(column.kinds.includes("question") ? " " : ", "));
      const [first = "", ...more] = pieces;
      region.push({ number: row.line, raw: `${column.kinds.map((kind) => LABEL_OF[kind]).join(" & ")}: ${first}`, isCode: false });
      for (const line of more) region.push({ number: row.line, raw: line, isCode: false });
    }
  });
  if (region.length === 0 && titleCell === "") return;
  const story = readStoryRegion(region);
  const heading = titleCell ? readHeadingTitle(titleCell) : null;
  const title = heading?.title || story.question || context.title;
  const question = story.question ?? (isQuestionLike(title) ? title : null);
  const number = heading?.number ?? (/^\d{1,4}$/.test(numberCell) ? Number(numberCell) : null);
  const principles: Principle[] =
    story.taggedPrinciples.length > 0
      ? story.taggedPrinciples
      : [...new Set([...principlesOfHeading(title).principles, ...context.principles, ...(question && question !== title ? principlesOfHeading(question).principles : []), ...principlesInParentheses(story.body)])];
  for (const unknown of story.unknownPrinciples) {
    reading.warnings.push({ code: "UNKNOWN_PRINCIPLE", message: `"${unknown.text}" is not one of the 16 Leadership Principles; ignored.`, file, line: unknown.line });
  }
  if (Object.keys(story.parts).length === 0) {
    reading.warnings.push({ code: "EMPTY_STORY", message: `"${shorten(title, 70)}" (a table row) has no Situation, Task, Action or Result text.`, file, line: row.line });
  }
  reading.headings.push({ file, line: row.line, text: title, kind: "story" });
  reading.stories.push({
    file,
    number,
    title,
    question,
    questions: question ? [question] : [],
    principles,
    principleSource: story.taggedPrinciples.length > 0 ? "tags" : principles.length > 0 ? "headings" : "none",
    tags: story.otherTags,
    parts: story.parts,
    partsInferred: story.partsInferred,
    body: story.body,
    text,
    startLine: row.line,
    endLine: row.line,
    experienceKey: story.experienceKey,
  });
}
