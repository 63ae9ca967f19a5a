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
const SECOND_TO_FIRST: Record<string, string> = { you: "i", your: "my", yours: "mine", yourself: "myself" };
// ...and its verb with it: "you were wrong" meets "I was wrong".
const VERB_AFTER_YOU: Record<string, string> = { were: "was", are: "am" };

/**
 * Lower-cased words of a text for cue matching: contractions expanded,
 * second person turned into first, with offsets into the original text.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // The word before, as expanded ("you're" -> "you", "are"), reset at a sentence break: "Thank you. Were..." is not "you were".
  let previousWord = "";
  let previousEnd = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?|\$|%/gu)) {
    const start = match.index!;
    const raw = match[0].toLowerCase();
    let expanded = raw;
    for (const [pattern, replacement] of CONTRACTIONS) expanded = expanded.replace(pattern, replacement);
    if (/[.!?;:]/.test(text.slice(previousEnd, start))) previousWord = "";
    for (const word of expanded.split(/\s+/).filter(Boolean)) {
      const form = (previousWord === "you" ? VERB_AFTER_YOU[word] : undefined) ?? SECOND_TO_FIRST[word] ?? word.replace(/['’]/g, "");
      tokens.push({ text: form, start, end: start + raw.length });
      previousWord = word;
    }
    previousEnd = start + raw.length;
  }
  return tokens;
}

/** Light suffix stripping so "migrated", "migrating" and "migrates" meet; used for lexical matching. */
export function stem(word: string): string {
  if (word.length <= 4 || /^\d/.test(word)) return word;
  if (word.endsWith("ies") && word.length > 5) return `${word.slice(0, -3)}y`;
  for (const suffix of ["ingly", "ations", "ation", "ments", "ment", "ings", "ing", "edly", "ed", "ers", "er", "es", "s", "ly"]) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length);
  }
  return word;
}
