import { CandidateText } from "./candidate-text.js";
import { replaceFolded } from "./figure-characters.js";
import { FIGURE, parseFigure, textAfter, unitNamed } from "./figure-units.js";
import { replaceInventedNames } from "./invented-names.js";
import { parseSpelled, SPELLED, spelledUnit } from "./spelled-figures.js";
import { replaceUncasedNames } from "./uncased-names.js";

/** A figure or name the model wrote that the candidate never did, and what replaced it. */
export interface Replacement {
  original: string;
  placeholder: string;
}

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
  // Figures are read with every script's digits as ASCII ("５０%" is "50%"); what is kept keeps the model's characters.
  let result = replaceFolded(text, FIGURE, (figure: string, offset: number, whole: string, original: string) => {
    const parsed = parseFigure(figure, textAfter(whole, offset + figure.length));
    if (figure.length <= LONGEST_FIGURE && candidate.hasFigure(parsed)) return null;
    // "1." or "2)" opening a line numbers a list; it claims nothing. A streamed piece may end just after the marker.
    if (/^\d+$/.test(figure) && /(?:^|\n)[ \t]*$/.test(whole.slice(Math.max(0, offset - 12), offset)) && /^[.)](?:\s|$)/.test(whole.slice(offset + figure.length, offset + figure.length + 2))) return null;
    replacements.push({ original, placeholder: parsed.placeholder });
    return parsed.placeholder;
  });
  result = result.replace(SPELLED, (word: string, offset: number, whole: string) => {
    // The unit of a figure checked above ("$5 million") is not a figure of its own.
    if (/\p{Nd}[\s-]?$/u.test(whole.slice(Math.max(0, offset - 3), offset))) return word;
    const parsed = parseSpelled(word, textAfter(whole, offset + word.length));
    // A multiplier with no value ("halved", "twice") must be the candidate's word, with its unit their phrase.
    if (parsed ? candidate.hasFigure(parsed) : /[ \t]/.test(word) ? candidate.hasPhrase(word) : candidate.hasWord(word)) return word;
    const placeholder = parsed?.placeholder ?? unitNamed(spelledUnit(word) ?? "")?.placeholder ?? "[N]";
    replacements.push({ original: word, placeholder });
    return placeholder;
  });
  result = replaceInventedNames(result, candidate, replacements);
  result = replaceUncasedNames(result, candidate, replacements);
  return { text: result, replacements };
}
