import { markdownInlineToPlain } from "../text/index.js";
import type { OutlineHeading } from "./markdown-outline.js";
import { isLabelRun, matchLabel, type LabelKind } from "./part-labels.js";

/**
 * Headings that are single-letter part labels in a run ("### S", "### T",
 * "### A", "### R" one after another): each such heading belongs to the
 * story above it. A lone "## A" stays a heading of its own.
 */
export function headingsInLabelRuns(headings: readonly OutlineHeading[]): Set<OutlineHeading> {
  const accepted = new Set<OutlineHeading>();
  let run: OutlineHeading[] = [];
  let kinds: LabelKind[] = [];
  const close = () => {
    if (isLabelRun(kinds)) for (const heading of run) accepted.add(heading);
    run = [];
    kinds = [];
  };
  for (const heading of headings) {
    const kind = weakLabelKind(heading);
    // A run is consecutive label headings at one level.
    if (kind === null || (run.length > 0 && run[0]!.level !== heading.level)) close();
    if (kind !== null) {
      run.push(heading);
      kinds.push(kind);
    }
  }
  close();
  return accepted;
}

function weakLabelKind(heading: OutlineHeading): LabelKind | null {
  const label = matchLabel(markdownInlineToPlain(heading.source), { standalone: true, weak: true });
  return label?.weak ? label.kinds[0]! : null;
}
