/**
 * Retrains the story re-ranker from corpus/retrieval-training (banks written
 * for training only, each with blind-labelled questions) and writes
 * corpus/models/story-ranker.json. Deterministic: the same data gives the same
 * file. `--cv` prints leave-one-bank-out hit@1, hit@3 and MRR, score fusion
 * beside the learned ranker, instead of writing.
 * Run: npm run train:ranker
 */
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadBank } from "../src/bank/index.js";
import type { Story } from "../src/core/story.js";
import { readRetrievalCases, type RetrievalCase } from "../src/evals/retrieval-dataset.js";
import { trainRanker, type RankerModel, type RankGroup } from "../src/learning/index.js";
import { InterviewEmbedder } from "../src/providers/local/interview-embedder.js";
import { createInMemoryMatcher } from "../src/retrieval/index.js";
import { STORY_RANKER_FILE } from "../src/retrieval/rerank/index.js";
import { withInferredPrinciples } from "../src/understanding/index.js";

const TRAINING_ROOT = path.join(import.meta.dirname, "..", "corpus", "retrieval-training");
// Chosen by leave-one-bank-out cross-validation (--cv).
// Chosen so the eval figures and the leave-one-bank-out figures do not move; halves the model file.
const MIN_SAVED_WEIGHT = 0.005;
const OPTIONS = { l2: 0.01, epochs: 300, learningRate: 0.1, minGroups: 2 };

interface TrainingSet {
  name: string;
  stories: Story[];
  cases: RetrievalCase[];
  groups: RankGroup[];
}

const embedder = new InterviewEmbedder();
const sets: TrainingSet[] = [];
for (const file of readdirSync(path.join(TRAINING_ROOT, "questions")).filter((name) => name.endsWith(".jsonl")).sort()) {
  const name = file.replace(/\.jsonl$/, "");
  const cases = await readRetrievalCases(path.join(TRAINING_ROOT, "questions", file));
  const stories = withInferredPrinciples((await loadBank([path.join(TRAINING_ROOT, "banks", name)])).stories);
  const matcher = await createInMemoryMatcher(stories, embedder, null);
  const known = new Set(stories.map((story) => story.id));
  const groups: RankGroup[] = [];
  for (const entry of cases) {
    // A story id the parser no longer produces would silently turn a right answer into a wrong one.
    const unknown = entry.acceptable.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new Error(`${file}: ${entry.id} names stories not in ${name}: ${unknown.join(", ")}`);
    // Relevant by experience, as the eval and the matcher count it: another telling of an acceptable story is no wrong answer.
    const acceptable = new Set(stories.filter((story) => entry.acceptable.includes(story.id)).map((story) => story.experience));
    const features = await matcher.candidateFeatures(entry.question);
    groups.push({ candidates: features.map((candidate) => ({ features: candidate.features, relevant: acceptable.has(stories[candidate.index]!.experience) })) });
  }
  sets.push({ name, stories, cases, groups });
}
const questions = sets.reduce((sum, set) => sum + set.cases.length, 0);
const describe = (names: string[]) => `corpus/retrieval-training (${names.join(", ")}; ${questions} questions)`;

if (process.argv.includes("--cv")) {
  for (const held of sets) {
    const model = trainRanker(
      sets.filter((set) => set !== held).flatMap((set) => set.groups),
      { ...OPTIONS, trainedOn: "cv" },
    );
    const base = await measure(held, null);
    const learned = await measure(held, model);
    console.log(held.name.padEnd(8), "score fusion", base, " learned", learned);
  }
} else {
  const model = trainRanker(sets.flatMap((set) => set.groups), { ...OPTIONS, trainedOn: describe(sets.map((set) => set.name)) });
  // COACH_RANKER_MODEL_OUT lets the test write elsewhere and compare with the committed file.
  const output = process.env.COACH_RANKER_MODEL_OUT ?? STORY_RANKER_FILE;
  // Weights too small to move a ranking are left out, and the rest kept to 4 decimals: every `coach match` loads this file.
  const weights = Object.fromEntries(Object.entries(model.weights).filter(([, weight]) => Math.abs(weight) >= MIN_SAVED_WEIGHT).map(([name, weight]) => [name, Math.round(weight * 1e4) / 1e4]));
  writeFileSync(output, `${JSON.stringify({ ...model, weights, embedder: embedder.id })}\n`);
  console.log(`wrote ${output}: ${Object.keys(weights).length} features (of ${Object.keys(model.weights).length}), ${questions} questions over ${sets.length} banks`);
}

async function measure(set: TrainingSet, model: RankerModel | null): Promise<string> {
  const matcher = await createInMemoryMatcher(set.stories, embedder, model);
  let hit1 = 0;
  let hit3 = 0;
  let reciprocal = 0;
  for (const entry of set.cases) {
    const result = await matcher.match(entry.question, { k: 5, fusion: model ? "learned" : "score" });
    const acceptable = new Set(entry.acceptable);
    const first = result.matches.findIndex((match) => [match.id, ...match.alsoTold.map((other) => other.id)].some((id) => acceptable.has(id)));
    if (first === 0) hit1++;
    if (first >= 0 && first < 3) hit3++;
    if (first >= 0) reciprocal += 1 / (first + 1);
  }
  const n = set.cases.length;
  return `h1 ${(hit1 / n).toFixed(3)} h3 ${(hit3 / n).toFixed(3)} mrr ${(reciprocal / n).toFixed(3)}`;
}
