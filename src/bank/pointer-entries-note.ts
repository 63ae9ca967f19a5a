import path from "node:path";
import type { HeadingAccount } from "../core/story.js";
import { shorten } from "../text/index.js";

// Enough entries to recognise the bank by; the rest are counted.
const NAMED = 2;

/**
 * For a bank with no story: what its pointer entries ("See Q92", "Same as #1")
 * say, that they point at stories the bank does not hold, naming the first
 * few, and what to do. Null when it holds no pointer entry.
 */
export function pointerEntriesNote(headings: readonly HeadingAccount[]): string | null {
  const pointers = headings.filter((heading) => heading.kind === "pointer");
  if (pointers.length === 0) return null;
  const severalFiles = new Set(pointers.map((pointer) => pointer.file)).size > 1;
  const named = pointers
    .slice(0, NAMED)
    .map((pointer) => `"${shorten(pointer.text, 50)}", ${severalFiles ? `${path.basename(pointer.file)} ` : ""}line ${pointer.line}`);
  const more = pointers.length > NAMED ? `; and ${pointers.length - NAMED} more` : "";
  // Only pointers, or pointers beside notes that were skipped: "every entry" only where it is true.
  const every = !headings.some((heading) => heading.kind === "prose" || heading.kind === "story");
  const what = every
    ? `every entry is a pointer to a story that is not in the bank`
    : `its ${pointers.length === 1 ? "pointer entry points to a story" : `${pointers.length} pointer entries point to stories`} not in the bank`;
  const them = pointers.length === 1 ? "the story it points to" : "the stories they point to";
  return `${what} (${named.join("; ")}${more}). Write out ${them} (a heading followed by Situation/Task/Action/Result text), or give the file that holds ${pointers.length === 1 ? "it" : "them"} too.`;
}
