import { foldPrincipleText } from "../principles/index.js";
import { STOPWORDS } from "../text/stopwords.js";
import { firstWhere } from "./first-where.js";
import type { PointerDraft, StoryDraft } from "./story-draft.js";

/**
 * The story a pointer describes ("the failover story above"): the one whose title and text share the most of its
 * describing words (at least half of them, so a stray shared word does not pick a story); of those, one whose title
 * holds more of them ("the pricing story" is "Usage-Based Pricing Migration", not a retelling that mentions the
 * pricing), then the nearest, then the first. Stories are grouped once per file and per description by how many
 * words they share, so a bank of thousands of pointers with one description finds each target by binary search
 * instead of reading every story.
 */
export class DescribedStories {
  private readonly files = new Map<string, DescribedFile>();

  constructor(private readonly storiesByFile: ReadonlyMap<string, readonly StoryDraft[]>) {}

  /**
   * The described story in the pointer's file, above or below it when `direction` says so, and the next nearest
   * story the description fits as well (`alike`), if one does: the user should hear that the pointer could mean it.
   */
  best(pointer: PointerDraft, direction: "above" | "below" | null): { story: StoryDraft; alike?: StoryDraft } | undefined {
    const wanted = contentWords(pointer.targetDescription ?? "");
    const enough = Math.max(1, Math.ceil(wanted.length / 2));
    const file = this.fileOf(pointer.file);
    for (const level of file.levels(wanted, enough)) {
      const at = file.ordered ? nearestOnLines(level.lines, pointer.line, direction) : nearestByScan(level.lines, pointer.line, direction);
      if (at === undefined) continue;
      // Lines ascend in an ordered file: the next nearest in the allowed direction is a neighbour of `at`.
      const next = file.ordered ? nextInDirection(level.lines, at, pointer.line, direction) : undefined;
      const alike = next !== undefined && next >= 0 && next < level.indexes.length ? file.stories[level.indexes[next]!] : undefined;
      return { story: file.stories[level.indexes[at]!]!, alike };
    }
    return undefined;
  }

  private fileOf(name: string): DescribedFile {
    let file = this.files.get(name);
    if (!file) this.files.set(name, (file = new DescribedFile(this.storiesByFile.get(name) ?? [])));
    return file;
  }
}

/** Stories sharing the same number of a description's words, in file order, with their first lines. */
interface SharedLevel {
  indexes: number[];
  lines: number[];
}

/** One file's stories indexed by their describing words. */
class DescribedFile {
  private readonly postings = new Map<string, number[]>();
  private readonly titlePostings = new Map<string, number[]>();
  private readonly found = new Map<string, SharedLevel[]>();
  /** Whether the stories' first lines only grow in file order (they always do in a parsed file). */
  readonly ordered: boolean;

  constructor(readonly stories: readonly StoryDraft[]) {
    this.ordered = stories.every((story, index) => index === 0 || story.startLine >= stories[index - 1]!.startLine);
    stories.forEach((story, index) => {
      for (const word of contentWords(`${story.title} ${story.body}`)) listOf(this.postings, word).push(index);
      for (const word of contentWords(story.title)) listOf(this.titlePostings, word).push(index);
    });
  }

  /** Stories sharing at least `enough` of the words, most shared first; each description is grouped once. */
  levels(wanted: readonly string[], enough: number): SharedLevel[] {
    const key = wanted.join(" ");
    const cached = this.found.get(key);
    if (cached) return cached;
    const shared = new Map<number, number>();
    for (const word of wanted) for (const index of this.postings.get(word) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
    const inTitle = new Map<number, number>();
    for (const word of wanted) for (const index of this.titlePostings.get(word) ?? []) inTitle.set(index, (inTitle.get(index) ?? 0) + 1);
    // Ranked by words shared, then by words in the title: one number, as a title never holds more than all the words.
    const byCount = new Map<number, number[]>();
    for (const [index, count] of shared) if (count >= enough) listOf(byCount, count * (wanted.length + 1) + (inTitle.get(index) ?? 0)).push(index);
    const levels = [...byCount]
      .sort((a, b) => b[0] - a[0])
      .map(([, indexes]) => {
        indexes.sort((a, b) => a - b);
        return { indexes, lines: indexes.map((index) => this.stories[index]!.startLine) };
      });
    this.found.set(key, levels);
    return levels;
  }
}

/**
 * Of ascending `lines`, the position of the nearest to `line`: strictly above it, strictly below it, or either
 * (the nearer, the one above on a tie), and the first of equal lines; undefined when there is none.
 */
function nearestOnLines(lines: readonly number[], line: number, direction: "above" | "below" | null): number | undefined {
  const firstAfter = firstWhere(lines, (value) => value > line);
  const firstOf = (value: number) => firstWhere(lines, (other) => other >= value);
  if (direction === "below") return firstAfter < lines.length ? firstAfter : undefined;
  const lastUpTo = direction === "above" ? firstWhere(lines, (value) => value >= line) - 1 : firstAfter - 1;
  const before = lastUpTo >= 0 ? firstOf(lines[lastUpTo]!) : undefined;
  if (direction === "above") return before;
  const after = firstAfter < lines.length ? firstAfter : undefined;
  if (before === undefined || after === undefined) return before ?? after;
  return line - lines[before]! <= lines[after]! - line ? before : after;
}

/** Of ascending `lines`, where `at` is the nearest to `line` in `direction`, the position of the next nearest. */
function nextInDirection(lines: readonly number[], at: number, line: number, direction: "above" | "below" | null): number | undefined {
  if (direction === "above") return at - 1;
  if (direction === "below") return at + 1;
  const before = at - 1 >= 0 ? at - 1 : undefined;
  const after = at + 1 < lines.length ? at + 1 : undefined;
  if (before === undefined || after === undefined) return before ?? after;
  return line - lines[before]! <= lines[after]! - line ? before : after;
}

/** As nearestOnLines, for lines in any order: the first of the nearest, read one by one. */
function nearestByScan(lines: readonly number[], line: number, direction: "above" | "below" | null): number | undefined {
  let best: number | undefined;
  lines.forEach((value, at) => {
    if (direction === "below" ? value <= line : direction === "above" ? value >= line : false) return;
    if (best === undefined || Math.abs(value - line) < Math.abs(lines[best]! - line)) best = at;
  });
  return best;
}

function contentWords(text: string): string[] {
  // Two letters are enough for a name ("the CI story", "the QA one"); stopwords ("in", "we") are not names.
  return [...new Set(foldPrincipleText(text).split(/[^a-z0-9]+/).filter((word) => word.length >= 2 && !STOPWORDS.has(word)))];
}

function listOf<K, T>(map: Map<K, T[]>, key: K): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}
