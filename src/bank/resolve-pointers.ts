import type { ParseWarning } from "../core/story.js";
import { foldPrincipleText } from "../principles/index.js";
import type { PointerDraft, StoryDraft } from "./story-draft.js";

/**
 * Adds each pointer entry's question to the story it points at (same file
 * first, by heading number or title) and reports what became of it.
 */
export function resolvePointers(stories: StoryDraft[], pointers: readonly PointerDraft[]): ParseWarning[] {
  const warnings: ParseWarning[] = [];
  for (const pointer of pointers) {
    const target = findTarget(stories, pointer);
    const reference = pointer.targetNumber !== null ? `Q${pointer.targetNumber}` : `"${pointer.targetTitle ?? "?"}"`;
    if (!target) {
      warnings.push({
        code: "POINTER_UNRESOLVED",
        message: `"${pointer.title}" points to ${reference}, which is not a story in this bank; it was skipped.`,
        file: pointer.file,
        line: pointer.line,
      });
      continue;
    }
    const asked = pointer.question ?? pointer.title;
    if (!target.questions.includes(asked)) target.questions.push(asked);
    warnings.push({
      code: "POINTER_RESOLVED",
      message: `"${pointer.title}" points to ${reference} ("${target.title}", line ${target.startLine}); its question was added to that story.`,
      file: pointer.file,
      line: pointer.line,
    });
  }
  return warnings;
}

function findTarget(stories: StoryDraft[], pointer: PointerDraft): StoryDraft | undefined {
  const sameFileFirst = [...stories.filter((story) => story.file === pointer.file), ...stories.filter((story) => story.file !== pointer.file)];
  if (pointer.targetNumber !== null) return sameFileFirst.find((story) => story.number === pointer.targetNumber);
  if (pointer.targetTitle) {
    const wanted = foldPrincipleText(pointer.targetTitle);
    return sameFileFirst.find((story) => foldPrincipleText(story.title).startsWith(wanted));
  }
  // "See above": the nearest story before the pointer in its file.
  return stories.filter((story) => story.file === pointer.file && story.startLine < pointer.line).at(-1);
}
