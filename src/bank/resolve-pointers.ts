import type { ParseWarning } from "../core/story.js";
import { shorten } from "../text/index.js";
import { PointerTargets } from "./pointer-targets.js";
import type { PointerDraft, StoryDraft } from "./story-draft.js";

// A chain longer than this is a mistake in the bank, not a path to follow.
const MAX_CHAIN = 50;

/**
 * Adds each pointer entry's question to the story it points at (same file
 * first, by heading number or title), following a pointer that points at
 * another pointer, and reports what became of it.
 */
export function resolvePointers(stories: StoryDraft[], pointers: readonly PointerDraft[]): { warnings: ParseWarning[]; alike: AlikeTarget[] } {
  const warnings: ParseWarning[] = [];
  const alike: AlikeTarget[] = [];
  const targets = new PointerTargets(stories, pointers);
  for (const pointer of pointers) {
    const reference = describeReference(pointer);
    const found = followChain(targets, pointer);
    if (!found.story) {
      const why = unresolvedReason(pointer, found, targets);
      warnings.push({
        code: "POINTER_UNRESOLVED",
        message: `"${pointer.title}" points to ${reference}, ${why}; it was skipped.`,
        file: pointer.file,
        line: pointer.line,
      });
      continue;
    }
    const target = found.story;
    // A heading that is itself the pointer ("Same as story 2, but lead with the numbers") is a note on that story, not a question for it.
    const asked = pointer.question ?? (pointer.inHeading ? null : pointer.title);
    if (asked !== null && !target.questions.includes(asked)) target.questions.push(asked);
    const where = found.via.length > 0 ? `, ${viaText(found.via)}, which leads to "${target.title}" (line ${target.startLine})` : ` ("${target.title}", line ${target.startLine})`;
    const folded = pointer.question ? "its question now finds that story too" : pointer.inHeading ? "it is a heading with nothing under it, so it is read as a note on that story rather than a story of its own" : "its heading now finds that story too";
    const warning: ParseWarning = { code: "POINTER_RESOLVED", message: `"${pointer.title}" points to ${reference}${where}; ${folded}.`, file: pointer.file, line: pointer.line };
    warnings.push(warning);
    if (found.alike) alike.push({ warning, target, alike: found.alike });
  }
  return { warnings, alike };
}

/** A resolved pointer whose description fits another story as well, which the user may have meant. */
export interface AlikeTarget {
  warning: ParseWarning;
  target: StoryDraft;
  alike: StoryDraft;
}

/** Tells the user, on the pointer's warning, of the other story its description fits and how to name it instead. */
export function noteAlikeTarget({ warning, alike }: AlikeTarget): void {
  const title = shorten(alike.title, 60);
  warning.message += ` "${title}" (line ${alike.startLine}) fits that description as well: if you meant it, point at it by its title (See "${title}").`;
}

/** Why a pointer reached no story: its target is missing, a chain of pointers leads nowhere, or its section holds several stories. */
function unresolvedReason(pointer: PointerDraft, found: { via: PointerDraft[]; looped: boolean }, targets: PointerTargets): string {
  if (found.via.length > 0) return found.looped ? `${viaText(found.via)}, and the pointers lead back to themselves without reaching a story` : `${viaText(found.via)}, which leads to no story in this bank`;
  if (!pointer.targetSection) return "which is not a story in this bank";
  const filed = targets.storiesInSection(pointer);
  if (filed.length === 0) return "and no story in this file is filed under it";
  const titles = filed.slice(0, 4).map((story) => `"${shorten(story.title, 60)}"`).join(", ");
  return `and ${filed.length} stories are filed there (${titles}${filed.length > 4 ? ", ..." : ""}), so it names none of them: name the one you mean by its title (See "<its title>")`;
}

function viaText(via: readonly PointerDraft[]): string {
  return `${via.map((entry) => `"${entry.title}"`).join(", then ")} (${via.length === 1 ? "a pointer itself" : "pointers themselves"})`;
}

// Pointers passed on the way are listed in `via`; a chain that comes back to a pointer it has passed stops there.
function followChain(targets: PointerTargets, start: PointerDraft): { story?: StoryDraft; alike?: StoryDraft; via: PointerDraft[]; looped: boolean } {
  const via: PointerDraft[] = [];
  let current = start;
  for (let step = 0; step < MAX_CHAIN; step++) {
    const entry = targets.find(current);
    if (!entry) return { via, looped: false };
    if (entry.story) return { story: entry.story, alike: entry.alike, via, looped: false };
    if (entry.pointer === start || via.includes(entry.pointer)) return { via, looped: true };
    via.push(entry.pointer);
    current = entry.pointer;
  }
  return { via, looped: true };
}

function describeReference(pointer: PointerDraft): string {
  if (pointer.targetNumber !== null) return `number ${pointer.targetNumber}`;
  if (pointer.targetTitle) return `"${pointer.targetTitle}"`;
  if (pointer.targetDescription) return `"the ${pointer.targetDescription} story"`;
  if (pointer.targetSection) return `the stories filed under ${pointer.targetSection.join(" or ")}`;
  return pointer.direction === "below" ? "the story below" : "the story above";
}
