import { readBlockTitle } from "./block-title.js";
import { readHeadingTitle } from "./heading-text.js";
import { isDividerLine, type OutlineHeading } from "./markdown-outline.js";
import type { RegionLine } from "./read-story-region.js";
import { splitAtDividers } from "./split-at-dividers.js";

/**
 * The headings with a heading added for each story that `---` or `=====`
 * lines divide a heading's text into ("# Story bank" over three labelled STAR
 * blocks; see splitAtDividers): each block after the first is a story of its
 * own under the heading, titled by its own title line when it has one (see
 * readBlockTitle), else by the heading's title. When every block has a title
 * line, the first one is a story of its own too.
 */
export function withDividedStories(
  headings: readonly OutlineHeading[],
  file: { lines: readonly string[]; isCode: (line: number) => boolean },
  textUnder: (heading: OutlineHeading, index: number) => RegionLine[],
  keepWhole: (heading: OutlineHeading) => boolean,
): OutlineHeading[] {
  const result: OutlineHeading[] = [];
  headings.forEach((heading, index) => {
    result.push(heading);
    // Most stories end with a rule before the next heading: only text after a divider can be another story.
    if (!hasTextAfterDivider(file, heading.endLine + 1, (headings[index + 1]?.line ?? file.lines.length + 1) - 1) || keepWhole(heading)) return;
    const blocks = splitAtDividers(textUnder(heading, index));
    if (blocks.length < 2) return;
    const titles = blocks.map(readBlockTitle);
    const allTitled = titles.every((title) => title !== null && title.line !== heading.line);
    const level = Math.min(6, heading.level + 1);
    const title = readHeadingTitle(heading.source).title;
    blocks.forEach((block, at) => {
      if (at === 0 && !allTitled) return;
      const titled = titles[at];
      if (titled) {
        result.push({ line: titled.line, endLine: titled.line, level, source: titled.title, ...(titled.rest ? { inlineBody: titled.rest } : {}) });
        return;
      }
      const first = block.find((line) => line.raw.trim() !== "" && !isDividerLine(line.raw));
      // Code first: leave the block to the story above, as before.
      if (first && !first.isCode) result.push({ line: first.number, endLine: first.number, level, source: title, inlineBody: first.raw });
    });
  });
  return result;
}

function hasTextAfterDivider(file: { lines: readonly string[]; isCode: (line: number) => boolean }, from: number, to: number): boolean {
  let divided = false;
  for (let number = from; number <= to; number++) {
    const raw = file.lines[number - 1] ?? "";
    if (raw.trim() === "" || file.isCode(number)) continue;
    if (isDividerLine(raw)) divided = true;
    else if (divided) return true;
  }
  return false;
}
