import type { StoryFeatures } from "../retrieval/index.js";
import { lexicalTerms, loadTaxonomy } from "../understanding/index.js";

// Content words an answer needs before it can be credited to a bank story it retells (a 60-word answer has about 30).
const MIN_RETOLD_TERMS = 20;

/**
 * The share of an answer's content, its words weighed by how rare each is in
 * the bank, that one story must hold to be the one retold; or, when the
 * next experience holds at most a third as much, `RETOLD_SHARE_WITH_LEAD`.
 * Chosen on 160 retellings and look-alikes written blind for three training
 * banks (`corpus/retellings/training.jsonl`): whole retellings in the teller's
 * own words hold 0.24-0.78 (a tenth under 0.40) and lead the next experience
 * by far; answers about other experiences, on the same theme or not, hold at
 * most 0.28, leading the next by at most 2.5 times. Counting every word alike
 * (the rule before: half the words) credited 0.89 of whole retellings (0.915
 * with the partial ones); this credits 0.99, and none of the other answers.
 */
export const RETOLD_SHARE = 0.35;
export const RETOLD_SHARE_WITH_LEAD = 0.2;
const LEAD = 3;
const HALF_THE_WORDS = 0.5;

const rarity = new WeakMap<readonly StoryFeatures[], { weights: Map<string, number>; unseen: number }>();

/**
 * The bank story an answer retells: the one holding most of the answer's
 * content, its words weighed by how few stories use them, when that is
 * enough of it (`RETOLD_SHARE`) or clearly more than any other experience
 * holds. A short answer shares its few words ("rolled back the release") with
 * many a story, so it takes a told story's length to be credited.
 */
export function storyTold(answer: string, bank: readonly StoryFeatures[]): StoryFeatures | undefined {
  const terms = new Set(lexicalTerms(answer, loadTaxonomy().templateWords));
  if (terms.size < MIN_RETOLD_TERMS || bank.length === 0) return undefined;
  const { weights, unseen } = rarityOf(bank);
  let total = 0;
  for (const term of terms) total += weights.get(term) ?? unseen;
  // The best story, and the best share of any other experience (tellings of one experience share its words).
  let best: { features: StoryFeatures; share: number; words: number } | undefined;
  const byExperience = new Map<string, number>();
  for (const features of bank) {
    let shared = 0;
    let words = 0;
    for (const term of terms) {
      if (!features.terms.has(term)) continue;
      shared += weights.get(term)!;
      words++;
    }
    const share = shared / total;
    byExperience.set(features.story.experience, Math.max(byExperience.get(features.story.experience) ?? 0, share));
    if (!best || share > best.share) best = { features, share, words };
  }
  if (!best) return undefined;
  let next = 0;
  for (const [experience, share] of byExperience) if (experience !== best.features.story.experience) next = Math.max(next, share);
  const credited =
    best.share >= RETOLD_SHARE ||
    (best.share >= RETOLD_SHARE_WITH_LEAD && best.share >= LEAD * next) ||
    // In a bank of a story or two rarity says little (every word is in half the bank): half the words, counted alike.
    best.words / terms.size >= HALF_THE_WORDS;
  return credited ? best.features : undefined;
}

/** Each bank word's weight, log((stories + 1) / (stories using it + 0.5)), and the weight of a word no story uses. */
function rarityOf(bank: readonly StoryFeatures[]): { weights: Map<string, number>; unseen: number } {
  const known = rarity.get(bank);
  if (known) return known;
  const counts = new Map<string, number>();
  for (const features of bank) for (const term of features.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  const weights = new Map<string, number>();
  for (const [term, count] of counts) weights.set(term, Math.log((bank.length + 1) / (count + 0.5)));
  const computed = { weights, unseen: Math.log((bank.length + 1) / 0.5) };
  rarity.set(bank, computed);
  return computed;
}
