import { PRINCIPLES, findPrincipleMentions, foldPrincipleText, normalizePrinciple, type Principle } from "../principles/index.js";
import { markdownInlineToPlain } from "../text/index.js";

// "Q3: Title", "Story 3 - Title", "#3 Title": after a word that says so, the number is the story's.
const LABELLED_NUMBER = /^\s*(?:Q|Question|Story|No\.?|#)\s*(\d{1,4})\s*(?:[.):\-–—]|\s(?=\D))\s*/i;
// "3. Title", "3) Title", "3: Title", "3 - Title": a bare number numbers the story only when punctuation sets it off,
// so "3 AM pager storm", "2-minute version", "3.5x faster builds" and "3:00 outage" keep theirs.
const BARE_NUMBER = /^\s*(\d{1,4})(?:[.):](?!\d)|\s*[–—]|\s+-|-(?=\s))\s*/;

// "Q2 (Dive Deep / Ownership): Tell me about...", "Q3 (2021) - ...", "Q4 [draft] Tell me...": a note in brackets between a
// question's number and its text, set off by punctuation and a space or by a space before the text ("(Ownership)-focused" is no note).
const NUMBER_NOTE = /^\s*[(\[]([^()[\]]{2,80})[)\]](?:\s*[.):–—-](?=\s|$)|\s+(?=\p{L}))/u;

/**
 * A heading's plain text split into its number ("92" in "#### 92. Title"),
 * its title, and the principles named in brackets after a question's number
 * ("Q2 (Dive Deep): ...").
 */
export function readHeadingTitle(source: string): { number: number | null; title: string; bracketPrinciples?: Principle[] } {
  // "Q: Tell me about..." is a question heading; the label is not part of it.
  const plain = markdownInlineToPlain(source).replace(/^\s*(?:Q|Question)\s*[:.]\s+(?=\D)/i, "");
  const numbered = LABELLED_NUMBER.exec(plain) ?? BARE_NUMBER.exec(plain);
  let rest = numbered ? plain.slice(numbered[0].length) : plain.replace(/^\s*(?:Q|Question)\s*(?=[(\[])/i, "");
  let bracketPrinciples: Principle[] | undefined;
  const note = /^\s*(?:Q|Question)(?=[\s\d([])/i.test(plain) ? NUMBER_NOTE.exec(rest) : null;
  // A note of principles ("(Dive Deep / Ownership)") is the story's filing, and any note before a question is the
  // author's, not the question's; "Q1 (Almost) missed a launch deadline" keeps its words.
  const after = note ? rest.slice(note[0].length) : "";
  const filing = note ? principlesOfHeading(note[1]!) : undefined;
  if (note && after.trim() !== "" && (filing!.only || isQuestionLike(after.replace(/^[\s:–—-]+/, "")))) {
    if (filing!.only) bracketPrinciples = filing!.principles;
    rest = after;
  }
  const title = unquote(rest.replace(/^[\s:–—-]+|(?<![\s:])[\s:]+$/g, "").trim());
  return { number: numbered ? Number(numbered[1]) : null, title: title || plain.trim(), ...(bracketPrinciples ? { bracketPrinciples } : {}) };
}

// A heading written as a quotation ("Tell me about a time...") is the question itself.
function unquote(title: string): string {
  const quoted = /^["“](.+)["”]$/.exec(title);
  return quoted && !/["“”]/.test(quoted[1]!) ? quoted[1]!.trim() : title;
}

const QUESTION_OPENERS =
  /^(tell me|describe|give (me )?an? (example|instance|time)|give me|walk me|talk (me )?(about|through)|share|what|how|why|when|which|who|have you|has there|can you|could you|would you|explain|recall|think of|provide|do you|did you|are you|name a)\b/i;

/** Whether a heading reads as an interview question rather than a short title. */
export function isQuestionLike(title: string): boolean {
  const trimmed = title.trim();
  // "Why crash-free rate lied" is a title; "Why Amazon?" and "What your manager would say" are questions.
  if (/^(what|how|why|when|which|who)\b/i.test(trimmed) && !/\?\s*["”]?\s*$/.test(trimmed) && !/\b(you|your|yours|yourself)\b/i.test(trimmed)) return false;
  if (QUESTION_OPENERS.test(trimmed)) return true;
  // "Chose speed over perfection — why?" is a title with a prompt tacked on, not an interview question.
  if (/\s[—–-]\s*\w+(\s\w+){0,2}\?\s*$/.test(trimmed)) return false;
  return /\?\s*["”]?\s*$/.test(trimmed);
}

const PRINCIPLE_NAMES_LONGEST_FIRST = [
  ...PRINCIPLES.map((principle) => foldPrincipleText(principle)),
  "backbone", "have backbone", "disagree and commit", "are right a lot", "earths best employer", "highest standards",
  "success and scale", "bias to action", "deep dive",
].sort((a, b) => b.length - a.length);

/**
 * Principles a heading names. `only` is true when the heading is nothing but
 * principle names (and a parenthetical), like "Ownership / Dive Deep" or
 * "Ownership (Critical Failure)".
 */
export function principlesOfHeading(title: string): { principles: Principle[]; only: boolean } {
  // ASCII with no letter (and no "&", read as "and") names nothing: a bank may hold a million empty headings.
  if (/^[^A-Za-z&\u0080-\uffff]*$/.test(title)) return { principles: [], only: false };
  // "[^()]": each "(" scans only to the next one, so a run of "(" is read in linear time.
  const withoutParentheses = title.replace(/\([^()]*\)/g, " ");
  const whole = normalizePrinciple(withoutParentheses);
  if (whole) return { principles: [whole], only: true };
  const principles = findPrincipleMentions(withoutParentheses);
  if (principles.length === 0) return { principles, only: false };
  let rest = ` ${foldPrincipleText(withoutParentheses)} `;
  for (const name of PRINCIPLE_NAMES_LONGEST_FIRST) rest = rest.split(` ${name} `).join("  ");
  const only = /^[\s]*(?:(?:and|or|principles?|lp|lps)\s*)*$/.test(rest);
  return { principles, only };
}

/** Principles the author named in parentheses in a story's text, e.g. "(Bias for Action)". */
export function principlesInParentheses(text: string): Principle[] {
  const found: Principle[] = [];
  for (const match of text.matchAll(/\(([^()]{3,80})\)/g)) {
    const { principles, only } = principlesOfHeading(match[1]!);
    if (!only) continue;
    for (const principle of principles) if (!found.includes(principle)) found.push(principle);
  }
  return found;
}

const NON_STORY_TITLES =
  /^(final (note|notes|tips|thoughts|words|checklist)|(general |quick |interview )?tips|notes?( to self)?|coverage( notes| check| map| summary)?|(principles? )?coverage|overview|summary|introduction|intro|contents|table of contents|appendix|resources|references|how to use( this( doc(ument)?)?)?|checklist|index|to ?do|ideas|draft ideas|questions to ask|preparation|prep|about( me| us| the company)?|(company |my |team )?background|(company |team )?bio|company overview)\b/i;

/** Whether a heading names advice or notes rather than a story ("Final Tips", "Coverage notes"). */
export function isNonStoryTitle(title: string): boolean {
  return NON_STORY_TITLES.test(title.trim());
}
