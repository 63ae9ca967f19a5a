import { stem, type Token } from "./normalize-text.js";
import type { Taxonomy } from "./taxonomy.js";

// Joined forms that are ordinary phrases far more often than the compound: "over time the team grew" is not
// overtime, "for the first time" is not a first-time story, "I checked out the logs" is not a checkout.
const NOT_COMPOUNDS = new Set(["overtime", "firsttime", "checkout", "checkouts", "comeback", "longterm", "knowhow"]);
const LONGEST_COMPOUND = 3;
const SHORTEST_COMPOUND = 2;

const cache = new WeakMap<Taxonomy, ReadonlyMap<string, readonly string[]>>();

// The vocabulary families' words written as one word ("timezone", "screenreader", "abtest"), by their matching
// key, each to the stems the families list for it ("timezone", "timezon").
function compoundStems(taxonomy: Taxonomy): ReadonlyMap<string, readonly string[]> {
  let known = cache.get(taxonomy);
  if (!known) {
    const stems = new Map<string, string[]>();
    for (const family of taxonomy.families) {
      for (const word of family) {
        if (!/^[a-z]+$/.test(word) || NOT_COMPOUNDS.has(word)) continue;
        const key = matchingKey(word);
        const list = stems.get(key) ?? [];
        if (!list.includes(stem(word))) list.push(stem(word));
        stems.set(key, list);
      }
    }
    cache.set(taxonomy, (known = stems));
  }
  return known;
}

// Stemmed without a final "e", so "root causes" (rootcaus) meets "rootcause".
function matchingKey(word: string): string {
  const stemmed = stem(word);
  return stemmed.endsWith("e") ? stemmed.slice(0, -1) : stemmed;
}

/**
 * The longest vocabulary word that the words starting at `at` spell when written
 * together ("time zones", "screen reader", "A/B tests", "follow-the-sun",
 * "pushed back"), as a stem, or undefined: the families list compounds as one
 * word, and stories write them apart.
 */
export function compoundAt(text: string, tokens: readonly Token[], at: number, taxonomy: Taxonomy): string | undefined {
  const known = compoundStems(taxonomy);
  let joined = tokens[at]!.text;
  let firstStemmed = stem(joined);
  let longest: string | undefined;
  for (let next = at + 1; next < Math.min(tokens.length, at + LONGEST_COMPOUND); next++) {
    if (!onlySpacingBetween(text, tokens[next - 1]!, tokens[next]!) || !canJoin(text, tokens, next, at)) break;
    const word = tokens[next]!.text;
    joined += word;
    firstStemmed += word;
    if (next - at + 1 < SHORTEST_COMPOUND || !canEnd(text, tokens, next)) continue;
    for (const candidate of [joined, firstStemmed]) {
      const listed = known.get(matchingKey(candidate));
      // The stem the word would have written as one word, when the families list it: "time zone" meets "timezone".
      if (listed) longest = listed.includes(stem(candidate)) ? stem(candidate) : listed[0];
      if (listed) break;
    }
  }
  return longest;
}

// One letter joins only across a slash, and what follows such a pair ("A/B tests", not "so a" or "cause S:"); a
// two-letter word ends a compound only when it is "up" ("sign up", "clean up", not "exam in" or "integration at").
function canJoin(text: string, tokens: readonly Token[], next: number, at: number): boolean {
  const left = tokens[next - 1]!;
  const right = tokens[next]!;
  if (text.slice(left.end, right.start) === "/") return true;
  if (right.text.length === 1) return false;
  return left.text.length > 1 || (next - 1 > at && text.slice(tokens[next - 2]!.end, left.start) === "/");
}

function canEnd(text: string, tokens: readonly Token[], last: number): boolean {
  const word = tokens[last]!.text;
  return word.length !== 2 || word === "up" || text.slice(tokens[last - 1]!.end, tokens[last]!.start) === "/";
}

// Written apart means a space, a hyphen or a slash between the two words, nothing else ("A/B", "follow-the-sun").
function onlySpacingBetween(text: string, left: Token, right: Token): boolean {
  if (left.end === right.start && left.start === right.start) return false;
  const between = text.slice(left.end, right.start);
  return between.length > 0 && between.length <= 3 && /^[\s\-/]+$/.test(between);
}
