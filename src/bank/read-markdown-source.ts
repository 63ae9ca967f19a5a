import { readFrontMatter, type FrontMatter } from "./front-matter.js";
import { blankHtmlComments } from "./html-comments.js";
import { readMarkdownOutline, type MarkdownOutline } from "./markdown-outline.js";

/**
 * A markdown or plain-text bank file as the parser reads it: YAML front
 * matter and HTML comments blanked out (line numbers kept, so lines are
 * reported as in the file), with its outline and what its front matter says.
 */
export function readMarkdownSource(source: string, file: string): { text: string; outline: MarkdownOutline; frontMatter: FrontMatter | null } {
  const plainText = /\.txt$/i.test(file);
  const { text: withoutFrontMatter, frontMatter } = readFrontMatter(source);
  let outline = readMarkdownOutline(withoutFrontMatter, { plainText });
  const text = blankHtmlComments(withoutFrontMatter, (line) => outline.codeLines.has(line));
  // Without its comments the file may have other headings and code blocks.
  if (text !== withoutFrontMatter) outline = readMarkdownOutline(text, { plainText });
  return { text, outline, frontMatter };
}
