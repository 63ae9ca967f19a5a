import { CandidateText } from "./candidate-text.js";
import { FIGURE, parseFigure, placeholderFor } from "./figure-units.js";
import { replaceInventedNames } from "./invented-names.js";

/** A figure or name the model wrote that the candidate never did, and what replaced it. */
export interface Replacement {
  original: string;
  placeholder: string;
}

const SPELLED = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half|halved|double|doubled|triple|tripled|quadrupled|tenfold|twice)\b/gi;
// No real figure is this long; such a run of digits and commas is a figure nobody gave.
const LONGEST_FIGURE = 64;

// Chat checks every streamed sentence against the same sources: they are indexed once, not once per sentence.
let lastIndexed: { key: string; candidate: CandidateText } | undefined;

function candidateTextOf(sources: readonly string[]): CandidateText {
  const key = sources.join("\u0000");
  if (lastIndexed?.key !== key) lastIndexed = { key, candidate: new CandidateText(sources) };
  return lastIndexed.candidate;
}

/**
 * Replaces every number and proper name in the model's text that does not
 * appear in the candidate's own words (answer or story bank) with a visible
 * placeholder, and lists what was replaced. Enforced in code, after the
 * model answers, whatever the prompt said.
 */
export function enforceNoInvention(text: string, sources: readonly string[]): { text: string; replacements: Replacement[] } {
  const candidate = candidateTextOf(sources);
  const replacements: Replacement[] = [];
  let result = text.replace(FIGURE, (figure: string, offset: number, whole: string) => {
    const parsed = parseFigure(figure);
    if (figure.length <= LONGEST_FIGURE && candidate.hasFigure(parsed)) return figure;
    // "1." or "2)" opening a line numbers a list; it claims nothing.
    if (/^\d+$/.test(figure) && /(?:^|\n)[ \t]*$/.test(whole.slice(Math.max(0, offset - 12), offset)) && /^[.)]\s/.test(whole.slice(offset + figure.length, offset + figure.length + 2))) return figure;
    const placeholder = placeholderFor(parsed);
    replacements.push({ original: figure, placeholder });
    return placeholder;
  });
  result = result.replace(SPELLED, (word: string, offset: number, whole: string) => {
    // Whole words only: "often" does not contain the figure "ten"; the unit of a figure checked above ("$5 million") is not a figure of its own.
    if (candidate.hasWord(word) || /\d[ \t-]?$/.test(whole.slice(Math.max(0, offset - 2), offset))) return word;
    replacements.push({ original: word, placeholder: "[N]" });
    return "[N]";
  });
  result = replaceInventedNames(result, candidate, replacements);
  return { text: result, replacements };
}
