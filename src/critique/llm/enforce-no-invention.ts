import { PRINCIPLES } from "../../principles/index.js";
import { isEnglishWord } from "./english-words.js";

/** A figure or name the model wrote that the candidate never did, and what replaced it. */
export interface Replacement {
  original: string;
  placeholder: string;
}

// A figure ends on a digit: the full stop or comma after "$31,337." belongs to the sentence.
// Digits glued to letters (p99, S3) are names, not figures; a currency sign may follow letters (US$40k).
const NUMBER = /(?:[$€£]|(?<![A-Za-z0-9]))\d(?:[\d,.]*\d)?(?:\s?(?:%|percent|k\b|m\b|x\b|ms\b|s\b|hours?\b|days?\b|weeks?\b|months?\b|years?\b|minutes?\b|people\b|users\b|customers\b))?/gi;
const TIMEFRAME = /\d\s?(?:ms|s|hours?|days?|weeks?|months?|years?|minutes?)$/i;
const SPELLED = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half|halved|double|doubled|triple|tripled|quadrupled|tenfold|twice)\b/gi;
// Capitalised words that are not names: sentence starts are handled separately; these are common anyway.
const COMMON_CAPITALS = new Set(["I", "I'm", "I've", "I'd", "I'll", "The", "A", "An", "We", "Our", "My", "This", "That", "When", "After", "Before", "Then", "In", "On", "At", "As", "By", "For", "To", "It", "If", "But", "And", "So", "Situation", "Task", "Action", "Result", "Lesson", "STAR", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Q1", "Q2", "Q3", "Q4", "CEO", "CTO", "VP", "API", "CI", "QA", "SLA", "KPI", "OKR", "AWS", "SQL", "Amazon", "Leadership", "Principle", "Principles", "LP", "LPs", "Bar", "Raiser"]);

// What comes just before a word that opens a sentence, a list item, a quotation, bold text or the text after a colon.
const OPENING = /(?:^|[.!?:\n"“‘(]|(?:^|\n)[ \t]*(?:[-*•]|\d+[.)]))[\s"'“(*_]*$/;
// The words of the Leadership Principles' names: coaching names them ("This story shows Customer Obsession").
const PRINCIPLE_WORDS = new Set(PRINCIPLES.flatMap((principle) => principle.split(/\s+/)));
// A run of capitalised words: a name, or ordinary words that open a sentence or are capitalised anyway.
const CAPITALISED_RUN = /\b[A-Z][a-zA-Z0-9&'-]+(?:\s+[A-Z][a-zA-Z0-9&'-]+)*/g;
const POSSESSIVE = /['’]s$/;

// Units that change what a figure claims, each with the ways a candidate may have written it ("$5M" and "$5 million").
// Counted nouns ("users", "people") are left out: "1,200 customers" is a source for "1,200 users".
const UNIT_FORMS: ReadonlyArray<{ figure: RegExp; source: string }> = [
  { figure: /(?:%|percent)$/, source: String.raw`%|percent\b|per cent\b` },
  { figure: /\d\s?k$/, source: String.raw`k\b|thousand\b` },
  { figure: /\d\s?m$/, source: String.raw`m\b|mn\b|million\b` },
  { figure: /\d\s?x$/, source: String.raw`x\b|times\b|-fold\b|fold\b` },
  { figure: /ms$/, source: String.raw`ms\b|milliseconds?\b` },
  { figure: /\d\s?s$/, source: String.raw`s\b|sec(?:ond)?s?\b` },
  { figure: /minutes?$/, source: String.raw`min(?:ute)?s?\b` },
  { figure: /hours?$/, source: String.raw`h(?:ou)?rs?\b|h\b` },
  { figure: /days?$/, source: String.raw`days?\b` },
  { figure: /weeks?$/, source: String.raw`weeks?\b|wks?\b` },
  { figure: /months?$/, source: String.raw`months?\b|mos?\b` },
  { figure: /years?$/, source: String.raw`years?\b|yrs?\b` },
];

function placeholderFor(figure: string): string {
  if (/%|percent/i.test(figure)) return "[X%]";
  if (/^[$€£]/.test(figure)) return `[${figure[0]}X]`;
  if (TIMEFRAME.test(figure)) return "[timeframe]";
  return "[N]";
}

// "$2,000" and "2000", "40 %" and "40%" are the same figure.
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/(\d),(?=\d{3}\b)/g, "$1")
    .replace(/(\d)\s+%/g, "$1%")
    .replace(/[,\s]+/g, " ");
}

/**
 * Replaces every number and proper name in the model's text that does not
 * appear in the candidate's own words (answer or story bank) with a visible
 * placeholder, and lists what was replaced. Enforced in code, after the
 * model answers, whatever the prompt said.
 */
export function enforceNoInvention(text: string, sources: readonly string[]): { text: string; replacements: Replacement[] } {
  const haystack = normalise(sources.join(" \n "));
  const replacements: Replacement[] = [];
  const known = (value: string) => {
    // No real figure is this long; a run of digits and commas this size would also overflow the pattern built below.
    if (value.length > 64) return false;
    const figure = normalise(value);
    const currency = /^[$€£]/.exec(figure)?.[0];
    const unit = UNIT_FORMS.find((form) => form.figure.test(figure));
    const core = figure.replace(/^[$€£]/, "").replace(/\s?(%|percent|k|m|x|ms|s|hours?|days?|weeks?|months?|years?|minutes?|people|users|customers)$/, "");
    if (core.length === 0) return false;
    // Whole figures only: "99" inside "p99" or "1990" is not the same figure. A sign or unit that changes what the
    // figure claims must be the candidate's too: "5%" in the answer is no source for "$5M".
    const escaped = core.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    // "$" is the only sign the pattern must escape (a "\\€" is no valid escape with the u flag).
    const sign = currency ? `${currency === "$" ? "\\$" : currency}\\s?` : "";
    const suffix = unit ? `[\\s-]?(?:${unit.source})` : "";
    return new RegExp(`(^|[^\\p{L}\\p{N}.])${sign}${escaped}(?![\\p{N}])${suffix}`, "u").test(haystack);
  };
  let result = text.replace(NUMBER, (figure, offset: number, whole: string) => {
    if (/^\[/.test(figure) || known(figure)) return figure;
    // "1." or "2)" opening a line numbers a list; it claims nothing.
    if (/^\d+$/.test(figure) && /(?:^|\n)[ \t]*$/.test(whole.slice(Math.max(0, offset - 12), offset)) && /^[.)]\s/.test(whole.slice(offset + figure.length, offset + figure.length + 2))) return figure;
    const placeholder = placeholderFor(figure);
    replacements.push({ original: figure, placeholder });
    return placeholder;
  });
  result = result.replace(SPELLED, (word) => {
    // Whole words only: "often" does not contain the figure "ten".
    if (new RegExp(`\\b${word.toLowerCase()}\\b`).test(haystack)) return word;
    replacements.push({ original: word, placeholder: "[N]" });
    return "[N]";
  });
  // Proper names: capitalised words that are not the candidate's own. Words that are capitalised anyway ("The", "STAR",
  // "Ownership") and, when the run opens a sentence, a list item, bold text or what follows a colon, an ordinary English
  // word ("- Quantify the result", "Mention Ann Ito") are not part of a name; the rest of the run is. A possessive opening
  // word is a name ("Globex's API"). Streamed text arrives in pieces that can begin with the space after a full stop,
  // so leading space counts as an opening too.
  const sourceWords = new Set((haystack.match(/[\p{L}\p{N}][\p{L}\p{N}&'’-]*/gu) ?? []).map((word) => word.replace(POSSESSIVE, "")));
  const capitalisedAnyway = (word: string) => [word, word.replace(POSSESSIVE, "")].some((form) => COMMON_CAPITALS.has(form) || PRINCIPLE_WORDS.has(form));
  result = result.replace(CAPITALISED_RUN, (run: string, offset: number, whole: string) => {
    if (whole[offset - 1] === "[") return run;
    const words = run.split(/(?<=\s)(?=\S)/);
    const opening = OPENING.test(whole.slice(Math.max(0, offset - 24), offset));
    let ordinary = 0;
    while (ordinary < words.length) {
      const word = words[ordinary]!.trim();
      const sentenceWord = ordinary === 0 && opening && !POSSESSIVE.test(word) && isEnglishWord(word);
      if (!capitalisedAnyway(word) && !sentenceWord) break;
      ordinary++;
    }
    const kept = words.slice(0, ordinary).join("");
    const name = run.slice(kept.length);
    // Whole words: "Ann" is not in "annual".
    if (name === "" || name.split(/\s+/).every((word) => capitalisedAnyway(word) || sourceWords.has(word.toLowerCase().replace(POSSESSIVE, "")))) return run;
    replacements.push({ original: name, placeholder: "[name]" });
    return `${kept}[name]`;
  });
  return { text: result, replacements };
}
