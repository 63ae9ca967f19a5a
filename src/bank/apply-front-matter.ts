import type { FrontMatter } from "./front-matter.js";
import type { MarkdownBankFile } from "./parse-markdown-bank.js";
import { readStoryRegion } from "./read-story-region.js";

/**
 * Applies a file's front matter to the story it holds (a note per story):
 * `title:` becomes its title, and `tags:` and `principles:` are read as a
 * `Tags:` and a `Principles:` line would be. A file of several stories keeps
 * its own titles and tags.
 */
export function applyFrontMatter(result: MarkdownBankFile, frontMatter: FrontMatter, file: string): void {
  if (result.stories.length !== 1) return;
  const story = result.stories[0]!;
  if (frontMatter.title) {
    const account = result.headings.find((heading) => heading.kind === "story" && heading.line === story.startLine);
    if (account) account.text = frontMatter.title;
    story.title = frontMatter.title;
  }
  const lines = [
    ...(frontMatter.tags ? [{ number: frontMatter.tags.line, raw: `Tags: ${frontMatter.tags.items.join(", ")}`, isCode: false }] : []),
    ...(frontMatter.principles ? [{ number: frontMatter.principles.line, raw: `Principles: ${frontMatter.principles.items.join(", ")}`, isCode: false }] : []),
  ];
  if (lines.length === 0) return;
  const tags = readStoryRegion(lines);
  if (tags.taggedPrinciples.length > 0) {
    // Like a second Tags: line, the front matter adds to the story's own; it wins over principles from headings.
    story.principles = [...new Set([...tags.taggedPrinciples, ...(story.principleSource === "tags" ? story.principles : [])])];
    story.principleSource = "tags";
  }
  story.tags = [...new Set([...tags.otherTags, ...story.tags])];
  for (const unknown of tags.unknownPrinciples) {
    result.warnings.push({ code: "UNKNOWN_PRINCIPLE", message: `"${unknown.text}" is not one of the 16 Leadership Principles; ignored.`, file, line: unknown.line });
  }
}
