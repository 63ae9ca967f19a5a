import type { CandidateText } from "./candidate-text.js";

// A letter of a script without capitals (Han, kana, Hangul, Thai, Arabic, Hebrew, Devanagari, ...), where a name has no
// capital to show it. Common-script modifier letters ("ʻ", "ˈ") sit in Latin text; the kana length mark is Common but Japanese.
const LETTER = String.raw`(?:(?![\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{sc=Common}])[\p{Lo}\p{Lm}]|[\u30fc\uff70])`;
const WORD = String.raw`${LETTER}(?:${LETTER}|[\p{M}\u200c\u200d])*`;
// Words of such scripts with spaces between them ("محمد علي") are one run.
const UNCASED_RUN = new RegExp(String.raw`${WORD}(?:[ \t]+${WORD})*`, "gu");
const LETTERS = new RegExp(`${LETTER}+`, "gu");
// Honorifics after a name ("田中さん", "김민수 씨" without the space): the name is checked, the honorific kept.
const HONORIFIC = /(?:さん|さま|様|くん|君|ちゃん|先生|氏|씨|님)$/u;
// Han numerals alone are a number ("五十"), not a name.
const HAN_NUMERALS = /^[〇一二三四五六七八九十百千万亿億两兩]+$/u;
// A sentence ends here: a neighbouring word beyond it is not in the same sentence.
const SENTENCE_END = /[.!?。！？\n]/u;
const LATIN = /\p{sc=Latin}/u;
const ANY_LETTER = /\p{L}/u;
// How far to look for the letters around a run: a few words.
const NEIGHBOURHOOD = 40;

const SCRIPTS = ["Han", "Hiragana", "Katakana", "Hangul", "Bopomofo", "Thai", "Lao", "Khmer", "Myanmar", "Tibetan", "Arabic", "Hebrew", "Syriac", "Thaana", "Devanagari", "Bengali", "Gurmukhi", "Gujarati", "Oriya", "Tamil", "Telugu", "Kannada", "Malayalam", "Sinhala", "Ethiopic", "Mongolian", "Yi"].map(
  (name) => [name, new RegExp(String.raw`\p{sc=${name}}`, "u")] as const,
);
const scriptByCode = new Map<number, string>();

function scriptOf(letter: string): string {
  const code = letter.codePointAt(0)!;
  let script = scriptByCode.get(code);
  if (script === undefined) {
    // Scripts not listed are told apart by their block of 128 characters.
    script = code === 0x30fc || code === 0xff70 ? "Katakana" : (SCRIPTS.find(([, pattern]) => pattern.test(letter))?.[0] ?? `block-${code >> 7}`);
    scriptByCode.set(code, script);
  }
  return script;
}

/** The scripts without capitals that a text has letters of ("Han", "Hiragana", "Arabic", ...). */
export function scriptsIn(text: string): Set<string> {
  const scripts = new Set<string>();
  for (const [letters] of text.matchAll(LETTERS)) for (const letter of letters) scripts.add(scriptOf(letter));
  return scripts;
}

/** The nearest letter before (`step` -1) or after (+1) a position in the same sentence, if within a few words. */
function neighbour(text: string, from: number, step: -1 | 1): string | null {
  for (let index = from, seen = 0; index >= 0 && index < text.length && seen < NEIGHBOURHOOD; index += step, seen++) {
    const char = text[index]!;
    if (SENTENCE_END.test(char)) return null;
    if (ANY_LETTER.test(char)) return char;
  }
  return null;
}

/** Whether a run sits inside a sentence written in Latin letters ("Thank 张伟 for it.", "张伟 led it."). */
function inLatinSentence(text: string, start: number, end: number): boolean {
  return [neighbour(text, start - 1, -1), neighbour(text, end, 1)].some((letter) => letter !== null && LATIN.test(letter));
}

/**
 * Replaces every run of letters of a script without capitals (Chinese,
 * Japanese, Korean, Thai, Arabic, ...) that the candidate never wrote with
 * "[name]" ("[N]" for Han numerals), adding each to `replacements`. Such a
 * run is checked where it may be a name the model made up: when the
 * candidate wrote nothing in its script, or when it sits in a sentence of
 * Latin letters ("Thank 张伟 for it."). A reply in a script the candidate
 * writes is left alone: without capitals or spaces its names cannot be
 * told from its words.
 */
export function replaceUncasedNames(text: string, candidate: CandidateText, replacements: Array<{ original: string; placeholder: string }>): string {
  return text.replace(UNCASED_RUN, (run: string, offset: number, whole: string) => {
    const honorific = HONORIFIC.exec(run)?.[0] ?? "";
    const name = honorific === run ? run : run.slice(0, run.length - honorific.length);
    const foreign = [...scriptsIn(name)].some((script) => !candidate.writesScript(script));
    if (!foreign && !inLatinSentence(whole, offset, offset + run.length)) return run;
    if (candidate.hasPhrase(name)) return run;
    const placeholder = HAN_NUMERALS.test(name) ? "[N]" : "[name]";
    replacements.push({ original: name, placeholder });
    return placeholder + run.slice(name.length);
  });
}
