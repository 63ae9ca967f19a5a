import { STORY_PARTS, type Story, type StoryPart } from "../core/story.js";
import { normalizePrinciple } from "../principles/index.js";
import { shorten, splitSentences } from "../text/index.js";
import { lexicalTerms, loadTaxonomy, profileText, stem, tokenize, topEntries, wordMatches, type Cue, type CueMatch, type TextProfile, type Token } from "../understanding/index.js";

/** A sentence of a story that can be quoted, and the part it sits in. */
export interface StorySentence {
  text: string;
  /** Undefined when the story has no parts and the sentence comes from its body. */
  part: StoryPart | undefined;
}

/** A sentence chosen as evidence, with where in it the evidence sits (offsets into `text`). */
export interface EvidenceSentence extends StorySentence {
  strength: number;
  focusStart: number;
  focusEnd: number;
}

/** A sentence that uses some of the question's own words, as the story spells them. */
export interface WordsSentence extends EvidenceSentence {
  words: string[];
}

// Quotes longer than this are cut to the clauses around the evidence.
export const QUOTE_LENGTH = 110;
// One specific cue phrase ("I underestimated", "my manager disagreed") shows a theme; a hedged one alone
// ("failure" in "failure logs", weight 0.6) does not, nor a hint alone ("confidence", "stress" in "stress-tested").
const SHOWS_THEME = 1;
// Two different hints together do ("grew her confidence" for mentoring).
const HINT_STRENGTH = 0.5;
/** A figure in a sentence: digits, or a word that is one ("half", "doubled", "twice"). */
export const FIGURE = /\d|\b(half|double[ds]?|tripled?|twice)\b/i;

/**
 * A story's sentences, part by part (its body when it has no parts). A
 * sentence split after a quoted question ('I now ask "who owns this?" in
 * every review') is joined again, so no fragment is ever quoted alone.
 */
export function storySentences(story: Story): StorySentence[] {
  const parts = STORY_PARTS.filter((part) => story.parts[part]);
  if (parts.length === 0) return wholeSentences(story.body).map((text) => ({ text, part: undefined }));
  return parts.flatMap((part) => wholeSentences(story.parts[part]!).map((text) => ({ text, part })));
}

/** A story's sentence with its theme profile. */
export interface ProfiledSentence {
  sentence: StorySentence;
  profile: TextProfile;
}

// A sentence's profile does not depend on the question: profiled once per story, not once per theme and question.
const profiledCache = new WeakMap<Story, ProfiledSentence[]>();

/** The story's sentences (`storySentences`) with their profiles, computed once per story object. */
export function profiledSentences(story: Story): ProfiledSentence[] {
  let profiled = profiledCache.get(story);
  if (!profiled) profiledCache.set(story, (profiled = storySentences(story).map((sentence) => ({ sentence, profile: profileText(sentence.text, "story") }))));
  return profiled;
}

/** Sentences of a text, with fragments that start in lower case joined to the sentence before. */
export function wholeSentences(text: string): string[] {
  const sentences: Array<{ start: number; end: number }> = [];
  for (const span of splitSentences(text)) {
    const previous = sentences[sentences.length - 1];
    const first = span.text[0] ?? "";
    // Only on the same line: a new line in lower case is a new note, not the rest of a sentence.
    if (previous && first !== first.toUpperCase() && !text.slice(previous.end, span.start).includes("\n")) previous.end = span.end;
    else sentences.push({ start: span.start, end: span.end });
  }
  return sentences.map((span) => text.slice(span.start, span.end).replace(/\s+/g, " ").trim());
}

/**
 * The sentence that shows a competency best, if one shows it at all: the
 * most distinct cue phrases for it (a hedged cue alone is not enough), then
 * the most of the question's own words (stemmed `terms`), a figure, and a
 * place in the action or result.
 */
export function themeSentence(story: Story, competencyId: string, terms: readonly string[] = []): EvidenceSentence | undefined {
  const wanted = new Set(terms);
  let best: { sentence: EvidenceSentence; rank: number } | undefined;
  for (const { sentence, profile } of profiledSentences(story)) {
    const { words, shows, ...evidence } = evidenceIn(sentence, profile, competencyId, wanted);
    if (!shows) continue;
    const shared = wanted.size > 0 ? new Set(profile.tokens.map((token) => stem(token.text)).filter((word) => wanted.has(word))).size : 0;
    const rank = evidence.strength + 0.75 * shared + (FIGURE.test(sentence.text) ? 0.5 : 0) + (sentence.part === "action" || sentence.part === "result" ? 0.25 : 0);
    if (best && rank <= best.rank) continue;
    best = { sentence: evidence, rank };
  }
  return best?.sentence;
}

/**
 * A profiled sentence as evidence: focused on the cue phrases that show the
 * competency when it shows one (`shows`), else on the question's words it
 * uses (stemmed `terms`), else on the whole sentence.
 */
export function evidenceIn(sentence: StorySentence, profile: TextProfile, competencyId: string | undefined, terms: ReadonlySet<string>): WordsSentence & { shows: boolean } {
  const matches = competencyId ? inSense(profile.evidence.get(competencyId) ?? [], profile.tokens, competencyId) : [];
  const strength = evidenceStrength(matches);
  const found = profile.tokens.filter((token) => terms.has(stem(token.text)));
  const words = [...new Set(found.map((token) => sentence.text.slice(token.start, token.end)))];
  if (strength >= SHOWS_THEME) {
    // Reduced, not spread into Math.min: a long sentence can hold more matches than a call takes arguments.
    const first = profile.tokens[matches.reduce((lowest, match) => Math.min(lowest, match.from), Infinity)]!;
    const last = profile.tokens[matches.reduce((highest, match) => Math.max(highest, match.to), 0) - 1]!;
    return { ...sentence, words, strength, focusStart: first.start, focusEnd: last.end, shows: true };
  }
  // No word to focus on: the sentence's opening, as a shortened quote keeps it.
  const focusStart = found[0]?.start ?? 0;
  const focusEnd = found[found.length - 1]?.end ?? 0;
  return { ...sentence, words, strength, focusStart, focusEnd, shows: false };
}

/**
 * The cue matches that keep the theme's sense where they stand: not one
 * inside a phrase where the word means something else ("budget" in "latency
 * budget", "client" in "HTTP client"), nor one just after a negator ("we
 * never missed a deadline" shows no missed deadline).
 */
export function inSense(matches: readonly CueMatch[], tokens: readonly Token[], competencyId: string): CueMatch[] {
  const phrases = loadTaxonomy().competencies.find((competency) => competency.id === competencyId)?.quoteUnless ?? [];
  const words = tokens.map((token) => token.text);
  return matches.filter((match) => !phrases.some((phrase) => covers(phrase, words, match)) && !negated(words, match));
}

const NEGATORS = new Set(["not", "never", "no", "without", "nobody", "none", "neither", "nor"]);

// "We never missed a deadline", "no one pushed back": a negator just before the cue's words turns them around.
function negated(words: readonly string[], match: CueMatch): boolean {
  for (let at = Math.max(0, match.from - NEGATION_REACH); at < match.from; at++) if (NEGATORS.has(words[at]!.toLowerCase())) return true;
  return false;
}
// Two words: "did not miss", "no one pushed back"; further back the negator is usually about something else.
const NEGATION_REACH = 2;

// Whether the phrase occurs somewhere over the whole of the match's words.
function covers(phrase: readonly string[], words: readonly string[], match: CueMatch): boolean {
  for (let start = Math.max(0, match.to - phrase.length); start <= match.from; start++) {
    if (start + phrase.length > words.length) break;
    if (phrase.every((form, offset) => wordMatches(form, words[start + offset]!))) return true;
  }
  return false;
}

/** How strongly a profiled sentence shows a competency through its cue phrases (those in sense), as `themeSentence` counts it. */
export function themeStrength(profile: TextProfile, competencyId: string): number {
  return evidenceStrength(inSense(profile.evidence.get(competencyId) ?? [], profile.tokens, competencyId));
}

/**
 * How strongly a sentence's cue matches show their theme: each distinct cue
 * phrase once, hints only when they cover different words ("than expected"
 * is one hint, not two with the "expected" inside it), and hints that only
 * set the scene ("analysts", "demo") only beside another of the theme's cues.
 */
function evidenceStrength(matches: readonly CueMatch[]): number {
  if (matches.every((match) => match.cue.context)) return 0;
  const bySource = new Map<string, number>();
  const hintSpans: Array<{ from: number; to: number }> = [];
  // Longest first, so a hint phrase is counted rather than a shorter hint within it.
  for (const match of [...matches].sort((a, b) => b.to - b.from - (a.to - a.from))) {
    if (bySource.has(match.cue.source)) continue;
    if (match.cue.hint) {
      if (hintSpans.some((span) => match.from < span.to && span.from < match.to)) continue;
      hintSpans.push({ from: match.from, to: match.to });
    }
    bySource.set(match.cue.source, cueStrength(match.cue));
  }
  return [...bySource.values()].reduce((sum, value) => sum + value, 0);
}

// A cue's weight, more for a longer phrase; a hint counts at most half of what showing a theme takes.
function cueStrength(cue: Cue): number {
  const strength = cue.weight * Math.min(cue.pattern.length, 3);
  return cue.hint ? Math.min(HINT_STRENGTH, strength) : strength;
}

/**
 * Whether the story's heading, the questions it answers or its own tags name
 * the competency: its writer filed it so. Any cue will do there ("Critical
 * Failure"), but not a hint alone ("differently" is no "diff" of quality).
 */
export function headingShows(story: Story, competencyId: string): boolean {
  return headingEvidence(story, competencyId) !== undefined;
}

/** A line of a story's heading, and what it is. */
export interface HeadingLine {
  text: string;
  kind: "title" | "question" | "tags";
}

/**
 * The line of the story's heading (its title, a question it answers, or its
 * tags) that names the competency, as `headingShows` reads them; the title
 * first. A line alone may fall short where the heading as a whole does not
 * (two hints on two lines): then the title stands for the heading.
 */
export function headingEvidence(story: Story, competencyId: string): HeadingLine | undefined {
  const lines: HeadingLine[] = [
    { text: story.title, kind: "title" as const },
    ...story.questions.map((text) => ({ text, kind: "question" as const })),
    { text: story.tags.join(", "), kind: "tags" as const },
  ].filter((line) => line.text.trim() !== "");
  if (!namesTheme(lines.map((line) => line.text).join(". "), competencyId)) return undefined;
  return lines.find((line) => namesTheme(line.text, competencyId)) ?? { text: story.title, kind: "title" };
}

// A heading asks the question when it has three in four of the question's words, and two at least.
const ASKED_SHARE = 0.75;
const ASKED_MIN_WORDS = 2;

/**
 * A question the story answers (its title, when worded as one) that asks what
 * the question asks, in about its words ("Tell me about a large migration you
 * led." for "Tell me about a large migration you led"): the story was written
 * for it. A topic title ("Payments database migration") asks nothing. With
 * `theme`, the story's question must also ask that theme among its first two.
 */
export function headingAsking(story: Story, terms: ReadonlySet<string>, theme?: string): HeadingLine | undefined {
  if (terms.size < ASKED_MIN_WORDS) return undefined;
  const templateWords = loadTaxonomy().templateWords;
  const lines: HeadingLine[] = story.questions.map((text) => ({ text, kind: "question" as const }));
  return lines.find((line) => {
    const own = new Set(lexicalTerms(line.text, templateWords));
    let shared = 0;
    for (const term of terms) if (own.has(term)) shared++;
    if (shared < ASKED_MIN_WORDS || shared < ASKED_SHARE * terms.size) return false;
    return theme === undefined || asksTheme(line.text, theme);
  });
}

/** Whether a question asks a theme, as one of the two it asks most. */
function asksTheme(question: string, theme: string): boolean {
  return topEntries(profileText(question, "question").competencies, 2).some((entry) => entry.name === theme && entry.score > 0);
}

function namesTheme(text: string, competencyId: string): boolean {
  const profile = profileText(text, "story");
  const matches = inSense(profile.evidence.get(competencyId) ?? [], profile.tokens, competencyId);
  return matches.some((match) => !match.cue.hint) || evidenceStrength(matches) >= SHOWS_THEME;
}

// Light verbs and vague words: sharing "went", "built" or "people" with a question says nothing about which
// experience a story is ("Shares "turned" with the question..., but no line shows judgement" helped no one).
const VAGUE_WORDS = new Set(
  [
    "make made making do did done doing get got getting go went gone going take took taken taking give gave given come came",
    "turn turned want wanted think thought ask asked put set keep kept let say said tell told see saw seen know knew",
    "use used try tried start started need needed build built call called hand right hard different good great big small",
    "new old people person someone something thing things way lot day days week weeks everyone anyone work worked working",
    "really even still well first last back part point happen happened feel felt find found look looked show showed",
    "help helped run ran change changed move moved become became bring brought mean meant end ended",
    // Other forms the stemmer does not bring back to the words above ("trying" is not "try", "goes" not "go").
    "gets goes going comes coming giving asks asking puts putting sets setting lets letting says saying sees seeing known",
    "uses using tries trying runs running moving becomes becoming ends ending shown ways lots hardest bigger biggest smallest newer older",
  ]
    .join(" ")
    .split(" ")
    .map(stem),
);

/**
 * The sentence that uses the most of the question's words (stemmed terms),
 * with those words as written; with `telling`, only words that say more than
 * a light verb or a vague word does.
 */
export function wordsSentence(story: Story, terms: readonly string[], options: { telling?: boolean } = {}): WordsSentence | undefined {
  const wanted = new Set(options.telling ? terms.filter((term) => !VAGUE_WORDS.has(term)) : terms);
  if (wanted.size === 0) return undefined;
  let best: WordsSentence | undefined;
  for (const sentence of storySentences(story)) {
    const found = tokenize(sentence.text).filter((token) => wanted.has(stem(token.text)));
    const words = [...new Set(found.map((token) => sentence.text.slice(token.start, token.end)))];
    const stems = new Set(found.map((token) => stem(token.text)));
    if (stems.size === 0 || (best && stems.size <= best.strength)) continue;
    best = { ...sentence, words, strength: stems.size, focusStart: found[0]!.start, focusEnd: found[found.length - 1]!.end };
  }
  return best;
}

/**
 * A sentence fit to quote: whole when short, else the clauses around the
 * evidence (so "…saving 35% on hosting" is kept, not cut off), with "…"
 * where it was cut; no trailing full stop.
 */
export function quoteSentence(sentence: EvidenceSentence | StorySentence, max = QUOTE_LENGTH): string {
  return withoutPrincipleTags(cutToFit(sentence, max));
}

// "...unblock the pipeline (Bias for Action)": the writer's filing note, which no one says in an interview.
function withoutPrincipleTags(quote: string): string {
  return quote.replace(/\s*\(([^()]{3,60})\)/g, (tag, inner: string) => (normalizePrinciple(inner) ? "" : tag));
}

function cutToFit(sentence: EvidenceSentence | StorySentence, max: number): string {
  const text = sentence.text.replace(/[.;:,\s]+$/, "");
  if (text.length <= max || !("focusStart" in sentence)) return shorten(text, max);
  const clauses = clauseSpans(text);
  let from = Math.max(0, clauses.findIndex((clause) => clause.end > sentence.focusStart));
  let to = from;
  while (to + 1 < clauses.length && clauses[to]!.end < sentence.focusEnd) to++;
  // Widen to the neighbouring clauses while the quote still fits: the one before first, as it usually says who did what.
  for (;;) {
    if (from > 0 && clauses[to]!.end - clauses[from - 1]!.start <= max) from--;
    else if (to + 1 < clauses.length && clauses[to + 1]!.end - clauses[from]!.start <= max) to++;
    else break;
  }
  const start = clauses[from]!.start;
  const end = clauses[to]!.end;
  if (end - start > max) return windowAround(text, sentence.focusStart, sentence.focusEnd, max);
  const quote = text.slice(start, end).replace(/^[,;:\s—–-]+/, "").replace(/[,;:\s—–-]+$/, "");
  return `${start > 0 ? "…" : ""}${quote}${end < text.length ? "…" : ""}`;
}

// The words around the evidence when even its clause is too long: cut at spaces, "…" on each cut side.
function windowAround(text: string, focusStart: number, focusEnd: number, max: number): string {
  // Evidence near the start: keep the sentence's own opening and cut the end.
  if (focusEnd <= max - 1) return shorten(text, max);
  const room = Math.max(0, max - 2 - (focusEnd - focusStart));
  let start = Math.max(0, focusStart - Math.floor(room / 3));
  let end = Math.min(text.length, start + max - 2);
  if (end - start < max - 2) start = Math.max(0, end - (max - 2));
  if (start > 0) start = text.indexOf(" ", start) < 0 || text.indexOf(" ", start) >= focusStart ? start : text.indexOf(" ", start) + 1;
  // Never mid-word: at the last space, even one inside the evidence (a word cut in half reads as a typo).
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > start) end = space;
  }
  return `${start > 0 ? "…" : ""}${text.slice(start, end).trim().replace(/[,;:\s]+$/, "")}${end < text.length ? "…" : ""}`;
}

// Clauses end after a comma, semicolon, colon or dash followed by a space.
function clauseSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (let index = 0; index < text.length - 1; index++) {
    const char = text[index]!;
    if ((char === "," || char === ";" || char === ":" || char === "—" || char === "–") && text[index + 1] === " ") {
      spans.push({ start, end: index + 1 });
      start = index + 1;
    }
  }
  spans.push({ start, end: text.length });
  return spans;
}
