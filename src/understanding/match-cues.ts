import type { Cue } from "./taxonomy.js";
import type { Token } from "./normalize-text.js";
import { splitSentences } from "../text/sentences.js";

/** Where a cue matched: token positions [from, to). */
export interface CueMatch {
  cue: Cue;
  from: number;
  to: number;
}

// Words either side of a cue in which an exception rules it out, within the cue's own sentence: "Engineer retention
// rose. Customer retention followed." keeps the first "retention" a team's.
const UNLESS_WINDOW = 6;

/**
 * Whether one word of a cue pattern ("lead*", "faster", "*", or forms listed
 * with "|": "intern|interns|internship|internships") matches a word.
 */
export function wordMatches(pattern: string, word: string): boolean {
  for (const form of formsOf(pattern)) if (form.any || (form.prefix ? word.startsWith(form.text) : form.text === word)) return true;
  return false;
}

interface Form {
  any: boolean;
  prefix: boolean;
  /** The form without its trailing "*". */
  text: string;
}

// Cue words are read on every match of every question and story: each pattern is split and read once.
const forms = new Map<string, Form[]>();
function formsOf(pattern: string): Form[] {
  let known = forms.get(pattern);
  if (!known) {
    known = pattern.split("|").map((form) => ({ any: form === "*", prefix: form.endsWith("*"), text: form.endsWith("*") ? form.slice(0, -1) : form }));
    forms.set(pattern, known);
  }
  return known;
}

function matchesAt(pattern: string[], words: readonly string[], at: number): boolean {
  if (at + pattern.length > words.length) return false;
  for (let k = 0; k < pattern.length; k++) if (!wordMatches(pattern[k]!, words[at + k]!)) return false;
  return true;
}

/** Cues compiled for fast scanning: literal first words in a map, wildcard ones in a list. */
export class CueScanner {
  private readonly byFirstWord = new Map<string, Cue[]>();
  // Prefix cues ("fail*") filed under their first two letters, so each word checks only a handful.
  private readonly byPrefixStart = new Map<string, Cue[]>();
  private readonly anyFirst: Cue[] = [];

  constructor(cues: readonly Cue[]) {
    for (const cue of cues) {
      const forms = cue.pattern[0]!.split("|");
      if (forms.some((form) => form === "*" || (form.endsWith("*") && form.length < 3))) this.anyFirst.push(cue);
      // A word is looked up once under its own text and once under its first two letters: a cue with a
      // prefix among its forms is filed under first letters only, so no word finds it twice.
      else if (forms.some((form) => form.endsWith("*"))) for (const start of new Set(forms.map((form) => form.slice(0, 2)))) file(this.byPrefixStart, start, cue);
      else for (const form of new Set(forms)) file(this.byFirstWord, form, cue);
    }
  }

  /**
   * Every place a cue matches, skipping matches whose sense the nearby words of its sentence rule out. `text` is
   * what `tokens` were read from (their offsets point into it): its sentences bound the exceptions' window.
   */
  scan(tokens: readonly Token[], text: string): CueMatch[] {
    const words = tokens.map((token) => token.text);
    let sentences: TokenSentences | undefined;
    const matches: CueMatch[] = [];
    for (let at = 0; at < words.length; at++) {
      const word = words[at]!;
      // Cues filed under the word, then under its first letters, then those any word may start.
      for (const candidates of [this.byFirstWord.get(word), this.byPrefixStart.get(word.slice(0, 2)), this.anyFirst]) {
        if (!candidates) continue;
        for (const cue of candidates) {
          if (!matchesAt(cue.pattern, words, at)) continue;
          if (cue.unless.length > 0 && ruledOut(cue, words, at, (sentences ??= tokenSentences(tokens, text)))) continue;
          matches.push({ cue, from: at, to: at + cue.pattern.length });
        }
      }
    }
    return matches;
  }
}

function file(map: Map<string, Cue[]>, key: string, cue: Cue): void {
  map.set(key, [...(map.get(key) ?? []), cue]);
}

/** For each token, the first token of its sentence and the token after its sentence's last. */
interface TokenSentences {
  first: number[];
  end: number[];
}

// Sentences as `splitSentences` reads them: ".", "!", "?" and a line break end one, but not "e.g.", "3.5" or a line
// break inside hard-wrapped prose. A token belongs to the first sentence that ends after it starts.
function tokenSentences(tokens: readonly Token[], text: string): TokenSentences {
  const spans = splitSentences(text);
  const sentence = new Array<number>(tokens.length);
  let span = 0;
  for (let index = 0; index < tokens.length; index++) {
    while (span < spans.length - 1 && tokens[index]!.start >= spans[span]!.end) span++;
    sentence[index] = span;
  }
  const first = new Array<number>(tokens.length);
  const end = new Array<number>(tokens.length);
  for (let opened = 0; opened < tokens.length; ) {
    let closed = opened + 1;
    while (closed < tokens.length && sentence[closed] === sentence[opened]) closed++;
    for (let k = opened; k < closed; k++) {
      first[k] = opened;
      end[k] = closed;
    }
    opened = closed;
  }
  return { first, end };
}

/**
 * Whether the words near a cue's match at `at` rule out its sense ("fail" beside "tests": a system failing, not the
 * speaker): an exception within UNLESS_WINDOW words either side and wholly inside the cue's sentence.
 */
function ruledOut(cue: Cue, words: readonly string[], at: number, sentences: TokenSentences): boolean {
  const sentenceFirst = sentences.first[at]!;
  const sentenceEnd = sentences.end[at]!;
  const from = Math.max(sentenceFirst, at - UNLESS_WINDOW);
  const to = Math.min(sentenceEnd, at + cue.pattern.length + UNLESS_WINDOW);
  for (let position = from; position < to; position++) {
    for (const other of cue.unless) if (position + other.length <= sentenceEnd && matchesAt(other, words, position)) return true;
  }
  return false;
}
