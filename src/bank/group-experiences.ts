import { findPrincipleMentions } from "../principles/index.js";
import { STOPWORDS } from "../text/stopwords.js";

export interface ExperienceInput {
  id: string;
  title: string;
  body: string;
  /** An "Experience:" line from the bank groups by hand and wins. */
  experienceKey: string | null;
  /** The story's file and heading number, so "same incident as Story 5" can find story 5. */
  file?: string;
  number?: number | null;
  /** The principles it is filed under, so "same rollout as under Deliver Results" looks there. */
  principles?: readonly string[];
}

// The author saying so: "Same Black Friday incident as Story 5", "the same outage as #14"; not "the same checklist as Story 5" (no incident) or "isn't the same outage as Story 5".
// The nouns of a retelling: an event, not a tool or a method ("same checklist as Story 5" is not the same experience).
const EVENT = String.raw`(?:incident|outage|project|story|event|experience|situation|night|weekend|launch|bug|issue|release|migration|problem|day|crisis|failure|mistake|close|quarter|deal|rollout|campaign|test|experiment|audit|crash|spike|sale|negotiation|escalation|complaint|conflict|disagreement|recall|pilot|go-live|cutover|deployment|freeze)`;
const SAME_AS_NUMBER = new RegExp(
  String.raw`(?<!(?:n't|n’t|\bnot|\bnever)\s+(?:\w+\s+){0,2})\bsame\s+(?:[\w-]+\s+){0,3}?${EVENT}\b[^.;:!?]{0,30}?\b(?:as|from|in)\s+(?:story|q(?:uestion)?|no\.?|number|#)\s*(?:#\s*)?(\d{1,4})\b`,
  "i",
);

// A sentence that opens with "Same ... as #4" is the author's note on a retelling, whatever the noun ("Same supplier bankruptcy as #4.").
// ...but a shared person, team or tool is not a shared event ("Same VP as #3."): the head noun decides.
const SAME_AS_NUMBER_NOTE = /(?:^|[.!?)]\s+|\(\s*)same\s+((?:[\w-]+\s+){0,3}?)([\w-]+)\s+(?:as|from)\s+(?:story|q(?:uestion)?|no\.?|number|#)\s*(?:#\s*)?(\d{1,4})\b/i;
const NOT_AN_EVENT = /^(?:manager|boss|vp|director|lead|team|teammate|colleague|customer|client|person|people|company|role|job|tool|checklist|template|approach|method|process|idea|stack|vendor|supplier)s?$/i;
// "Same barcode rollout as under Deliver Results": the retold story is named by its words and section, not a number.
// "This is the remote-teaching week again, from the team side.": a retelling named by its words alone.
const TOLD_AGAIN = /(?:^|[.!?]\s+)(?:this|it|that)(?:\s+is|['’]s)\s+(?:the\s+|my\s+|our\s+)?(?:same\s+)?([\p{L}\d][\p{L}\d '’-]{2,50}?)\s+again\b/iu;
const EVENT_WORD = new RegExp(`^${EVENT}$`, "i");
// A sentence that opens "Same Android cold start as under Dive Deep." names a retelling whatever its noun, as "Same ... as #4" does.
const SAME_AS_SECTION_NOTE = /(?:^|[.!?)]\s+|\(\s*)same\s+((?:[\w-]+\s+){0,3}?)([\w-]+)\s+as\s+(?:the\s+one\s+)?(?:under|in)\s+([^.;:!?(),]{3,60})([^.!?]{0,60})/i;
const SAME_AS_SECTION = new RegExp(String.raw`(?<!(?:n't|n’t|\bnot|\bnever)\s+(?:\w+\s+){0,2})\bsame\s+((?:[\w-]+\s+){0,3}?${EVENT})\s+as\s+(?:the\s+one\s+)?(?:under|in)\s+([^.;:!?()]{3,60})`, "i");

/** Distinctive overlap above which two stories are taken as tellings of one experience. */
export const SAME_EXPERIENCE_THRESHOLD = 0.34;
const MIN_SHARED_FEATURES = 4;
// The same specific figures ("33 hours", "17 pages") in two stories are the strongest sign of a retelling.
const FIGURE_BONUS = 0.12;
// Below this much shared wording (words and word pairs, not figures), figures count for nothing.
const MIN_WORDING_FOR_FIGURES = 0.095;

/**
 * Gives each story an experience id: tellings of the same events (the same
 * rare names, figures and phrases) share the id of the first telling. Stories
 * with an "Experience:" line are grouped by that line alone.
 */
export function groupExperiences(stories: readonly ExperienceInput[]): string[] {
  const parent = stories.map((_, index) => index);
  const find = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]!]!;
    return index;
  };
  // Two stories with different "Experience:" lines are never one experience, not even through a third story.
  const keyOf = stories.map((story) => story.experienceKey);
  const union = (a: number, b: number) => {
    const rootA = find(a);
    const rootB = find(b);
    if (rootA === rootB) return;
    const [keyA, keyB] = [keyOf[rootA], keyOf[rootB]];
    if (keyA && keyB && keyA !== keyB) return;
    const [kept, joined] = rootA < rootB ? [rootA, rootB] : [rootB, rootA];
    parent[joined] = kept;
    keyOf[kept] = keyA ?? keyB ?? null;
  };

  const byKey = new Map<string, number[]>();
  stories.forEach((story, index) => {
    if (!story.experienceKey) return;
    const holders = byKey.get(story.experienceKey);
    if (holders) holders.push(index);
    else byKey.set(story.experienceKey, [index]);
  });
  for (const holders of byKey.values()) for (const index of holders.slice(1)) union(holders[0]!, index);
  // A line held by two or more stories groups them by hand, and nothing else does; a story whose line no other story
  // holds is read by the other rules like any story ("This is the produce forecast project again" still groups it).
  const byHand = (story: ExperienceInput) => story.experienceKey !== null && byKey.get(story.experienceKey)!.length > 1;
  const named = (phrase: string, eligible: (other: ExperienceInput) => boolean, self: number, onlyCandidate = true) =>
    storyNamedBy(phrase, (other) => !byHand(other) && eligible(other), stories, self, onlyCandidate);

  // Stories by file and heading number, for "same incident as Story 5" (a lookup per story, not a scan of the bank).
  const numbered = new Map<string, number[]>();
  stories.forEach((story, index) => {
    if (byHand(story) || story.number === null || story.number === undefined) return;
    const key = `${story.file}\u0000${story.number}`;
    const list = numbered.get(key);
    if (list) list.push(index);
    else numbered.set(key, [index]);
  });

  stories.forEach((story, index) => {
    if (byHand(story)) return;
    const said = SAME_AS_NUMBER.exec(story.body)?.[1] ?? sameAsNote(story.body);
    if (!said) return;
    const target = numbered.get(`${story.file}\u0000${Number(said)}`)?.find((at) => at !== index);
    if (target !== undefined) union(target, index);
  });

  stories.forEach((story, index) => {
    if (byHand(story) || SAME_AS_NUMBER.test(story.body) || sameAsNote(story.body)) return;
    const said = sameAsSection(story.body);
    if (!said) return;
    const target = named(said.naming, (other) => said.section.some((principle) => other.principles?.includes(principle)), index, said.onlyCandidate);
    if (target !== null) union(target, index);
  });

  stories.forEach((story, index) => {
    if (byHand(story)) return;
    const said = TOLD_AGAIN.exec(story.body);
    // The naming words ("the neonatal rounding bug" -> "neonatal rounding"): the event noun may not be in the first telling,
    // and a phrase that is nothing but one ("the same problem again") names no story.
    const naming = said?.[1]!.split(/[\s-]+/).filter((word) => !EVENT_WORD.test(word) && !STOPWORDS.has(word.toLowerCase()));
    if (!naming?.length) return;
    const target = named(naming.join(" "), () => true, index);
    if (target !== null) union(target, index);
  });

  const features = stories.map((story) => distinctiveFeatures(`${story.title}. ${story.body}`));
  const documentFrequency = new Map<string, number>();
  for (const set of features) for (const feature of set) documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
  const total = stories.length;
  const weight = (feature: string) => Math.log((total + 1) / (documentFrequency.get(feature) ?? 1));
  const rareLimit = Math.max(2, Math.ceil(total * 0.08));
  const rare = features.map((set) => new Set([...set].filter((feature) => (documentFrequency.get(feature) ?? 0) <= rareLimit)));
  const mass = rare.map((set) => [...set].reduce((sum, feature) => sum + weight(feature), 0));

  // Only stories sharing a rare feature can be tellings of one experience: pairs are found through the stories that
  // hold each feature (at most rareLimit of them), not by comparing every pair, which took minutes on 5 MB banks.
  const holders = new Map<string, number[]>();
  rare.forEach((set, index) => {
    // Shared wording, the weakest sign, never joins a story the author named on an Experience: line.
    if (stories[index]!.experienceKey) return;
    for (const feature of set) {
      const list = holders.get(feature);
      if (list) list.push(index);
      else holders.set(feature, [index]);
    }
  });
  for (let a = 0; a < stories.length; a++) {
    if (stories[a]!.experienceKey) continue;
    const shared = new Map<number, { weight: number; wording: number; count: number; figures: number }>();
    for (const feature of rare[a]!) {
      for (const b of holders.get(feature)!) {
        if (b <= a) continue;
        const similarity = shared.get(b) ?? { weight: 0, wording: 0, count: 0, figures: 0 };
        similarity.weight += weight(feature);
        similarity.count++;
        if (feature.startsWith(FIGURE_MARK)) similarity.figures++;
        else similarity.wording += weight(feature);
        shared.set(b, similarity);
      }
    }
    for (const [b, similarity] of shared) {
      if (similarity.count < MIN_SHARED_FEATURES) continue;
      const smaller = Math.max(1e-9, Math.min(mass[a]!, mass[b]!));
      const overlap = similarity.weight / smaller;
      // Shared figures back up shared words; alone they are round numbers any two stories may hold ("5% of traffic", "3 hours").
      const figures = similarity.wording / smaller >= MIN_WORDING_FOR_FIGURES ? FIGURE_BONUS * similarity.figures : 0;
      if (overlap + figures >= SAME_EXPERIENCE_THRESHOLD) union(a, b);
    }
  }
  return stories.map((_, index) => stories[find(index)]!.id);
}

const FIGURE_MARK = "#";

/** A number with a unit, a percentage, money, or a bare number of two or more digits that is not a year. */
function asFigure(token: string): string | null {
  if (!/^\$?\d/.test(token)) return null;
  const hasUnit = /[a-z%$]/.test(token) || token.includes("+");
  const bare = token.replace(/[,+]/g, "");
  if (!hasUnit && (bare.length < 2 || /^(19|20)\d\d$/.test(bare))) return null;
  return `${FIGURE_MARK}${token.replace(/\s+/g, " ").replace(/(?<=[a-z]{3})s$/, "")}`;
}

/** Content words, figures with their unit, and adjacent word pairs of a text. */
function distinctiveFeatures(text: string): Set<string> {
  const features = new Set<string>();
  const tokens = text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .match(/\$?\d[\d,.]*(?:\s?(?:%|k|m|x|ms|s|h|hours?|minutes?|days?|weeks?|months?|years?|million|billion|users|services|microservices|pages|people|engineers))?\+?|[a-z][a-z'-]+/g);
  if (!tokens) return features;
  let previous: string | null = null;
  for (const raw of tokens) {
    const figure = asFigure(raw);
    if (figure) {
      features.add(figure);
      previous = null;
      continue;
    }
    const token = raw.replace(/'s$/, "").replace(/(?<=[a-z]{3})s$/, "");
    if (STOPWORDS.has(token) || token.length < 3) {
      previous = null;
      continue;
    }
    features.add(token);
    if (previous) features.add(`${previous} ${token}`);
    previous = token;
  }
  return features;
}

const MAX_NAMED_CANDIDATES = 500;

/**
 * The one other story of the same file, among those `eligible` allows (filed
 * under the named principles, say), that uses every content word of a phrase
 * most often; failing that (when `onlyCandidate`), the only eligible story; null when none or tied.
 */
function storyNamedBy(phrase: string, eligible: (other: ExperienceInput) => boolean, stories: readonly ExperienceInput[], self: number, onlyCandidate: boolean): number | null {
  // Word stems, so "rollout" finds "rolling out" and "pricing" finds "price"; "remote-teaching" is two words.
  const words = phrase.toLowerCase().split(/[\s-]+/).filter((word) => word.length > 2 && !STOPWORDS.has(word)).map((word) => word.slice(0, Math.max(4, word.length - 3)));
  const candidates = stories
    .map((other, index) => ({ other, index }))
    .filter(({ other, index }) => index !== self && other.file === stories[self]!.file && eligible(other));
  // Reading every story's text for every "... again" note is quadratic: past a few hundred stories in one file
  // (no person's bank, only a generated one) the note groups nothing rather than stall the parse.
  if (candidates.length > MAX_NAMED_CANDIDATES) return null;
  let best: number | null = null;
  let bestCount = 0;
  let tied = false;
  for (const { other, index } of words.length > 0 ? candidates : []) {
    const text = `${other.title} ${other.body}`.toLowerCase();
    const counts = words.map((word) => text.split(word).length - 1);
    if (counts.some((count) => count === 0)) continue;
    const count = counts.reduce((sum, value) => sum + value, 0);
    if (count > bestCount) [best, bestCount, tied] = [index, count, false];
    else if (count === bestCount) tied = true;
  }
  if (best !== null) return tied ? null : best;
  return onlyCandidate && candidates.length === 1 ? candidates[0]!.index : null;
}

/**
 * A retelling named by its section: "same release problem as under Ownership" (an event noun: the section's one
 * story is enough), or a sentence that opens "Same Android cold start as under Dive Deep." (another noun: the other
 * telling must hold its words); the words that name it, the principles of that section, and which of the two it is.
 * "The same problem as in my last job" names no section of the bank.
 */
function sameAsSection(body: string): { naming: string; section: string[]; onlyCandidate: boolean } | null {
  const event = SAME_AS_SECTION.exec(body);
  if (event) {
    const section = findPrincipleMentions(event[2]!);
    if (section.length > 0) return { naming: event[1]!, section, onlyCandidate: true };
  }
  const note = SAME_AS_SECTION_NOTE.exec(body);
  // Any noun but an event's must be in the other telling ("Same codebase as in Dive Deep" shares a codebase, not events),
  // and "but a different problem" says it is another experience.
  if (note && !NOT_AN_EVENT.test(note[2]!) && !/^[^.!?]{0,40}?(?:\bbut\b|,)\s*(?:a\s+)?(?:different|another|new)\b/i.test(note[4] ?? "")) {
    const section = findPrincipleMentions(note[3]!);
    if (section.length > 0) return { naming: `${note[1]!}${note[2]!}`, section, onlyCandidate: false };
  }
  return null;
}

/** The story number in a sentence that opens "Same supplier bankruptcy as #4", unless its noun is a person, team or tool. */
function sameAsNote(body: string): string | undefined {
  const note = SAME_AS_NUMBER_NOTE.exec(body);
  return note && !NOT_AN_EVENT.test(note[2]!) ? note[3] : undefined;
}
