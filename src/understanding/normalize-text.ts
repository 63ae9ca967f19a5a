import { STOPWORDS } from "../text/stopwords.js";

/** A word of a text in its matching form, with where it sits in the original text. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

const CONTRACTIONS: Array<[RegExp, string]> = [
  [/\bwon['’]t\b/gi, "will not"],
  [/\bcan['’]t\b/gi, "can not"],
  [/\bshan['’]t\b/gi, "shall not"],
  [/n['’]t\b/gi, " not"],
  [/['’]re\b/gi, " are"],
  [/['’]ve\b/gi, " have"],
  [/['’]ll\b/gi, " will"],
  [/\bi['’]m\b/gi, "i am"],
  [/['’]d\b/gi, " would"],
  [/['’]s\b/gi, ""],
];

// Questions speak to "you"; stories speak as "I". Matching meets in the first person.
const SECOND_TO_FIRST = new Map([["you", "i"], ["your", "my"], ["yours", "mine"], ["yourself", "myself"]]);
// ...and its verb with it: "you were wrong" meets "I was wrong".
const VERB_AFTER_YOU = new Map([["were", "was"], ["are", "am"]]);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?|\$|%/gu;

/**
 * Lower-cased words of a text for cue matching: contractions expanded,
 * second person turned into first, with offsets into the original text.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // The word before, as expanded ("you're" -> "you", "are"), reset at a sentence break: "Thank you. Were..." is not "you were".
  let previousWord = "";
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const raw = match[0].toLowerCase();
    const end = start + raw.length;
    if (hasSentenceBreak(text, previousEnd, start)) previousWord = "";
    // Most words have no apostrophe, and this runs for every word of a bank: skip the contraction patterns for them.
    const words = raw.includes("'") || raw.includes("’") ? expandContractions(raw) : [raw];
    for (const word of words) {
      const form = (previousWord === "you" ? VERB_AFTER_YOU.get(word) : undefined) ?? SECOND_TO_FIRST.get(word) ?? word.replace(/['’]/g, "");
      tokens.push({ text: form, start, end });
      previousWord = word;
    }
    previousEnd = end;
  }
  return tokens;
}

function expandContractions(raw: string): string[] {
  let expanded = raw;
  for (const [pattern, replacement] of CONTRACTIONS) expanded = expanded.replace(pattern, replacement);
  return expanded.split(/\s+/).filter(Boolean);
}

function hasSentenceBreak(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    // . ! ? ; :
    if (code === 46 || code === 33 || code === 63 || code === 59 || code === 58) return true;
  }
  return false;
}

// Words repeat across a bank and every story is read several times: stem each word once.
const stems = new Map<string, string>();
const MAXIMUM_REMEMBERED_STEMS = 100_000;

/** Light suffix stripping so "migrated", "migrating" and "migrates" meet; used for lexical matching. */
export function stem(word: string): string {
  let result = stems.get(word);
  if (result === undefined) {
    if (stems.size >= MAXIMUM_REMEMBERED_STEMS) stems.clear();
    result = stripSuffix(word);
    stems.set(word, result);
  }
  return result;
}

// Nouns that suffix stripping would merge with a verb or word of another meaning: a "meeting" is not "meet" (a goal
// you did not meet), a "manager" is not "managed" (self-managed MySQL), a "customer" is not "custom" (custom tooling).
const OWN_STEMS = new Map([
  ["meeting", "meeting"],
  ["meetings", "meeting"],
  ["manager", "manager"],
  ["managers", "manager"],
  ["customer", "customer"],
  ["customers", "customer"],
]);

function stripSuffix(word: string): string {
  const own = OWN_STEMS.get(word);
  if (own) return own;
  if (word.length <= 4 || /^\d/.test(word)) return word;
  if (word.endsWith("ies") && word.length > 5) return `${word.slice(0, -3)}y`;
  for (const suffix of ["ingly", "ations", "ation", "ments", "ment", "ings", "ing", "edly", "ed", "ers", "er", "es", "s", "ly"]) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length);
  }
  return word;
}

/** Whether a word is a content word: not a stop word, not one of `skip` (interview template words), not one letter. */
export function isContentWord(word: string, skip: ReadonlySet<string>): boolean {
  return !STOPWORDS.has(word) && !skip.has(word) && word.length > 1;
}

/** Content words of a text, stemmed, without stop words or interview template words: what lexical matching compares. */
export function lexicalTerms(text: string, skip: ReadonlySet<string>): string[] {
  return tokenize(text)
    .map((token) => token.text)
    .filter((word) => isContentWord(word, skip))
    .map(stem);
}
