import { ruledOut, wordMatches } from "./match-cues.js";
import { isContentWord, stem, tokenize } from "./normalize-text.js";
import { loadTaxonomy, type Cue } from "./taxonomy.js";

/** Appended to a word used in another sense than the taxonomy's cue ("failed" in "the export failed"). */
export const OTHER_SENSE = "~";

let senseCues: Cue[] | undefined;

// One-word competency cues with sense rules: the words whose sense matters to matching.
function cuesWithSenses(): Cue[] {
  if (senseCues) return senseCues;
  senseCues = loadTaxonomy().competencies.flatMap((competency) => competency.cues.filter((cue) => cue.pattern.length === 1 && cue.unless.length > 0));
  return senseCues;
}

/**
 * A text's content words, stemmed, as lexical matching and the local
 * embedder compare them, with a word the taxonomy's sense rules rule out
 * marked as another term: "the nightly export failed" does not meet "a time
 * you failed", but "tests failed" meets "the build failed".
 */
export function senseTaggedTerms(text: string, skip: ReadonlySet<string>): string[] {
  const words = tokenize(text).map((token) => token.text);
  const cues = cuesWithSenses();
  const terms: string[] = [];
  for (let at = 0; at < words.length; at++) {
    const word = words[at]!;
    if (!isContentWord(word, skip)) continue;
    const otherSense = cues.some((cue) => wordMatches(cue.pattern[0]!, word) && ruledOut(cue, words, at));
    terms.push(otherSense ? `${stem(word)}${OTHER_SENSE}` : stem(word));
  }
  return terms;
}
