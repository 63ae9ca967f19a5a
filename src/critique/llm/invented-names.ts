import { PRINCIPLES } from "../../principles/index.js";
import { wordKey, type CandidateText } from "./candidate-text.js";
import { isEnglishWord } from "./english-words.js";

// Capitalised words that are not names wherever they stand.
const COMMON_CAPITALS = ["I", "I'm", "I've", "I'd", "I'll", "The", "A", "An", "We", "Our", "My", "This", "That", "When", "After", "Before", "Then", "In", "On", "At", "As", "By", "For", "To", "It", "If", "But", "And", "So", "Situation", "Task", "Action", "Result", "Lesson", "STAR", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Q1", "Q2", "Q3", "Q4", "CEO", "CTO", "VP", "API", "CI", "QA", "SLA", "KPI", "OKR", "AWS", "SQL", "Amazon", "Leadership", "Principle", "Principles", "LP", "LPs", "Bar", "Raiser"];
// The words of the Leadership Principles' names, which coaching names ("Have Backbone; Disagree and Commit").
const ALWAYS_CAPITALISED = new Set([...COMMON_CAPITALS, ...PRINCIPLES.flatMap((principle) => principle.split(/[^\p{L}']+/u))].map(wordKey));

// What comes just before a word that opens a sentence, a heading, a list item, a quotation, bold text or the text
// after a colon. Streamed text arrives in pieces that can begin with the space after a full stop, so a piece's start counts.
const OPENING = /(?:^|[.!?:\n"“‘(]|(?:^|\n)[ \t]*(?:[-*•]|\d+[.)]|#{1,6}))[\s"'“(*_]*$/;
// A run of capitalised words on one line: a name, or ordinary words that open a sentence or are capitalised anyway.
const CAPITALISED_RUN = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}&'’-]+(?:[ \t]+\p{Lu}[\p{L}\p{N}&'’-]+)*/gu;
// "OK", "FYI": a short all-capitals word opening a sentence is an abbreviation, not a name.
const ABBREVIATION = /^\p{Lu}{2,4}$/u;

/**
 * Replaces every proper name in the model's text that the candidate never
 * wrote with "[name]", adding each to `replacements`. Words capitalised anyway
 * ("The", "STAR", "Ownership") and an ordinary English word opening a sentence
 * or list item ("- Quantify the result", "Mention Ann Ito") are not part of a
 * name; the rest of the run is.
 */
export function replaceInventedNames(text: string, candidate: CandidateText, replacements: Array<{ original: string; placeholder: string }>): string {
  return text.replace(CAPITALISED_RUN, (run: string, offset: number, whole: string) => {
    if (whole[offset - 1] === "[") return run;
    const words = run.split(/(?<=\s)(?=\S)/);
    const opening = OPENING.test(whole.slice(Math.max(0, offset - 24), offset));
    let ordinary = 0;
    while (ordinary < words.length) {
      const word = words[ordinary]!.trim();
      const sentenceWord = ordinary === 0 && opening && (ABBREVIATION.test(word) || isEnglishWord(word));
      if (!ALWAYS_CAPITALISED.has(wordKey(word)) && !sentenceWord) break;
      ordinary++;
    }
    const kept = words.slice(0, ordinary).join("");
    const name = run.slice(kept.length);
    if (name === "" || name.split(/\s+/).every((word) => ALWAYS_CAPITALISED.has(wordKey(word)) || candidate.hasWord(word))) return run;
    replacements.push({ original: name, placeholder: "[name]" });
    return `${kept}[name]`;
  });
}
