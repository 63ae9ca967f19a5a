import type { Principle } from "../../principles/index.js";
import type { TextProfile } from "../classify-text.js";
import { lexicalTerms } from "../normalize-text.js";
import type { Taxonomy } from "../taxonomy.js";

/** How strongly each principle shows across a bank, on average: a story is judged against its own bank. */
export type BankPrincipleMeans = ReadonlyMap<Principle, number>;

/** Cue scores below this say nothing about a story. */
export const CUE_FLOOR = 0.3;
// Some principles (Earn Trust above all) show a little in almost every story; dividing by the square root of the
// bank's mean keeps them from crowding out the one a story is really about.
const BANK_MEAN_POWER = 0.5;
const RELATIVE_RANKS = 3;

/**
 * The principles a story's cues show (at least CUE_FLOOR), each judged
 * against its bank's mean, strongest first: the cue-only inference, and a
 * feature of the learned one.
 */
export function relativeCueRanking(profile: TextProfile, bankMeans: BankPrincipleMeans): Array<{ principle: Principle; score: number }> {
  return [...profile.principles]
    .filter(([, score]) => score >= CUE_FLOOR)
    .map(([principle, score]) => ({ principle, score: score / Math.pow(Math.max(1e-6, bankMeans.get(principle) ?? 1), BANK_MEAN_POWER) }))
    .sort((a, b) => b.score - a.score);
}

/**
 * Features of a story for the learned story-principle model: its content
 * words, its competency and principle cue scores in bands, and which
 * principles lead it relative to the rest of its bank.
 */
export function storyPrincipleFeatures(input: { title: string; body: string; profile: TextProfile; bankMeans: BankPrincipleMeans; taxonomy: Taxonomy }): string[] {
  const features: string[] = [];
  relativeCueRanking(input.profile, input.bankMeans)
    .slice(0, RELATIVE_RANKS)
    .forEach(({ principle }, rank) => features.push(`rel${rank}:${principle}`));
  for (const [principle, score] of input.profile.principles) {
    if (score >= CUE_FLOOR) features.push(`p3:${principle}`);
    if (score >= 0.6) features.push(`p6:${principle}`);
    if (score >= 0.9) features.push(`p9:${principle}`);
  }
  for (const [competency, score] of input.profile.competencies) {
    if (score >= 0.3) features.push(`c3:${competency}`);
    if (score >= 0.6) features.push(`c6:${competency}`);
  }
  for (const word of new Set(lexicalTerms(`${input.title}. ${input.body}`, input.taxonomy.templateWords))) features.push(`w:${word}`);
  return features;
}

/** Each principle's mean cue score over a bank's story profiles. */
export function bankPrincipleMeans(profiles: readonly TextProfile[]): Map<Principle, number> {
  const means = new Map<Principle, number>();
  for (const profile of profiles) for (const [principle, score] of profile.principles) means.set(principle, (means.get(principle) ?? 0) + score / profiles.length);
  return means;
}

// Fewer stories than this make a poor average.
const MIN_STORIES_FOR_MEANS = 5;

/**
 * The bank means each story is judged against: those of its own file, as
 * the model was trained (one bank per file), else of all the stories given
 * when its file is too small, else none.
 */
export function principleMeansByFile(files: readonly string[], profiles: readonly TextProfile[]): BankPrincipleMeans[] {
  const overall = profiles.length >= MIN_STORIES_FOR_MEANS ? bankPrincipleMeans(profiles) : new Map<Principle, number>();
  const byFile = new Map<string, BankPrincipleMeans>();
  for (const file of new Set(files)) {
    const own = profiles.filter((_, index) => files[index] === file);
    byFile.set(file, own.length >= MIN_STORIES_FOR_MEANS ? bankPrincipleMeans(own) : overall);
  }
  return files.map((file) => byFile.get(file)!);
}
