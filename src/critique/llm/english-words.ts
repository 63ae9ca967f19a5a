import { readFileSync } from "node:fs";
import path from "node:path";
import { PACKAGE_ROOT } from "../../package-root.js";

/** Lower-case English words (SCOWL), one per line; see corpus/lexicon/README.md. */
export const ENGLISH_WORDS_FILE = path.join(PACKAGE_ROOT, "corpus", "lexicon", "english-words.txt");

let words: Set<string> | undefined;

/**
 * Whether a word, whatever its case, is an ordinary English word ("Rehearse",
 * "follow-up"); names are not in the list ("Kowalski", "Priya").
 */
export function isEnglishWord(word: string): boolean {
  // Loaded on first use: only a configured language model's replies are checked.
  words ??= new Set(readFileSync(ENGLISH_WORDS_FILE, "utf8").split("\n"));
  const parts = word.toLowerCase().split("-");
  return parts.every((part) => part !== "" && words!.has(part));
}
