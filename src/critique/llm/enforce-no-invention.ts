import { CandidateText } from "./candidate-text.js";
import { FIGURE, parseFigure, placeholderFor, UNIT_WORDS, unitNamed } from "./figure-units.js";
import { replaceInventedNames } from "./invented-names.js";

/** A figure or name the model wrote that the candidate never did, and what replaced it. */
export interface Replacement {
  original: string;
  placeholder: string;
}

const NUMBER_WORD = String.raw`(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|half|halved|double|doubled|triple|tripled|quadrupled|tenfold|twice)`;
// A spelled-out number ("ninety-five"), with the unit that says what it counts ("three months", "three million").
const SPELLED = new RegExp(String.raw`\b${NUMBER_WORD}(?:-${NUMBER_WORD})*\b(?:[ \t-](?:${UNIT_WORDS}))?`, "gi");
// No real figure is this long; such a run of digits and commas is a figure nobody gave.
const LONGEST_FIGURE = 64;

/**
 * Replaces every number and proper name in the model's text that does not
 * appear in the candidate's own words (answer or story bank) with a visible
 * placeholder, and lists what was replaced. Enforced in code, after the
 * model answers, whatever the prompt said.
 */
export function enforceNoInvention(text: string, sources: readonly string[]): { text: string; replacements: Replacement[] } {
  const candidate = new CandidateText(sources);
  const replacements: Replacement[] = [];
  let result = text.replace(FIGURE, (figure: string, offset: number, whole: string) => {
    const parsed = parseFigure(figure);
    if (figure.length <= LONGEST_FIGURE && candidate.hasFigure(parsed)) return figure;
    // "1." or "2)" opening a line numbers a list; it claims nothing. A streamed piece may end just after the marker.
    if (/^\d+$/.test(figure) && /(?:^|\n)[ \t]*$/.test(whole.slice(Math.max(0, offset - 12), offset)) && /^[.)](?:\s|$)/.test(whole.slice(offset + figure.length, offset + figure.length + 2))) return figure;
    const placeholder = placeholderFor(parsed);
    replacements.push({ original: figure, placeholder });
    return placeholder;
  });
  result = result.replace(SPELLED, (word: string, offset: number, whole: string) => {
    // The unit of a figure checked above ("$5 million") is not a figure of its own.
    if (/\d[ \t-]?$/.test(whole.slice(Math.max(0, offset - 2), offset))) return word;
    // With its unit, the candidate must have said the same ("three weeks", not just "three"); alone, as a whole word ("often" holds no "ten").
    if (/[ \t]/.test(word) ? candidate.hasPhrase(word) : candidate.hasWord(word)) return word;
    const placeholder = placeholderFor({ currency: null, number: "", unit: unitNamed(/[\p{L}]+$/u.exec(word)![0]) });
    replacements.push({ original: word, placeholder });
    return placeholder;
  });
  result = replaceInventedNames(result, candidate, replacements);
  return { text: result, replacements };
}
