import { listPrinciples } from "../principles/index.js";
import type { PrincipleCoverage } from "../retrieval/index.js";
import { shorten } from "../text/index.js";

/**
 * Which workable principles would be strong if the bank filed their best
 * story under them (its content already reads as the principle): one line per
 * story, naming its principles, so the level is not a mystery and the one
 * change that lifts it is plain.
 */
export function describeFilingHints(coverage: readonly PrincipleCoverage[]): string[] {
  const byStory = new Map<string, { title: string; principles: string[] }>();
  for (const line of coverage) {
    if (!line.strongIfFiled) continue;
    const entry = byStory.get(line.strongIfFiled.id) ?? { title: line.strongIfFiled.title, principles: [] };
    entry.principles.push(line.principle);
    byStory.set(line.strongIfFiled.id, entry);
  }
  if (byStory.size === 0) return [];
  return [
    "Workable only because these stories are not filed under the principles their content reads as; if you mean them for those, name them in the story's Tags: line (beside any it is filed under now) and each is strong:",
    ...[...byStory.values()].map((entry) => `  - "${shorten(entry.title, 70)}": ${listPrinciples(entry.principles)}`),
  ];
}
