import { FIGURE, parseFigure, sameFigure, type ParsedFigure } from "./figure-units.js";

// Words as the candidate wrote them, without punctuation at either end ("‘Priya’" is "priya").
const WORD = /[\p{L}\p{N}]+(?:[&'’-][\p{L}\p{N}]+)*/gu;

/** A word as it is looked up: lower case, straight apostrophe, no possessive ("O’Brien's" is "o'brien"). */
export function wordKey(word: string): string {
  return word.toLowerCase().replace(/’/g, "'").replace(/'s$/, "");
}

/**
 * What the candidate wrote (answer, bank, messages), indexed once for the
 * no-invention check: the figures by number, and the words.
 */
export class CandidateText {
  private readonly figures = new Map<string, ParsedFigure[]>();
  private readonly words = new Set<string>();

  constructor(sources: readonly string[]) {
    for (const source of sources) {
      for (const match of source.matchAll(FIGURE)) {
        const figure = parseFigure(match[0]);
        this.figures.set(figure.number, [...(this.figures.get(figure.number) ?? []), figure]);
      }
      for (const match of source.matchAll(WORD)) this.words.add(wordKey(match[0]));
    }
  }

  /** Whether the candidate wrote this figure: same number, sign and unit. */
  hasFigure(figure: ParsedFigure): boolean {
    return (this.figures.get(figure.number) ?? []).some((source) => sameFigure(figure, source));
  }

  /** Whether the candidate wrote this word, as a whole word ("Ann" is not in "annual"). */
  hasWord(word: string): boolean {
    return this.words.has(wordKey(word));
  }
}
