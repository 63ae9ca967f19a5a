import { STOPWORDS } from "../text/stopwords.js";
import { stem, tokenize } from "./normalize-text.js";
import type { Taxonomy } from "./taxonomy.js";

// Words that carry meaning in interview questions even though they are stop words elsewhere.
const KEEP = new Set(["not", "no", "wrong", "own", "other", "new", "first", "most", "too", "without", "against", "more", "less", "fast", "slow", "time", "team", "need", "used"]);

/** Features of a question for the learned classifier: stemmed words, word pairs, and vocabulary-family ids. */
export function questionFeatures(text: string, taxonomy: Taxonomy, familyOf: ReadonlyMap<string, string>): string[] {
  const words = tokenize(text)
    .map((token) => token.text)
    .filter((word) => (KEEP.has(word) || !STOPWORDS.has(word)) && !taxonomy.templateWords.has(word))
    .map(stem);
  const features: string[] = [];
  words.forEach((word, position) => {
    features.push(`w:${word}`);
    const family = familyOf.get(word);
    if (family) features.push(`f:${family}`);
    const next = words[position + 1];
    if (next) features.push(`b:${word}_${next}`);
  });
  return features;
}

/** Maps each stemmed family word to its family's first word. */
export function familyIndex(taxonomy: Taxonomy): Map<string, string> {
  const index = new Map<string, string>();
  for (const family of taxonomy.families) {
    const head = stem(family[0]!);
    for (const word of family) if (!index.has(stem(word))) index.set(stem(word), head);
  }
  return index;
}
