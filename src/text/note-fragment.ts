import { IRREGULAR_PAST_FORMS } from "./irregular-past.js";
import { stripBlockMarkers } from "./markdown-inline-to-plain.js";
import { splitSentences } from "./sentences.js";

// Words that make a line a told sentence rather than a jotted topic: people, and verbs that carry tense.
const TOLD_WORDS = new Set([
  "i", "we", "my", "our", "me", "us", "he", "she", "they", "his", "her", "their", "them", "you", "your",
  "was", "were", "had", "has", "have", "is", "are", "am", "did", "do", "does", "will", "would", "could", "can", "should", "must",
]);
const MAX_FRAGMENT_WORDS = 8;

/**
 * Whether a line reads as a jotted topic rather than a told sentence: every
 * piece short, without a figure, a person or a verb in the past or with tense
 * ("Airflow upgradation to support pyspark pipeline. first partner onboarding").
 */
export function readsAsNoteFragments(line: string): boolean {
  const pieces = splitSentences(line);
  return pieces.length > 0 && pieces.every((piece) => isFragment(piece.text));
}

/**
 * The sentence a part opens on when told aloud: past a list of jotted topics
 * (two or more, each a list item where `listed` says) to the first told
 * sentence that names a person, else the first sentence. A lone "Coinfold."
 * or "March 2020." is kept: it sets the scene; so are short lines of prose
 * ("Support tickets pile up every Monday.") that `listed` does not hold.
 */
export function openingSentence(sentences: readonly string[], listed: (sentence: string) => boolean): string | undefined {
  const told = sentences.findIndex((sentence) => !readsAsNoteFragments(sentence) || !listed(sentence));
  if (told <= 0) return sentences[0];
  const jotted = sentences.slice(0, told).reduce((count, sentence) => count + splitSentences(sentence).length, 0);
  const namesPerson = /\b(?:I|we|my|our)\b/i.test(sentences[told]!);
  return jotted >= 2 && namesPerson ? sentences[told] : sentences[0];
}

function isFragment(piece: string): boolean {
  const words = piece.toLowerCase().match(/[a-z][a-z'’-]*/g) ?? [];
  // A figure is the point of a terse line ("p90 4.1s -> 1.3s."), never a jotted topic.
  if (words.length === 0 || words.length > MAX_FRAGMENT_WORDS || /\d/.test(piece)) return false;
  return !words.some((word) => TOLD_WORDS.has(word) || IRREGULAR_PAST_FORMS.has(word) || (word.length > 4 && word.endsWith("ed")));
}

// A list item's marker, as the bank parser strips it (`stripBlockMarkers`).
const LIST_ITEM = /^\s*(?:[-*+•]|\d{1,3}[.)])\s+/;

/**
 * Whether each piece of a sentence is a list item of the story's own lines
 * ("- Airflow upgradation to support pyspark pipeline"), compared by letters
 * and digits only: the parser adds full stops and joins items. The story's
 * lines are read only when asked, as most parts open on a told sentence.
 */
export function listItemsOf(storyText: string): (sentence: string) => boolean {
  let items: Set<string> | undefined;
  return (sentence) => {
    items ??= new Set(
      storyText
        .split(/\r?\n/)
        .filter((line) => LIST_ITEM.test(line))
        .map((line) => lettersOnly(stripBlockMarkers(line)))
        .filter((item) => item.length > 0),
    );
    return splitSentences(sentence).every((piece) => items!.has(lettersOnly(piece.text)));
  };
}

function lettersOnly(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}
