// Chinese and Japanese run words together without spaces: each character counts as a word, as word processors count them.
const CHARACTER_WORD = "[\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}]";
const WORD = new RegExp(`${CHARACTER_WORD}|(?:(?!${CHARACTER_WORD})[\\p{L}\\p{N}])(?:(?!${CHARACTER_WORD})[\\p{L}\\p{N}'’.-])*`, "gu");
const CHARACTERS = new RegExp(CHARACTER_WORD, "gu");

/**
 * Words in a text: runs of letters or digits, with the apostrophes, points
 * and hyphens inside them; in Chinese and Japanese script, each character.
 */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** The words of a text (as `countWords` counts them) split by script: Chinese and Japanese characters, and the rest. */
export function countWordsByScript(text: string): { characters: number; words: number } {
  const characters = text.match(CHARACTERS)?.length ?? 0;
  return { characters, words: countWords(text) - characters };
}
