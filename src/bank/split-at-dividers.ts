import { isDividerLine } from "./markdown-outline.js";
import { readStoryRegionDeferred, type RegionLine } from "./read-story-region.js";

/**
 * Text with no headings split where the author divided stories with a rule ("---", "=====").
 * A block starts a story of its own only when it sets its own scene (a Situation or Task) and the
 * text above already got to its Action or Result, so a rule inside one story ("Situation: ... /
 * --- / Task: ..." or "Action: ... / --- / Result: ...") or below an intro keeps it whole.
 */
export function splitAtDividers(region: readonly RegionLine[]): RegionLine[][] {
  const blocks: RegionLine[][] = [[]];
  for (const line of region) {
    if (!line.isCode && isDividerLine(line.raw)) blocks.push([]);
    blocks[blocks.length - 1]!.push(line);
  }
  if (blocks.length === 1) return blocks;
  const groups: Array<{ lines: RegionLine[]; underway: boolean }> = [];
  for (const block of blocks) {
    const counts = readStoryRegionDeferred(block).reading.labelCounts;
    const setsScene = (counts.situation ?? 0) + (counts.task ?? 0) > 0;
    const underway = (counts.action ?? 0) + (counts.result ?? 0) > 0;
    const current = groups[groups.length - 1];
    if (current && !(setsScene && current.underway)) {
      // A loop, not push(...block): a block of 100,000 lines would overflow the call stack as arguments.
      for (const line of block) current.lines.push(line);
      current.underway ||= underway;
    } else groups.push({ lines: [...block], underway });
  }
  return groups.map((group) => group.lines);
}
