import { foldFigures } from "./figure-characters.js";
import { FIGURE, parseFigure, sameFigure, textAfter, type ParsedFigure } from "./figure-units.js";
import { parseSpelled, SPELLED } from "./spelled-figures.js";
import { scriptsIn } from "./uncased-names.js";

// Words as the candidate wrote them, without punctuation at either end ("‘Priya’" is "priya").
const WORD = /[\p{L}\p{N}]+(?:[&'’-][\p{L}\p{N}]+)*/gu;
const CAPITALISED = /^\p{Lu}/u;

/** A word as it is looked up: lower case, straight apostrophe, no possessive ("O’Brien's" is "o'brien"). */
export function wordKey(word: string): string {
  return word.toLowerCase().replace(/’/g, "'").replace(/'s$/, "");
}

/** One source's figures by value, its words, the words it writes capitalised, and the scripts without capitals it writes in. */
class SourceIndex {
  readonly figures = new Map<string, ParsedFigure[]>();
  readonly words = new Set<string>();
  readonly capitalised = new Set<string>();
  readonly scripts: Set<string>;
  readonly text: string;

  constructor(source: string) {
    this.text = source.toLowerCase().replace(/\s+/g, " ");
    // Figures in any script's digits ("５０%") are read as the model's are.
    const folded = foldFigures(source);
    for (const match of folded.matchAll(FIGURE)) this.add(parseFigure(match[0], textAfter(folded, match.index + match[0].length)));
    for (const match of source.matchAll(SPELLED)) {
      const figure = parseSpelled(match[0], textAfter(source, match.index + match[0].length));
      if (figure) this.add(figure);
    }
    this.scripts = scriptsIn(source);
    for (const [word] of source.matchAll(WORD)) {
      this.words.add(wordKey(word));
      if (CAPITALISED.test(word)) this.capitalised.add(wordKey(word));
    }
  }

  private add(figure: ParsedFigure): void {
    const known = this.figures.get(figure.value);
    if (known) known.push(figure);
    else this.figures.set(figure.value, [figure]);
  }
}

// A bank is the same string from one streamed sentence to the next: each source is indexed once and kept a while.
const RECENT_SOURCES = 256;
const indexes = new Map<string, SourceIndex>();

function indexOf(source: string): SourceIndex {
  let index = indexes.get(source);
  if (index) {
    indexes.delete(source);
  } else {
    index = new SourceIndex(source);
    if (indexes.size >= RECENT_SOURCES) indexes.delete(indexes.keys().next().value!);
  }
  indexes.set(source, index);
  return index;
}

/** What the candidate wrote (answer, bank, messages), as the no-invention check looks things up in it. */
export class CandidateText {
  private readonly sources: SourceIndex[];

  constructor(sources: readonly string[]) {
    this.sources = sources.map(indexOf);
  }

  /** Whether the candidate wrote this figure, in digits or words: same value, money and unit (`sameFigure`). */
  hasFigure(figure: ParsedFigure): boolean {
    return this.sources.some((source) => (source.figures.get(figure.value) ?? []).some((known) => sameFigure(figure, known)));
  }

  /** Whether the candidate wrote anything in this script (a key from `scriptsIn`). */
  writesScript(script: string): boolean {
    return this.sources.some((source) => source.scripts.has(script));
  }

  /** Whether the candidate wrote this word, as a whole word ("Ann" is not in "annual"), capitalised when `capitalised`. */
  hasWord(word: string, options: { capitalised?: boolean } = {}): boolean {
    const key = wordKey(word);
    return this.sources.some((source) => (options.capitalised ? source.capitalised : source.words).has(key));
  }

  /** Whether the candidate wrote this phrase ("three months"), whatever its case and spacing. */
  hasPhrase(phrase: string): boolean {
    const wanted = phrase.toLowerCase().replace(/\s+/g, " ");
    return this.sources.some((source) => source.text.includes(wanted));
  }
}
