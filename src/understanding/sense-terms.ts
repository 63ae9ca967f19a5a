import { wordMatches } from "./match-cues.js";
import { compoundAt } from "./compound-terms.js";
import { isContentWord, stem, tokenize, type Token } from "./normalize-text.js";
import { loadTaxonomy, type Cue } from "./taxonomy.js";

/** Appended to a word used in another sense than the taxonomy's cue ("failed" in "the export failed"). */
export const OTHER_SENSE = "~";

// Matching a term is stricter than scoring a theme: only words right before it in its sentence (the thing that
// failed: "the nightly export failed") or the word right after ("failure logs") decide its sense, so "hired a
// new engineer" and "failed at my job" keep theirs.
const WORDS_BEFORE = 3;
const WORDS_AFTER = 1;

let senseCues: Cue[] | undefined;
// The sense cues each word meets: a bank repeats its words, and every cue is checked against every word.
const cuesByWord = new Map<string, readonly Cue[]>();
const MAXIMUM_REMEMBERED_WORDS = 50_000;
const NO_CUES: readonly Cue[] = [];

// One-word competency cues with sense rules: the words whose sense matters to matching.
function cuesWithSenses(): Cue[] {
  if (senseCues) return senseCues;
  senseCues = loadTaxonomy().competencies.flatMap((competency) => competency.cues.filter((cue) => cue.pattern.length === 1 && cue.unless.length > 0));
  return senseCues;
}

/**
 * A text's content words, stemmed, as lexical matching and the local
 * embedder compare them, with a word whose neighbours in its sentence rule
 * out the taxonomy's sense marked as another term: "the nightly export
 * failed" does not meet "a time you failed", but "tests failed" meets "the
 * build failed".
 */
export function senseTaggedTerms(text: string, skip: ReadonlySet<string>): string[] {
  const tokens = tokenize(text);
  const words = tokens.map((token) => token.text);
  const cues = cuesWithSenses();
  const taxonomy = loadTaxonomy();
  const terms: string[] = [];
  for (let at = 0; at < words.length; at++) {
    const word = words[at]!;
    const compound = compoundAt(text, tokens, at, taxonomy);
    if (compound !== undefined) terms.push(compound);
    if (!isContentWord(word, skip)) continue;
    const otherSense = cuesMeeting(word, cues).some((cue) => neighbourRulesOut(cue, text, tokens, at));
    terms.push(otherSense ? `${stem(word)}${OTHER_SENSE}` : stem(word));
  }
  return terms;
}

function cuesMeeting(word: string, cues: readonly Cue[]): readonly Cue[] {
  let met = cuesByWord.get(word);
  if (met === undefined) {
    if (cuesByWord.size >= MAXIMUM_REMEMBERED_WORDS) cuesByWord.clear();
    met = cues.filter((cue) => wordMatches(cue.pattern[0]!, word));
    cuesByWord.set(word, met.length === 0 ? NO_CUES : met);
  }
  return met;
}

function neighbourRulesOut(cue: Cue, text: string, tokens: readonly Token[], at: number): boolean {
  for (let position = at - 1; position >= Math.max(0, at - WORDS_BEFORE); position--) {
    if (sentenceBreakBetween(text, tokens[position]!, tokens[position + 1]!)) break;
    if (startsUnless(cue, tokens, position, at)) return true;
  }
  for (let position = at + 1; position <= Math.min(tokens.length - 1, at + WORDS_AFTER); position++) {
    if (sentenceBreakBetween(text, tokens[position - 1]!, tokens[position]!)) break;
    if (startsUnless(cue, tokens, position, tokens.length)) return true;
  }
  return false;
}

// An unless phrase starting at `position` and ending before `limit` (so it never includes the cue word itself).
function startsUnless(cue: Cue, tokens: readonly Token[], position: number, limit: number): boolean {
  return cue.unless.some((phrase) => position + phrase.length <= limit && phrase.every((part, offset) => wordMatches(part, tokens[position + offset]!.text)));
}

function sentenceBreakBetween(text: string, left: Token, right: Token): boolean {
  return /[.!?;:]/.test(text.slice(left.end, right.start));
}
