import path from "node:path";
import { loadBank } from "../bank/index.js";
import type { Embedder } from "../core/embedder.js";
import type { Story } from "../core/story.js";
import { createInMemoryMatcher, judgedMatch, JUDGED_STORIES, type MatchJudge, type MatchResult, type SignalName } from "../retrieval/index.js";
import { withInferredPrinciples } from "../understanding/index.js";
import { readRetrievalCases, type RetrievalCase } from "./retrieval-dataset.js";
import { retrievalMetrics, type FirstHit, type RetrievalMetrics } from "./retrieval-metrics.js";

/** A retrieval configuration the eval compares. */
export interface RetrievalConfiguration {
  name: string;
  description: string;
  signals: readonly SignalName[];
  expandVocabulary?: boolean;
  weights?: number[];
  fusion?: "learned" | "score" | "rank";
  /** Name of its figures in the baseline gate; configurations without one are shown, not gated. */
  figureKey?: string;
}

export const RETRIEVAL_CONFIGURATIONS: readonly RetrievalConfiguration[] = [
  { name: "lexical", description: "plain BM25 over the story text", signals: ["lexical"], expandVocabulary: false, figureKey: "lexical" },
  { name: "lexical+vocabulary", description: "BM25 with interview-vocabulary expansion", signals: ["lexical"], expandVocabulary: true, figureKey: "lexical+vocabulary" },
  { name: "themes", description: "competency and principle profiles only", signals: ["themes", "principles"], figureKey: "themes" },
  { name: "dense", description: "the embedder alone (local default: interview embedder)", signals: ["dense"], figureKey: "dense" },
  { name: "hybrid (rank fusion)", description: "reciprocal-rank fusion (k=60) of the same signals", signals: ["dense", "lexical", "themes", "principles"], fusion: "rank" },
  { name: "hybrid (score fusion)", description: "standardised scores of the same signals, summed with equal weights", signals: ["dense", "lexical", "themes", "principles"], fusion: "score", figureKey: "hybrid-score-fusion" },
  { name: "hybrid", description: "the default: the learned re-ranker over the score-fusion leaders (score fusion alone when no ranker fits the embedder)", signals: ["dense", "lexical", "themes", "principles"], figureKey: "hybrid" },
];

/** One question's outcome under one configuration. */
export interface RetrievalCaseResult {
  id: string;
  question: string;
  acceptable: string[];
  returned: string[];
  firstHit: FirstHit;
}

export interface RetrievalDatasetReport {
  dataset: string;
  bank: string[];
  embedder: string;
  configurations: Array<{ name: string; description: string; metrics: RetrievalMetrics; cases: RetrievalCaseResult[] }>;
  /** Set for a held-out set: its cases are withheld (every `cases` is empty), only its totals are reported. */
  heldOut?: true;
}

/** A labelled dataset and the bank its ids refer to. */
export interface RetrievalDatasetSpec {
  name: string;
  file: string;
  banks: string[];
  /** Only its totals may be read: reports and the gate name none of its questions or misses. */
  heldOut?: boolean;
}

/** Runs every configuration over one dataset, in memory (the store is not touched). */
export async function runRetrievalEval(spec: RetrievalDatasetSpec, embedder: Embedder, configurations = RETRIEVAL_CONFIGURATIONS, onCase?: () => void): Promise<RetrievalDatasetReport> {
  const { cases, stories, matcher } = await openDataset(spec, embedder);
  const report: RetrievalDatasetReport = { dataset: spec.name, bank: spec.banks, embedder: embedder.id, configurations: [] };
  for (const configuration of configurations) {
    const results: RetrievalCaseResult[] = [];
    const scored: Array<{ firstHit: FirstHit; gains: number[]; relevantCount: number }> = [];
    for (const entry of cases) {
      const options = { k: 5, signals: configuration.signals, expandVocabulary: configuration.expandVocabulary, weights: configuration.weights, fusion: configuration.fusion };
      const outcome = evaluateCase(await matcher.match(entry.question, options), entry, stories);
      results.push(outcome.result);
      scored.push(outcome.scored);
      onCase?.();
    }
    report.configurations.push({ name: configuration.name, description: configuration.description, metrics: retrievalMetrics(scored), cases: results });
  }
  return report;
}

// Failures, with no live answer yet, after which the judge is not asked again on this dataset.
const GIVE_UP_AFTER = 3;

/**
 * The default hybrid ranking with a model judging its first five stories, as
 * `coach match` does with a provider: the same five, re-ordered by the
 * model's fit levels. Counts the questions where the judge fell back.
 */
export async function runJudgedRetrievalEval(spec: RetrievalDatasetSpec, embedder: Embedder, judge: MatchJudge, name: string, onCase?: () => void): Promise<RetrievalDatasetReport["configurations"][number] & { fallbacks: number }> {
  const { cases, stories, matcher } = await openDataset(spec, embedder);
  const results: RetrievalCaseResult[] = [];
  const scored: Array<{ firstHit: FirstHit; gains: number[]; relevantCount: number }> = [];
  let fallbacks = 0;
  let answeredLive = 0;
  let failuresBeforeAnswer = 0;
  for (const entry of cases) {
    // A model that has failed several questions and answered none itself (a reply replayed from the file says
    // nothing of it now) is down or misconfigured: asking about every other question would only take each one's
    // timeout. The rest keep the hybrid's order, counted as fallbacks.
    const asking = answeredLive > 0 || failuresBeforeAnswer < GIVE_UP_AFTER;
    const result = await judgedMatch(matcher, asking ? judge : null, entry.question, JUDGED_STORIES);
    if (!asking || result.judge?.fallback) {
      fallbacks++;
      if (asking) failuresBeforeAnswer++;
    } else if (result.judge && !result.judge.cached) {
      answeredLive++;
    }
    const outcome = evaluateCase(result, entry, stories);
    results.push(outcome.result);
    scored.push(outcome.scored);
    onCase?.();
  }
  return { name, description: `the hybrid's first ${JUDGED_STORIES} stories ordered by the model's fit levels (${fallbacks} of ${cases.length} questions fell back to the hybrid's order)`, metrics: retrievalMetrics(scored), cases: results, fallbacks };
}

/** A dataset's cases and bank, indexed in memory; every story id a case names must be in the bank. */
async function openDataset(spec: RetrievalDatasetSpec, embedder: Embedder) {
  const cases = await readRetrievalCases(spec.file);
  const stories = withInferredPrinciples((await loadBank(spec.banks)).stories);
  const known = new Set(stories.map((story) => story.id));
  for (const entry of cases) {
    const unknown = entry.acceptable.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new Error(`${path.basename(spec.file)}: case ${entry.id} names stories not in the bank: ${unknown.join(", ")}`);
  }
  return { cases, stories, matcher: await createInMemoryMatcher(stories, embedder) };
}

function evaluateCase(result: MatchResult, entry: RetrievalCase, stories: readonly Story[]) {
  const acceptable = new Set(entry.acceptable);
  // A match counts when the telling shown or another telling of the same experience is acceptable.
  const gains = result.matches.map((match) => ([match.id, ...match.alsoTold.map((other) => other.id)].some((id) => acceptable.has(id)) ? 1 : 0));
  const firstIndex = gains.indexOf(1);
  const relevantExperiences = new Set(stories.filter((story) => acceptable.has(story.id)).map((story) => story.experience)).size;
  return {
    result: { id: entry.id, question: entry.question, acceptable: entry.acceptable, returned: result.matches.map((match) => match.id), firstHit: firstIndex >= 0 ? firstIndex + 1 : null },
    scored: { firstHit: firstIndex >= 0 ? firstIndex + 1 : null, gains, relevantCount: relevantExperiences },
  };
}
