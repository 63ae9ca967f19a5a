import type { ParseWarning } from "../core/story.js";
import { foldPrincipleText } from "../principles/index.js";
import { STOPWORDS } from "../text/stopwords.js";
import type { PointerDraft, StoryDraft } from "./story-draft.js";

// An entry a pointer can name: a story, or another pointer ("Same answer as Q3" where Q3 says "Same as above").
type Entry = { story: StoryDraft; pointer?: undefined } | { pointer: PointerDraft; story?: undefined };

// A chain longer than this is a mistake in the bank, not a path to follow.
const MAX_CHAIN = 50;

/**
 * Adds each pointer entry's question to the story it points at (same file
 * first, by heading number or title), following a pointer that points at
 * another pointer, and reports what became of it.
 */
export function resolvePointers(stories: StoryDraft[], pointers: readonly PointerDraft[]): ParseWarning[] {
  const warnings: ParseWarning[] = [];
  for (const pointer of pointers) {
    const reference = describeReference(pointer);
    const found = followChain(stories, pointers, pointer);
    if (!found.story) {
      const why = found.via.length === 0 ? "which is not a story in this bank" : found.looped ? `${viaText(found.via)}, and the pointers lead back to themselves without reaching a story` : `${viaText(found.via)}, which leads to no story in this bank`;
      warnings.push({
        code: "POINTER_UNRESOLVED",
        message: `"${pointer.title}" points to ${reference}, ${why}; it was skipped.`,
        file: pointer.file,
        line: pointer.line,
      });
      continue;
    }
    const target = found.story;
    const asked = pointer.question ?? pointer.title;
    if (!target.questions.includes(asked)) target.questions.push(asked);
    const where = found.via.length > 0 ? `, ${viaText(found.via)}, which leads to "${target.title}" (line ${target.startLine})` : ` ("${target.title}", line ${target.startLine})`;
    warnings.push({
      code: "POINTER_RESOLVED",
      message: `"${pointer.title}" points to ${reference}${where}; ${pointer.question ? "its question" : "its heading"} now finds that story too.`,
      file: pointer.file,
      line: pointer.line,
    });
  }
  return warnings;
}

function viaText(via: readonly PointerDraft[]): string {
  return `${via.map((entry) => `"${entry.title}"`).join(", then ")} (${via.length === 1 ? "a pointer itself" : "pointers themselves"})`;
}

// Pointers passed on the way are listed in `via`; a chain that comes back to a pointer it has passed stops there.
function followChain(stories: StoryDraft[], pointers: readonly PointerDraft[], start: PointerDraft): { story?: StoryDraft; via: PointerDraft[]; looped: boolean } {
  const via: PointerDraft[] = [];
  let current = start;
  for (let step = 0; step < MAX_CHAIN; step++) {
    const entry = findTarget(stories, pointers, current);
    if (!entry) return { via, looped: false };
    if (entry.story) return { story: entry.story, via, looped: false };
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
  return pointer.direction === "below" ? "the story below" : "the story above";
}

function findTarget(stories: StoryDraft[], pointers: readonly PointerDraft[], pointer: PointerDraft): Entry | undefined {
  const sameFileFirst = <T extends { file: string }>(entries: readonly T[]) => [...entries.filter((entry) => entry.file === pointer.file), ...entries.filter((entry) => entry.file !== pointer.file)];
  const others = pointers.filter((other) => other !== pointer);
  // A story answers first; a pointer of that number or title is followed on.
  const firstOf = (story: StoryDraft | undefined, next: () => PointerDraft | undefined): Entry | undefined => {
    if (story) return { story };
    const onward = next();
    return onward ? { pointer: onward } : undefined;
  };
  if (pointer.targetNumber !== null) {
    return firstOf(
      sameFileFirst(stories).find((story) => story.number === pointer.targetNumber),
      () => sameFileFirst(others).find((other) => other.number === pointer.targetNumber),
    );
  }
  if (pointer.targetTitle) {
    const wanted = foldPrincipleText(pointer.targetTitle);
    return firstOf(
      sameFileFirst(stories).find((story) => foldPrincipleText(story.title).startsWith(wanted)),
      () => sameFileFirst(others).find((other) => foldPrincipleText(other.title).startsWith(wanted)),
    );
  }
  const sameFile = stories.filter((story) => story.file === pointer.file);
  if (pointer.targetDescription) {
    const inDirection = sameFile.filter((story) => (pointer.direction === "below" ? story.startLine > pointer.line : pointer.direction === "above" ? story.startLine < pointer.line : true));
    const described = bestDescribed(inDirection, pointer) ?? bestDescribed(sameFile, pointer);
    return described ? { story: described } : undefined;
  }
  // "See above", "Ditto": the nearest entry before the pointer in its file ("see below": the nearest after), story or pointer.
  const entries: Array<{ line: number; entry: Entry }> = [
    ...sameFile.map((story) => ({ line: story.startLine, entry: { story } })),
    ...others.filter((other) => other.file === pointer.file).map((other) => ({ line: other.line, entry: { pointer: other } })),
  ];
  const below = pointer.direction === "below";
  let nearest: { line: number; entry: Entry } | undefined;
  for (const candidate of entries) {
    if (below ? candidate.line <= pointer.line : candidate.line >= pointer.line) continue;
    if (!nearest || (below ? candidate.line < nearest.line : candidate.line > nearest.line)) nearest = candidate;
  }
  return nearest?.entry;
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
  // Two letters are enough for a name ("the CI story", "the QA one"); stopwords ("in", "we") are not names.
  return [...new Set(foldPrincipleText(text).split(/[^a-z0-9]+/).filter((word) => word.length >= 2 && !STOPWORDS.has(word)))];
}
