import { foldPrincipleText } from "../principles/index.js";
import { DescribedStories } from "./described-stories.js";
import { firstWhere } from "./first-where.js";
import type { PointerDraft, StoryDraft } from "./story-draft.js";

/** An entry a pointer can name: a story, or another pointer ("Same answer as Q3" where Q3 says "Same as above"). */
export type PointerEntry = { story: StoryDraft; pointer?: undefined; alike?: StoryDraft } | { pointer: PointerDraft; story?: undefined; alike?: undefined };

/**
 * Finds what a pointer entry names: by heading number or title (a story first, then another pointer; same file
 * first, then bank order), by describing words, or the nearest entry above or below it. Everything is indexed once,
 * so a bank of 100,000 "Same as above" entries resolves in linear time (each pointer scanned every entry before).
 */
export class PointerTargets {
  private readonly storiesByNumber = new Map<number, FirstMatches<StoryDraft>>();
  private readonly pointersByNumber = new Map<number, FirstMatches<PointerDraft>>();
  private readonly storyTitles: TitlePrefixes<StoryDraft>;
  private readonly pointerTitles: TitlePrefixes<PointerDraft>;
  private readonly entriesByFile = new Map<string, LinedEntry[]>();
  private readonly storiesByFile = new Map<string, StoryDraft[]>();
  private readonly described: DescribedStories;
  private readonly sectionStories = new Map<string, StoryDraft[]>();

  constructor(stories: readonly StoryDraft[], pointers: readonly PointerDraft[]) {
    for (const story of stories) {
      if (story.number !== null) firstMatchesOf(this.storiesByNumber, story.number).add(story);
      listOf(this.storiesByFile, story.file).push(story);
      listOf(this.entriesByFile, story.file).push({ line: story.startLine, entry: { story } });
    }
    for (const pointer of pointers) {
      if (pointer.number !== null) firstMatchesOf(this.pointersByNumber, pointer.number).add(pointer);
      listOf(this.entriesByFile, pointer.file).push({ line: pointer.line, entry: { pointer } });
    }
    // Stable: on one line, stories before pointers and each in bank order, as the nearest entry was picked before.
    for (const entries of this.entriesByFile.values()) entries.sort((a, b) => a.line - b.line);
    this.storyTitles = new TitlePrefixes(stories);
    this.pointerTitles = new TitlePrefixes(pointers);
    this.described = new DescribedStories(this.storiesByFile);
  }

  /** The entry a pointer names, or undefined when there is none. */
  find(pointer: PointerDraft): PointerEntry | undefined {
    // A story answers first; a pointer of that number or title (never the pointer itself) is followed on.
    const firstOf = (story: StoryDraft | undefined, onward: () => PointerDraft | undefined): PointerEntry | undefined => {
      if (story) return { story };
      const next = onward();
      return next ? { pointer: next } : undefined;
    };
    if (pointer.targetNumber !== null) {
      const number = pointer.targetNumber;
      return firstOf(this.storiesByNumber.get(number)?.first(pointer.file), () => this.pointersByNumber.get(number)?.first(pointer.file, pointer));
    }
    if (pointer.targetTitle) {
      const wanted = foldPrincipleText(pointer.targetTitle);
      return firstOf(this.storyTitles.startingWith(wanted).first(pointer.file), () => this.pointerTitles.startingWith(wanted).first(pointer.file, pointer));
    }
    if (pointer.targetSection) {
      const filed = this.storiesInSection(pointer);
      return filed.length === 1 ? { story: filed[0]! } : undefined;
    }
    if (pointer.targetDescription) {
      // In the direction it names, else anywhere in its file.
      return this.described.best(pointer, pointer.direction) ?? this.described.best(pointer, null);
    }
    // "See above", "Ditto": the nearest entry before the pointer in its file ("see below": the nearest after), story or pointer.
    return nearestEntry(this.entriesByFile.get(pointer.file) ?? [], pointer.line, pointer.direction === "below");
  }

  /** The stories of the pointer's file filed under a principle its section reference names, in file order. */
  storiesInSection(pointer: PointerDraft): StoryDraft[] {
    const named = pointer.targetSection ?? [];
    // Each file and section is read once: a bank of thousands of "See Dive Deep." entries stays linear.
    const key = `${pointer.file}\u0000${named.join("\u0000")}`;
    let filed = this.sectionStories.get(key);
    if (!filed) this.sectionStories.set(key, (filed = (this.storiesByFile.get(pointer.file) ?? []).filter((story) => story.principles.some((principle) => named.includes(principle)))));
    return filed;
  }
}

/** The first two entries with one key, overall and in each file, in bank order: enough for "same file first, never itself". */
class FirstMatches<T extends { file: string }> {
  private readonly overall: T[] = [];
  private readonly byFile = new Map<string, T[]>();

  /** Adds an entry; entries must come in bank order. */
  add(entry: T): void {
    if (this.overall.length < 2) this.overall.push(entry);
    const inFile = listOf(this.byFile, entry.file);
    if (inFile.length < 2) inFile.push(entry);
  }

  /** The first entry in `file`, else the first in another file; never `except`. */
  first(file: string, except?: T): T | undefined {
    // Only `except` can come before another match in its own file, so when none is left there, at most one of the first two is in it.
    return this.byFile.get(file)?.find((entry) => entry !== except) ?? this.overall.find((entry) => entry.file !== file);
  }
}

/** Entries by folded title, sorted, so the titles that start with some words are one range found by binary search. */
class TitlePrefixes<T extends { file: string; title: string }> {
  private readonly sorted: Array<{ folded: string; order: number; entry: T }>;
  private readonly found = new Map<string, FirstMatches<T>>();

  constructor(entries: readonly T[]) {
    this.sorted = entries.map((entry, order) => ({ folded: foldPrincipleText(entry.title), order, entry }));
    this.sorted.sort((a, b) => (a.folded < b.folded ? -1 : a.folded > b.folded ? 1 : a.order - b.order));
  }

  /** The entries whose folded title starts with `wanted`; each wanted text is looked up once. */
  startingWith(wanted: string): FirstMatches<T> {
    const cached = this.found.get(wanted);
    if (cached) return cached;
    const range: Array<{ order: number; entry: T }> = [];
    for (let at = firstWhere(this.sorted, (item) => item.folded >= wanted); at < this.sorted.length && this.sorted[at]!.folded.startsWith(wanted); at++) range.push(this.sorted[at]!);
    const matches = new FirstMatches<T>();
    for (const { entry } of range.sort((a, b) => a.order - b.order)) matches.add(entry);
    this.found.set(wanted, matches);
    return matches;
  }
}

interface LinedEntry {
  line: number;
  entry: PointerEntry;
}

/** The entry on the nearest line before `line` (after it, `below`), the first listed on that line; `entries` sorted by line. */
function nearestEntry(entries: readonly LinedEntry[], line: number, below: boolean): PointerEntry | undefined {
  if (below) return entries[firstWhere(entries, (entry) => entry.line > line)]?.entry;
  const lastBefore = firstWhere(entries, (entry) => entry.line >= line) - 1;
  if (lastBefore < 0) return undefined;
  // The first entry on the nearest line above (a JSON file puts every entry on line 1).
  const nearestLine = entries[lastBefore]!.line;
  return entries[firstWhere(entries, (entry) => entry.line >= nearestLine)]!.entry;
}

function listOf<K, T>(map: Map<K, T[]>, key: K): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

function firstMatchesOf<T extends { file: string }>(map: Map<number, FirstMatches<T>>, key: number): FirstMatches<T> {
  let matches = map.get(key);
  if (!matches) map.set(key, (matches = new FirstMatches<T>()));
  return matches;
}
