import { stem, type Token } from "./normalize-text.js";
import type { Taxonomy } from "./taxonomy.js";

// Joined forms that are ordinary phrases far more often than the compound: "over time the team grew" is not
// overtime, "for the first time" is not a first-time story, "I checked out the logs" is not a checkout, "get the
// team on board" is no onboarding, "in sight" no insight, "up front" no upfront cost.
const NOT_COMPOUNDS = new Set(["overtime", "firsttime", "checkout", "checkouts", "comeback", "longterm", "knowhow", "onboard", "insight", "upfront"]);
const LONGEST_COMPOUND = 3;

/** The vocabulary families' words written as one word ("timezone", "screenreader", "abtest"), and what can start one. */
interface CompoundVocabulary {
  words: ReadonlySet<string>;
  /** Every beginning of such a word: a run whose first word begins none is passed by at once. */
  beginnings: ReadonlySet<string>;
}

const cache = new WeakMap<Taxonomy, CompoundVocabulary>();

function compoundVocabulary(taxonomy: Taxonomy): CompoundVocabulary {
  let known = cache.get(taxonomy);
  if (!known) {
    const words = new Set<string>();
    const beginnings = new Set<string>();
    for (const family of taxonomy.families) {
      for (const word of family) {
        if (!/^[a-z]+$/.test(word) || NOT_COMPOUNDS.has(word)) continue;
        words.add(word);
        for (let end = 1; end < word.length; end++) beginnings.add(word.slice(0, end));
      }
    }
    cache.set(taxonomy, (known = { words, beginnings }));
  }
  return known;
}

/**
 * The stem of the longest vocabulary word that the words starting at `at`
 * spell when written together ("time zones", "screen reader", "A/B tests",
 * "follow-the-sun", "pushed back", "root causes"), or undefined: the families
 * list compounds as one word, and stories write them apart. The words are
 * read as written (not "your" turned "my"), and each joined form must be a
 * listed word as it is, less a plural "s", or with its first word stemmed.
 */
export function compoundAt(text: string, tokens: readonly Token[], at: number, taxonomy: Taxonomy): string | undefined {
  const vocabulary = compoundVocabulary(taxonomy);
  const first = written(text, tokens, at);
  // Most words begin no compound: this is every word of a bank.
  if (first === undefined) return undefined;
  let firstStemmed = stem(first);
  if (!vocabulary.beginnings.has(first) && !vocabulary.beginnings.has(firstStemmed)) return undefined;
  let joined = first;
  let longest: string | undefined;
  for (let next = at + 1; next < Math.min(tokens.length, at + LONGEST_COMPOUND); next++) {
    const word = written(text, tokens, next);
    if (word === undefined || !writtenApart(text, tokens[next - 1]!, tokens[next]!) || !canJoin(text, tokens, next, at)) break;
    joined += word;
    firstStemmed += word;
    if (!canEnd(text, tokens, next)) continue;
    const found = [joined, firstStemmed, withoutPlural(joined), withoutPlural(firstStemmed)].find((candidate) => candidate !== undefined && vocabulary.words.has(candidate));
    if (found) longest = stem(found);
  }
  return longest;
}

// A token as the text writes it, lower-cased: undefined for a word a contraction made ("can't" gives "can", "not").
function written(text: string, tokens: readonly Token[], at: number): string | undefined {
  const token = tokens[at]!;
  if ((at > 0 && tokens[at - 1]!.start === token.start) || (at + 1 < tokens.length && tokens[at + 1]!.start === token.start)) return undefined;
  return text.slice(token.start, token.end).toLowerCase();
}

function withoutPlural(word: string): string | undefined {
  return word.endsWith("s") ? word.slice(0, -1) : undefined;
}

// One letter joins only across a slash, and what follows such a pair ("A/B tests", not "so a" or "cause S:").
function canJoin(text: string, tokens: readonly Token[], next: number, at: number): boolean {
  const left = tokens[next - 1]!;
  const right = tokens[next]!;
  if (text.slice(left.end, right.start) === "/") return true;
  if (right.end - right.start === 1) return false;
  return left.end - left.start > 1 || (next - 1 > at && text.slice(tokens[next - 2]!.end, left.start) === "/");
}

// A two-letter word ends a compound only when it is "up" ("sign up", "clean up", not "exam in" or "integration at").
function canEnd(text: string, tokens: readonly Token[], last: number): boolean {
  const word = text.slice(tokens[last]!.start, tokens[last]!.end).toLowerCase();
  return word.length !== 2 || word === "up" || text.slice(tokens[last - 1]!.end, tokens[last]!.start) === "/";
}

// Written apart means one space, a hyphen or a slash between the two words, nothing else: not a line break, a list
// bullet or a spaced dash ("- Root\n- Cause analysis", "time - zone").
function writtenApart(text: string, left: Token, right: Token): boolean {
  const between = text.slice(left.end, right.start);
  return between === " " || between === "-" || between === "/";
}
