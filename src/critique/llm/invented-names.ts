import { PRINCIPLES } from "../../principles/index.js";
import { wordKey, type CandidateText } from "./candidate-text.js";
import { isEnglishWord, isNameWord } from "../../text/english-words.js";

// Capitalised words that are not names wherever they stand.
const COMMON_CAPITALS = ["I", "I'm", "I've", "I'd", "I'll", "The", "A", "An", "We", "Our", "My", "This", "That", "When", "After", "Before", "Then", "In", "On", "At", "As", "By", "For", "To", "It", "If", "But", "And", "So", "Situation", "Task", "Action", "Result", "Lesson", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Q1", "Q2", "Q3", "Q4", "Amazon", "Leadership", "Principle", "Principles", "Bar", "Raiser", "Dr", "Mr", "Mrs", "Ms", "Prof"];
// The words of the Leadership Principles' names, which coaching names ("Have Backbone; Disagree and Commit").
const ALWAYS_CAPITALISED = new Set([...COMMON_CAPITALS, ...PRINCIPLES.flatMap((principle) => principle.split(/[^\p{L}']+/u))].map(wordKey));
// Abbreviations coaching uses, in the plural too ("KPIs"); any other run of capitals ("IBM", "NASA") is checked like a name.
const ABBREVIATION = /^(?:OK|FYI|ASAP|ETA|TL;DR|STAR|CAR|SOAR|LPs?|ROI|KPI|OKR|PR|MVP|AI|ML|HR|COVID|SLA|API|CI|CD|QA|UX|UI|PM|TPM|SDE|SWE|IC|CEO|CTO|CFO|COO|VP|SVP|AWS|SQL|NPS|CSAT|ARR|MRR|B2B|B2C|SaaS|FAQ|P&L|USD|EUR|GBP)s?$/;
// A title before a name: its full stop does not open a sentence ("Dr. Smith").
const TITLE_BEFORE = /\b(?:Dr|Mr|Mrs|Ms|Prof|St)\.\s*$/;

// What comes just before a word that opens a sentence, a heading, a list item, a quotation, bold text or the text
// after a colon. Streamed text arrives in pieces that can begin with the space after a full stop, so a piece's start counts.
const OPENING = /(?:^|[.!?:\n"“‘(]|(?:^|\n)[ \t]*(?:[-*•]|\d+[.)]|#{1,6}))[\s"'“(*_]*$/;
// Headings and bold labels are written in title case: their English words are not names ("## Key Takeaways", "**Next Steps**").
const TITLE_CASE_LINE = /(?:^|\n)[ \t]*#{1,6}[ \t][^\n]*$|\*\*[^*\n]*$/;
// A run of capitalised words on one line: a name, or ordinary words that open a sentence or are capitalised anyway.
const CAPITALISED_RUN = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}&'’-]+(?:[ \t]+\p{Lu}[\p{L}\p{N}&'’-]+)*/gu;
const POSSESSIVE = /['’]s$/;
// A word told as having done something: "Walker reviewed it", "Grant said no". After a word that is also a name, it
// makes the word a person; advice opens with a verb instead ("Bridge the gap", "Drew attention" aside).
const DEED = /^[ \t]+(?:\p{L}{2,}ed|said|says|told|asked|asks|led|ran|made|took|wrote|gave|built|found|saw|sent|met|did|went|came|got|knew|felt|thought|wants|thinks|agreed|approved)\b/iu;
// A person named with the speaker, as doing something together: "Mark Lee and I shipped it".
const FELLOW = /^[ \t]+and (?:I|we|me|my)\b/;
// Direct address: such a word opening a sentence before a comma or colon is someone spoken to ("Walker, thanks.",
// "Chase: great work."), as it is in the middle of one ("Thanks, Walker."). Not before "!": "Hope!", "Handy!"...
const ADDRESS = /^[,:]/;
// ...unless it is one of the name words that open ordinary sentences that way, as interjections, adverbs and labels
// ("Good, now add the number.", "Rather, lead with it.", "Key: the result.", "Re: your question").
const ORDINARY_BEFORE_PAUSE = new Set(["best", "good", "nice", "sweet", "rather", "more", "little", "long", "short", "small", "strong", "normal", "major", "senior", "junior", "left", "key", "gap", "pace", "case", "target", "numbers", "set", "job", "crux", "craft", "closure", "truth", "price", "reading", "sprint", "begin", "mobile", "love", "cheer", "re"]);

/** A word that is no name wherever it stands: capitalised anyway, an abbreviation, or hyphenated from such words and English ones ("Amazon-style"). */
function capitalisedAnyway(word: string): boolean {
  if (ALWAYS_CAPITALISED.has(wordKey(word)) || ABBREVIATION.test(word.replace(POSSESSIVE, ""))) return true;
  const parts = word.split("-");
  return parts.length > 1 && parts.every((part) => ALWAYS_CAPITALISED.has(wordKey(part)) || (isEnglishWord(part) && !isNameWord(part)));
}

/**
 * Replaces every proper name in the model's text that the candidate never
 * wrote with "[name]", adding each to `replacements`. Words capitalised anyway
 * ("The", "STAR", "Ownership"), an ordinary English word opening a sentence
 * or list item ("- Quantify the result", "Mention Ann Ito") and the English
 * words of a heading or bold label are not part of a name; the rest of the run is.
 */
export function replaceInventedNames(text: string, candidate: CandidateText, replacements: Array<{ original: string; placeholder: string }>): string {
  // A name word is the candidate's if they wrote it, and wrote it capitalised when it is also an ordinary word ("will" is no "Will").
  const candidates = (word: string) => candidate.hasWord(word, { capitalised: true }) || (candidate.hasWord(word) && !isNameWord(wordKey(word)));
  return text.replace(CAPITALISED_RUN, (run: string, offset: number, whole: string) => {
    if (whole[offset - 1] === "[") return run;
    const before = whole.slice(Math.max(0, offset - 24), offset);
    const opening = OPENING.test(before) && !TITLE_BEFORE.test(before);
    const titleCase = TITLE_CASE_LINE.test(whole.slice(Math.max(0, offset - 200), offset));
    const words = run.split(/(?<=\s)(?=\S)/);
    // A lone word that is also a name, followed by something it did or spoken to, is a person even where a sentence opens.
    const after = whole.slice(offset + run.length, offset + run.length + 40);
    const key = wordKey(run);
    // Owning something makes it a person too ("Walker's plan"), unless the candidate wrote the word in any case: their
    // "summer traffic" backs "Summer's traffic", and "'s" may be "is" ("Ball's in your court").
    const owner = POSSESSIVE.test(run) && !candidate.hasWord(key);
    const person = words.length === 1 && isNameWord(key) && (DEED.test(after) || (!titleCase && !ORDINARY_BEFORE_PAUSE.has(key) && (ADDRESS.test(after) || owner)));
    let ordinary = 0;
    while (ordinary < words.length) {
      const word = words[ordinary]!.trim();
      const english = ((ordinary === 0 && opening) || titleCase) && !person ? isEnglishWord(word) && (ordinary === 0 || !isNameWord(wordKey(word))) : false;
      if (!capitalisedAnyway(word) && !english) break;
      ordinary++;
    }
    // A first name that is also a word, opening a sentence before a surname, is part of the full name when the
    // person does something or is spoken to ("Grace Hopper reviewed it.", "Mark Lee and I shipped it."), not when
    // the word is an instruction ("Tell Ann Ito what changed.").
    // Only when the surname is not one the candidate wrote: "Mark Priya's contribution" is advice about their Priya.
    const surname = words.slice(1).map((word) => word.trim().replace(POSSESSIVE, ""));
    if (ordinary === 1 && words.length > 1 && opening && !titleCase && isNameWord(wordKey(words[0]!.trim())) && !surname.every((word) => capitalisedAnyway(word) || candidates(word)) && (DEED.test(after) || FELLOW.test(after) || ADDRESS.test(after) || POSSESSIVE.test(run))) ordinary = 0;
    const kept = words.slice(0, ordinary).join("");
    const name = run.slice(kept.length);
    if (name === "" || name.split(/\s+/).every((word) => capitalisedAnyway(word) || candidates(word))) return run;
    // "Smith's plan" keeps its possessive: "[name]'s plan".
    const possessive = POSSESSIVE.exec(name)?.[0] ?? "";
    const bare = name.slice(0, name.length - possessive.length);
    replacements.push({ original: bare, placeholder: "[name]" });
    return `${kept}[name]${possessive}`;
  });
}
