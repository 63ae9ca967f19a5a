import MarkdownIt from "markdown-it";
import { readHtmlHeading } from "./html-heading.js";

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
}

// markdown-it's own nesting limit keeps deep nesting from exhausting the stack.
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

/** Reads headings (HTML `<h2>` lines too), code blocks and rules with a real markdown parser, so a "#" inside code is not a heading. */
export function readMarkdownOutline(text: string): MarkdownOutline {
  const tokens = markdown.parse(text, {});
  const lines = text.split("\n");
  const headings: OutlineHeading[] = [];
  const codeLines = new Set<number>();
  const ruleLines = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
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
    } else if (token.type === "fence" || token.type === "code_block") {
      for (let line = start + 1; line <= end; line++) codeLines.add(line);
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
  return { headings, codeLines, ruleLines };
}

/** A line that only divides: "---", "***", "=====", "~~~~" (a rule, or a plain-text story divider). */
export function isDividerLine(line: string): boolean {
  return /^\s{0,3}([-*_=~])(\s*\1){2,}\s*$/.test(line);
}
