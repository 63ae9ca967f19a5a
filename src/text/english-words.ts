import { readFileSync } from "node:fs";
import path from "node:path";
import { PACKAGE_ROOT } from "../package-root.js";

/** Lower-case English words (SCOWL), one per line; see corpus/lexicon/README.md. */
const ENGLISH_WORDS_FILE = path.join(PACKAGE_ROOT, "corpus", "lexicon", "english-words.txt");
/** English words that are also proper names ("will", "walker"), one per line; see corpus/lexicon/README.md. */
const NAME_WORDS_FILE = path.join(PACKAGE_ROOT, "corpus", "lexicon", "name-words.txt");

// Endings and prefixes the list does not spell out for every word ("reframe", "onboarding", "rethinking").
const SUFFIXES = ["ing", "ed", "es", "s", "er", "ers", "ly", "d"];
const PREFIXES = ["re", "un", "pre", "co", "de", "dis", "mis", "non", "over", "under", "out", "sub", "super", "multi", "cross", "self", "on", "up", "down"];
const CONTRACTION = /(?:n't|'re|'ll|'ve|'d|'s|'m)$/;

let words: Set<string> | undefined;
let nameWords: Set<string> | undefined;

function listed(word: string): boolean {
  // Loaded on first use: only a model's replies and questions that look foreign are checked.
  words ??= new Set(readFileSync(ENGLISH_WORDS_FILE, "utf8").split("\n"));
  return words.has(word);
}

/** A listed word, or one with a common ending ("rethinking" from "rethink", "reframing" from "reframe"). */
function inflected(word: string): boolean {
  if (listed(word)) return true;
  return SUFFIXES.some((suffix) => word.length > suffix.length + 2 && word.endsWith(suffix) && [word.slice(0, -suffix.length), `${word.slice(0, -suffix.length)}e`].some(listed));
}

/**
 * Whether a word, whatever its case, is an ordinary English word: listed,
 * inflected, prefixed ("Reframe", "Onboarding"), contracted ("Don't",
 * "Here's") or hyphenated from such words ("Follow-up"). Names are not
 * ("Kowalski", "Priya").
 */
export function isEnglishWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/’/g, "'");
  const bare = lower.replace(CONTRACTION, "") || lower;
  return bare.split("-").every((part) => part !== "" && (inflected(part) || PREFIXES.some((prefix) => part.length > prefix.length + 2 && part.startsWith(prefix) && inflected(part.slice(prefix.length)))));
}

/** Whether an English word is also a proper name ("Will", "Walker", "Chase"): a candidate's lower-case "will" is no source for it. */
export function isNameWord(word: string): boolean {
  nameWords ??= new Set(readFileSync(NAME_WORDS_FILE, "utf8").split("\n"));
  return nameWords.has(word.toLowerCase());
}
