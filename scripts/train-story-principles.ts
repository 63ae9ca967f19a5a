/**
 * Retrains the story-principle model from the labelled story banks in
 * corpus/retrieval-training/banks (every story filed under or tagged with a
 * principle by its writer) and writes corpus/models/story-principles.json.
 * Deterministic: the same banks give the same file. `--cv` prints, for each
 * bank left out in turn, how often the first inferred principle is one the
 * writer gave, for the learned model and for the cue scores alone.
 * Run: npm run train:principles
 */
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadBank } from "../src/bank/index.js";
import type { Story } from "../src/core/story.js";
import { predictLogistic, trainLogistic, type LogisticExample, type LogisticModel } from "../src/learning/index.js";
import { PACKAGE_ROOT } from "../src/package-root.js";
import { PRINCIPLES } from "../src/principles/index.js";
import { STORY_PRINCIPLE_MODEL_FILE, loadTaxonomy, principleMeansByFile, principleProfileText, profileText, relativeCueRanking, storyPrincipleFeatures } from "../src/understanding/index.js";

// L2 0.001 measured best of 0.0003-0.05 by leaving one bank out (--cv); words seen in fewer than 3 stories are dropped.
const OPTIONS = { l2: 0.001, epochs: 150, learningRate: 0.5, minCount: 3 };
const BANKS_ROOT = path.join(PACKAGE_ROOT, "corpus", "retrieval-training", "banks");

interface LabelledStory extends LogisticExample {
  bank: string;
  /** The cue-score ranking's first principle, for comparison; none when no cue shows a principle (nor is one inferred). */
  cueFirst: string | undefined;
}

const taxonomy = loadTaxonomy();
const examples: LabelledStory[] = [];
const bankNames = readdirSync(BANKS_ROOT).sort();
for (const name of bankNames) {
  const stories: Story[] = (await loadBank([path.join(BANKS_ROOT, name)])).stories;
  const profiles = stories.map((story) => profileText(principleProfileText(story), "story"));
  const means = principleMeansByFile(stories.map((story) => story.source.file), profiles);
  stories.forEach((story, index) => {
    if (story.principles.length === 0) return;
    const profile = profiles[index]!;
    const bankMeans = means[index]!;
    const cueFirst = relativeCueRanking(profile, bankMeans)[0]?.principle;
    examples.push({ bank: name, labels: story.principles, cueFirst, features: storyPrincipleFeatures({ title: story.title, body: story.body, profile, bankMeans, taxonomy }) });
  });
}

// As withInferredPrinciples does: a story whose cues show no principle gets none.
const firstOf = (model: LogisticModel, example: LabelledStory) => (example.cueFirst === undefined ? undefined : [...predictLogistic(model, example.features)].sort((a, b) => b[1] - a[1])[0]?.[0]);

if (process.argv.includes("--cv")) {
  // A second principle is shown when it scores at least this share of the first: how often one shown is the writer's.
  const SHARES = [0.2, 0.35, 0.5];
  const shownTally = new Map(SHARES.map((share) => [share, { any: 0, shown: 0 }]));
  let learnedHits = 0;
  let cueHits = 0;
  for (const held of bankNames) {
    const model = trainLogistic(examples.filter((example) => example.bank !== held), { ...OPTIONS, labels: PRINCIPLES, trainedOn: "cv" });
    const tested = examples.filter((example) => example.bank === held);
    const learned = tested.filter((example) => example.labels.includes(firstOf(model, example) ?? "")).length;
    const cues = tested.filter((example) => example.labels.includes(example.cueFirst ?? "")).length;
    for (const share of SHARES) {
      for (const example of tested) {
        if (example.cueFirst === undefined) continue;
        const ranked = [...predictLogistic(model, example.features)].sort((a, b) => b[1] - a[1]);
        const shown = ranked.filter(([, probability], rank) => rank < 2 && probability >= share * ranked[0]![1]).map(([principle]) => principle);
        const tally = shownTally.get(share)!;
        tally.shown += shown.length;
        if (shown.some((principle) => example.labels.includes(principle))) tally.any++;
      }
    }
    learnedHits += learned;
    cueHits += cues;
    console.log(held.padEnd(8), `first inferred principle is the writer's: learned ${(learned / tested.length).toFixed(3)}  cues ${(cues / tested.length).toFixed(3)}  (${tested.length} stories)`);
  }
  console.log(`all      learned ${(learnedHits / examples.length).toFixed(3)}  cues ${(cueHits / examples.length).toFixed(3)}  (${examples.length} stories)`);
  for (const [share, tally] of shownTally) console.log(`second shown at ${share} of the first: one shown is the writer's ${(tally.any / examples.length).toFixed(3)}, ${(tally.shown / examples.length).toFixed(2)} shown per story`);
} else {
  const model = trainLogistic(examples, { ...OPTIONS, labels: PRINCIPLES, trainedOn: `corpus/retrieval-training/banks (${bankNames.length} banks, ${examples.length} labelled stories)` });
  // COACH_PRINCIPLE_MODEL_OUT lets the test write elsewhere and compare with the committed file.
  const output = process.env.COACH_PRINCIPLE_MODEL_OUT ?? STORY_PRINCIPLE_MODEL_FILE;
  writeFileSync(output, `${JSON.stringify(model)}\n`);
  console.log(`wrote ${output}: ${Object.keys(model.weights).length} features, ${examples.length} labelled stories`);
}
