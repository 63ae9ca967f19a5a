import type { ParseWarning } from "../core/story.js";
import { foldPrincipleText } from "../principles/index.js";
import { STOPWORDS } from "../text/stopwords.js";
import type { PointerDraft, StoryDraft } from "./story-draft.js";

/**
 * Adds each pointer entry's question to the story it points at (same file
 * first, by heading number or title) and reports what became of it.
 */
export function resolvePointers(stories: StoryDraft[], pointers: readonly PointerDraft[]): ParseWarning[] {
  const warnings: ParseWarning[] = [];
  for (const pointer of pointers) {
    const target = findTarget(stories, pointer);
    const reference = describeReference(pointer);
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
      message: `"${pointer.title}" points to ${reference} ("${target.title}", line ${target.startLine}); ${pointer.question ? "its question" : "its heading"} now finds that story too.`,
      file: pointer.file,
      line: pointer.line,
    });
  }
  return warnings;
}

function describeReference(pointer: PointerDraft): string {
  if (pointer.targetNumber !== null) return `number ${pointer.targetNumber}`;
  if (pointer.targetTitle) return `"${pointer.targetTitle}"`;
  if (pointer.targetDescription) return `"the ${pointer.targetDescription} story"`;
  return pointer.direction === "below" ? "the story below" : "the story above";
}

function findTarget(stories: StoryDraft[], pointer: PointerDraft): StoryDraft | undefined {
  const sameFileFirst = [...stories.filter((story) => story.file === pointer.file), ...stories.filter((story) => story.file !== pointer.file)];
  if (pointer.targetNumber !== null) return sameFileFirst.find((story) => story.number === pointer.targetNumber);
  if (pointer.targetTitle) {
    const wanted = foldPrincipleText(pointer.targetTitle);
    return sameFileFirst.find((story) => foldPrincipleText(story.title).startsWith(wanted));
  }
  const sameFile = stories.filter((story) => story.file === pointer.file);
  const inDirection = sameFile.filter((story) => (pointer.direction === "below" ? story.startLine > pointer.line : pointer.direction === "above" ? story.startLine < pointer.line : true));
  if (pointer.targetDescription) return bestDescribed(inDirection, pointer) ?? bestDescribed(sameFile, pointer);
  // "See above": the nearest story before the pointer in its file ("see below": the nearest after).
  return pointer.direction === "below" ? inDirection[0] : inDirection.at(-1);
}

/**
 * The story whose title and text share the most of the pointer's describing
 * words (at least half of them, so a stray shared word does not pick a story);
 * the nearest wins ties.
 */
function bestDescribed(candidates: readonly StoryDraft[], pointer: PointerDraft): StoryDraft | undefined {
  const wanted = contentWords(pointer.targetDescription ?? "");
  const enough = Math.max(1, Math.ceil(wanted.length / 2));
  let best: { story: StoryDraft; shared: number; distance: number } | undefined;
  for (const story of candidates) {
    const words = new Set(contentWords(`${story.title} ${story.body}`));
    const shared = wanted.filter((word) => words.has(word)).length;
    const distance = Math.abs(story.startLine - pointer.line);
    if (shared >= enough && (!best || shared > best.shared || (shared === best.shared && distance < best.distance))) best = { story, shared, distance };
  }
  return best?.story;
}

function contentWords(text: string): string[] {
  return [...new Set(foldPrincipleText(text).split(/[^a-z0-9]+/).filter((word) => word.length >= 3 && !STOPWORDS.has(word)))];
}
