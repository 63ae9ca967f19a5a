/**
 * Trains the why-sentence model (which line of a story a match quotes as its
 * fit) from corpus/why/training.jsonl, readers' labels
 * over the training banks, and writes corpus/models/why-sentences.json.
 * Deterministic. `--cv` prints leave-one-bank-out figures instead of writing.
 * Run: npm run train:why
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { loadBank } from "../src/bank/index.js";
import type { Story } from "../src/core/story.js";
import { readWhyLabels, type WhyLabel } from "../src/evals/why-eval.js";
import { trainRanker, type RankerModel, type RankGroup } from "../src/learning/index.js";
import { whyQuestionView } from "../src/retrieval/index.js";
import { pickWhySentence, whyCandidates, WHY_SENTENCE_MODEL_FILE, type WhyQuestionView } from "../src/retrieval/why-sentence/index.js";

const ROOT = path.join(import.meta.dirname, "..");
// Chosen by leave-one-bank-out cross-validation (--cv): L2 0.001-0.1 and the best-line groups on or off move the
// share of fair picks between 0.83 and 0.86, within noise; these are the defaults.
const OPTIONS = { l2: 0.01, epochs: 300, learningRate: 0.1, minGroups: 2 };

interface Pair {
  label: WhyLabel;
  story: Story;
  view: WhyQuestionView;
  groups: RankGroup[];
}

const labels = await readWhyLabels(path.join(ROOT, "corpus", "why", "training.jsonl"));
const banks = new Map<string, Story[]>();
const pairs: Pair[] = [];
for (const label of labels) {
  if (!banks.has(label.bank)) banks.set(label.bank, (await loadBank([path.resolve(ROOT, label.bank)])).stories);
  const story = banks.get(label.bank)!.find((candidate) => candidate.id === label.story);
  if (!story) throw new Error(`${label.case}: ${label.bank} has no story ${label.story}`);
  const view = whyQuestionView(label.question);
  const shows = new Set(label.shows);
  const sentences = whyCandidates(story, view);
  const candidates = sentences.map((candidate) => ({ features: candidate.features, relevant: shows.has(candidate.sentence.text) }));
  // Sentences are ranked among themselves: whether any shows the fit is the theme cues' call (chooseEvidence).
  const groups: RankGroup[] = [{ candidates }];
  // The reader's best line among the sentences: the fair lines are many, and the one to quote is the best of them.
  if (label.best !== null) groups.push({ candidates: candidates.map((candidate, index) => ({ ...candidate, relevant: sentences[index]!.sentence.text === label.best })) });
  pairs.push({ label, story, view, groups });
}

if (process.argv.includes("--cv")) {
  const totals = { pairs: 0, withShows: 0, fair: 0, best: 0, misleading: 0 };
  for (const bank of banks.keys()) {
    const model = trainModel(pairs.filter((pair) => pair.label.bank !== bank), "cv");
    for (const pair of pairs.filter((entry) => entry.label.bank === bank)) score(model, pair, totals);
  }
  const share = (count: number, of: number) => (count / Math.max(1, of)).toFixed(3);
  console.log(`leave one bank out: the line picked is one the reader marked as showing the fit for ${share(totals.fair, totals.withShows)} of ${totals.withShows} pairs with such a line (their best ${share(totals.best, totals.withShows)}); misleading for ${share(totals.misleading, totals.pairs)} of all ${totals.pairs}`);
} else {
  const model = trainModel(pairs, `corpus/why/training.jsonl (${pairs.length} labelled pairs over ${banks.size} training banks)`);
  writeFileSync(WHY_SENTENCE_MODEL_FILE, `${JSON.stringify(model, null, 2)}\n`);
  console.log(`wrote ${path.relative(ROOT, WHY_SENTENCE_MODEL_FILE)} (${Object.keys(model.weights).length} weights)`);
}

function trainModel(training: readonly Pair[], trainedOn: string): RankerModel {
  return trainRanker(training.flatMap((pair) => pair.groups), { ...OPTIONS, trainedOn });
}

// Whether the pick is a line the reader marked as showing the fit, their best, or misleading.
function score(model: RankerModel, pair: Pair, totals: Record<string, number>): void {
  const pick = pickWhySentence(model, pair.story, pair.view)?.sentence.text;
  if (pick === undefined) return;
  totals.pairs!++;
  if (pair.label.misleading.includes(pick)) totals.misleading!++;
  if (pair.label.shows.length === 0) return;
  totals.withShows!++;
  if (pair.label.shows.includes(pick)) totals.fair!++;
  if (pick === pair.label.best) totals.best!++;
}
