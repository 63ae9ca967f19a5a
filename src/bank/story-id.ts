import path from "node:path";
import { slugifyAnyScript } from "../text/index.js";
import { withoutBankFileEnding } from "./bank-file-name.js";

/** The file part of story ids: the bank file's name without its ending, as a slug (in its own script). */
export function fileSlug(file: string): string {
  return slugifyAnyScript(withoutBankFileEnding(path.basename(file)), 40) || "bank";
}

/**
 * Gives each story its id: file slug and title slug, with "-2", "-3" on
 * collision (in bank order). Ids depend only on file names and titles; a
 * title in another script keeps its letters ("客户投诉处理"), so only a title
 * with no letters at all ("🚀🚀🚀") gets the positional "story", "story-2".
 */
export function assignStoryIds(stories: ReadonlyArray<{ file: string; title: string }>): string[] {
  const used = new Set<string>();
  // The suffix each base tried last: a used id stays used, so the search resumes there (restarting at 2 made a bank
  // of thousands of stories with one title quadratic).
  const nextSuffix = new Map<string, number>();
  return stories.map((story) => {
    const base = `${fileSlug(story.file)}-${slugifyAnyScript(story.title) || "story"}`;
    let id = base;
    let suffix = nextSuffix.get(base) ?? 2;
    if (used.has(id)) {
      while (used.has((id = `${base}-${suffix}`))) suffix++;
      nextSuffix.set(base, suffix + 1);
    }
    used.add(id);
    return id;
  });
}
