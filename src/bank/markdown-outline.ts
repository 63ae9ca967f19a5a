import MarkdownIt from "markdown-it";
import { readHtmlHeading } from "./html-heading.js";
import { readsAsStoryText } from "./indented-story-text.js";

/** A markdown heading: 1-based line, level 1-6, and its inline source text. */
export interface OutlineHeading {
  line: number;
  /** Last line of the heading (setext headings span two). */
  endLine: number;
  level: number;
  source: string;
  /** Text after a title on its own line ("**Biggest mistake** - see #4"): the start of its body. */
  inlineBody?: string;
}

/** The block structure of a markdown file that story parsing needs. */
export interface MarkdownOutline {
  headings: OutlineHeading[];
  /** 1-based line numbers inside fenced or indented code blocks. */
  codeLines: Set<number>;
  /** 1-based line numbers of thematic breaks (---, ***). */
  ruleLines: Set<number>;
  /** Pipe tables, header row first. */
  tables: MarkdownTable[];
  /** 1-based lines of code fences never closed whose lines held headings: read as text, not code (see below). */
  unclosedFences: number[];
}

/** A pipe table: its lines and each row's cells as written inside the row (escaped pipes read as "|"). */
export interface MarkdownTable {
  startLine: number;
  endLine: number;
  rows: Array<{ line: number; cells: string[] }>;
}

const MAX_UNCLOSED_FENCES = 5;

// markdown-it's own nesting limit keeps deep nesting from exhausting the stack.
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });
// Only the block structure is read (an inline token's content is set by the block rules): parsing the inline markup
// of every line into tokens nobody reads took a fifth of the time on a bank of bold lines.
markdown.core.ruler.disable(["inline", "linkify", "replacements", "smartquotes", "text_join"]);

/**
 * Reads headings (HTML `<h2>` lines too), code blocks and rules with a real
 * markdown parser, so a "#" inside code is not a heading. Fenced blocks are
 * always code; an indented block is code unless the file is plain text
 * (`plainText`, a .txt file) or the block sits under a heading and reads as
 * story text ("    Situation: ...").
 */
export function readMarkdownOutline(text: string, options: { plainText?: boolean } = {}): MarkdownOutline {
  // A fence never closed runs to the end of the file: every story after a forgotten closing ``` would be code, lost
  // without a word. When headings sit in such a fence, its opening line is read as text instead. Each new reading can
  // leave one more such fence (a later ``` now opens one), so a few are undone, never one per line of an odd file.
  const lines = text.split("\n");
  const unclosedFences: number[] = [];
  let tokens = markdown.parse(text, {});
  for (let fence = unclosedFenceHidingHeadings(tokens, lines); fence !== null && unclosedFences.length < MAX_UNCLOSED_FENCES; fence = unclosedFenceHidingHeadings(tokens, lines)) {
    unclosedFences.push(fence + 1);
    tokens = markdown.parse(lines.map((line, at) => (unclosedFences.includes(at + 1) ? "" : line)).join("\n"), {});
  }
  const headings: OutlineHeading[] = [];
  const codeLines = new Set<number>();
  const ruleLines = new Set<number>();
  const tables: MarkdownTable[] = [];
  // Indentation in a .txt file, or of story text under a heading, is layout, not code.
  const indentedIsCode = (start: number, end: number) => !options.plainText && !(headings.length > 0 && readsAsStoryText(lines.slice(start, end)));
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === "th_open" || token.type === "td_open") {
      const inline = tokens[i + 1];
      tables[tables.length - 1]?.rows.at(-1)?.cells.push(inline?.type === "inline" ? inline.content : "");
      continue;
    }
    if (!token.map) continue;
    const [start, end] = token.map;
    if (token.type === "heading_open") {
      const inline = tokens[i + 1];
      headings.push({
        line: start + 1,
        endLine: end,
        level: Number(token.tag.slice(1)),
        source: inline?.type === "inline" ? inline.content : "",
      });
    } else if (token.type === "fence" || (token.type === "code_block" && indentedIsCode(start, end))) {
      for (let line = start + 1; line <= end; line++) codeLines.add(line);
    } else if (token.type === "table_open") {
      tables.push({ startLine: start + 1, endLine: end, rows: [] });
    } else if (token.type === "tr_open") {
      tables[tables.length - 1]?.rows.push({ line: start + 1, cells: [] });
    } else if (token.type === "hr") {
      ruleLines.add(start + 1);
    } else if (token.type === "html_block") {
      // Banks exported or written as HTML head their stories with <h2> lines: they are headings like "## ".
      for (let line = start + 1; line <= end; line++) {
        const heading = readHtmlHeading(lines[line - 1] ?? "");
        if (heading) headings.push({ line, endLine: line, ...heading });
      }
    }
  }
  return { headings, codeLines, ruleLines, tables, unclosedFences };
}

// The 0-based line of the first fence the file never closes, when a line inside it reads as a heading ("# Title").
function unclosedFenceHidingHeadings(tokens: ReturnType<typeof markdown.parse>, lines: readonly string[]): number | null {
  for (const token of tokens) {
    if (token.type !== "fence" || !token.map) continue;
    const [start, end] = token.map;
    const marker = token.markup;
    const closing = new RegExp(`^ {0,3}${marker[0] === "`" ? "`" : "~"}{${marker.length},}\\s*$`);
    if (end - 1 > start && closing.test(lines[end - 1] ?? "")) continue;
    if (lines.slice(start + 1, end).some((line) => /^ {0,3}#{1,6}\s+\S/.test(line))) return start;
  }
  return null;
}

/** A line that only divides: "---", "***", "=====", "~~~~" (a rule, or a plain-text story divider). */
export function isDividerLine(line: string): boolean {
  return /^\s{0,3}([-*_=~])(\s*\1){2,}\s*$/.test(line);
}
