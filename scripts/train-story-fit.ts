/**
 * Retrains the story-fit model (how well a story answers a question, whatever
 * else the bank holds) from corpus/retrieval-training and writes
 * corpus/models/story-fit.json. Each question is matched twice: against its
 * whole bank, and against the bank without the stories labelled acceptable
 * for it (what a bank with no story for the question looks like). The top
 * three matches of each are the examples, labelled by the blind labels; so are
 * the top three of each question written for a bank that none of its stories
 * answers (corpus/retrieval-training/no-fit), all labelled not fitting.
 * Deterministic: the same data gives the same file. Reads the committed
 * re-ranker, so retrain this after it. `--cv` prints leave-one-bank-out
 * figures instead of writing.
 * Run: npm run train:fit
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { loadBank } from "../src/bank/index.js";
import { readRetrievalCases } from "../src/evals/retrieval-dataset.js";
import { predictDenseLogistic, trainDenseLogistic, type DenseExample, type DenseLogisticModel } from "../src/learning/index.js";
import { InterviewEmbedder } from "../src/providers/local/interview-embedder.js";
import { createInMemoryMatcher } from "../src/retrieval/index.js";
import { FIT_FEATURES, fitLevel, STORY_FIT_FILE, type FitLevel } from "../src/retrieval/fit/index.js";
import { withInferredPrinciples } from "../src/understanding/index.js";

const TRAINING_ROOT = path.join(import.meta.dirname, "..", "corpus", "retrieval-training");
const OPTIONS = { features: FIT_FEATURES, l2: 0.01, epochs: 1500, learningRate: 0.5 };
// Levels: "stretch" under the fit of the worst tenth of first matches that are right (so a right first match is
// called a stretch one time in ten); "strong" at the fit only one in twenty best stories of a bank without a fitting one reaches.
const RIGHT_FIRST_CALLED_STRETCH = 0.1;
const NO_FIT_CALLED_STRONG = 0.05;

/** One question's top matches: against the whole bank, and against the bank without its acceptable stories. */
interface QuestionExamples {
  whole: DenseExample[];
  withoutFit: DenseExample[];
}

const embedder = new InterviewEmbedder();
// Questions written for each bank that none of its stories answers (the audits' "raised money from investors"
// against a bank with a cost-cutting story); each bank's `unanswerable` holds their top matches, none of which fits.
const NO_FIT_ROOT = path.join(TRAINING_ROOT, "no-fit");
const NoFitQuestion = z.object({ id: z.string(), question: z.string().min(1), acceptable: z.array(z.string()).length(0) });
const banks: Array<{ name: string; questions: QuestionExamples[]; unanswerable: DenseExample[][] }> = [];
for (const file of readdirSync(path.join(TRAINING_ROOT, "questions")).filter((name) => name.endsWith(".jsonl")).sort()) {
  const name = file.replace(/\.jsonl$/, "");
  const cases = await readRetrievalCases(path.join(TRAINING_ROOT, "questions", file));
  const stories = withInferredPrinciples((await loadBank([path.join(TRAINING_ROOT, "banks", name)])).stories);
  const whole = await createInMemoryMatcher(stories, embedder);
  const questions: QuestionExamples[] = [];
  for (const entry of cases) {
    // Acceptable by experience, as the eval counts it.
    const acceptable = new Set(stories.filter((story) => entry.acceptable.includes(story.id)).map((story) => story.experience));
    const examples = async (matcher: typeof whole) => {
      // In the ranking's order: the fit levels would reorder them by the model being trained.
      const { matches } = await matcher.match(entry.question, { k: 3, fit: false });
      const values = await matcher.fitFeatures(entry.question, matches.map((match) => match.id));
      return matches.map((match, at) => ({ values: values[at]!, label: acceptable.has(match.experience) }));
    };
    const withoutFit = await createInMemoryMatcher(stories.filter((story) => !acceptable.has(story.experience)), embedder);
    questions.push({ whole: await examples(whole), withoutFit: await examples(withoutFit) });
  }
  const unanswerable: DenseExample[][] = [];
  const noFitFile = path.join(NO_FIT_ROOT, `${name}.jsonl`);
  if (existsSync(noFitFile)) {
    for (const line of readFileSync(noFitFile, "utf8").split("\n").filter((text) => text.trim())) {
      const { question } = NoFitQuestion.parse(JSON.parse(line));
      const { matches } = await whole.match(question, { k: 3, fit: false });
      const values = await whole.fitFeatures(question, matches.map((match) => match.id));
      unanswerable.push(values.map((value) => ({ values: value!, label: false })));
    }
  }
  banks.push({ name, questions, unanswerable });
  process.stderr.write(`${name} `);
}
process.stderr.write("\n");
const questionCount = banks.reduce((sum, bank) => sum + bank.questions.length, 0);
const unanswerableCount = banks.reduce((sum, bank) => sum + bank.unanswerable.length, 0);
const train = (held?: string) =>
  trainDenseLogistic(
    banks.filter((bank) => bank.name !== held).flatMap((bank) => [...bank.questions.flatMap((question) => [...question.whole, ...question.withoutFit]), ...bank.unanswerable.flat()]),
    {
      ...OPTIONS,
      trainedOn: held
        ? "cv"
        : `corpus/retrieval-training (${banks.map((bank) => bank.name).join(", ")}; ${questionCount} questions, each against its whole bank and without its acceptable stories, and ${unanswerableCount} questions no story answers)`,
    },
  );

if (process.argv.includes("--cv")) {
  // Each held-out bank's first matches, scored by the model trained without it.
  const right: Array<{ model: DenseLogisticModel; values: number[] }> = [];
  const noFit: Array<{ model: DenseLogisticModel; values: number[] }> = [];
  const unanswered: Array<{ model: DenseLogisticModel; values: number[] }> = [];
  for (const held of banks) {
    const model = train(held.name);
    for (const question of held.questions) {
      if (question.whole[0]?.label) right.push({ model, values: [...question.whole[0].values] });
      if (question.withoutFit[0]) noFit.push({ model, values: [...question.withoutFit[0].values] });
    }
    for (const examples of held.unanswerable) if (examples[0]) unanswered.push({ model, values: [...examples[0].values] });
  }
  const probability = ({ model, values }: { model: DenseLogisticModel; values: number[] }) => predictDenseLogistic(model, values);
  const thresholds = levelThresholds(right.map(probability), noFit.map(probability));
  const share = (entries: typeof right, level: FitLevel) => (entries.filter(({ model, values }) => fitLevel({ ...model, thresholds }, values) === level).length / entries.length).toFixed(3);
  console.log(`leave one bank out: ${right.length} right first matches, ${noFit.length} first matches of banks without a fitting story`);
  console.log(`AUC ${auc(right.map(probability), noFit.map(probability)).toFixed(3)}; levels at stretch < ${thresholds.stretch.toFixed(3)}, strong >= ${thresholds.strong.toFixed(3)}, kept within the quoted evidence:`);
  console.log(`  right first match: stretch ${share(right, "stretch")}, strong ${share(right, "strong")}`);
  console.log(`  no fitting story:  stretch ${share(noFit, "stretch")}, strong ${share(noFit, "strong")}`);
  if (unanswered.length) console.log(`  question no story answers (${unanswered.length}): stretch ${share(unanswered, "stretch")}, strong ${share(unanswered, "strong")}`);
  // What moving stretches after the stories that fit does to the first match, each bank's levels from the model trained without it.
  let firstBefore = 0;
  let firstAfter = 0;
  for (const held of banks) {
    const model = { ...train(held.name), thresholds };
    for (const question of held.questions) {
      const levels = question.whole.map((example) => fitLevel(model, example.values));
      const first = question.whole[levels.findIndex((level) => level !== "stretch")] ?? question.whole[0];
      if (question.whole[0]?.label) firstBefore++;
      if (first?.label) firstAfter++;
    }
  }
  console.log(`first match right, in the ranking's order ${(firstBefore / questionCount).toFixed(3)}, with stretches moved after the stories that fit ${(firstAfter / questionCount).toFixed(3)}`);
} else {
  const model = train();
  const right = banks.flatMap((bank) => bank.questions.filter((question) => question.whole[0]?.label).map((question) => predictDenseLogistic(model, question.whole[0]!.values)));
  const noFit = banks.flatMap((bank) => bank.questions.filter((question) => question.withoutFit[0]).map((question) => predictDenseLogistic(model, question.withoutFit[0]!.values)));
  // COACH_FIT_MODEL_OUT lets the test write elsewhere and compare with the committed file.
  const output = process.env.COACH_FIT_MODEL_OUT ?? STORY_FIT_FILE;
  writeFileSync(output, `${JSON.stringify({ ...model, thresholds: levelThresholds(right, noFit) })}\n`);
  console.log(`wrote ${output}: ${FIT_FEATURES.length} features, ${questionCount} questions over ${banks.length} banks`);
}

function levelThresholds(right: number[], noFit: number[]): { strong: number; stretch: number } {
  const quantile = (values: number[], share: number) => [...values].sort((a, b) => a - b)[Math.floor(share * (values.length - 1))]!;
  const round = (value: number) => Math.round(value * 1e4) / 1e4;
  return { stretch: round(quantile(right, RIGHT_FIRST_CALLED_STRETCH)), strong: round(quantile(noFit, 1 - NO_FIT_CALLED_STRONG)) };
}

/** The chance a random right first match scores above a random first match of a bank without a fitting story. */
function auc(positive: number[], negative: number[]): number {
  let above = 0;
  const sorted = [...negative].sort((a, b) => a - b);
  for (const value of positive) {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle]! < value) low = middle + 1;
      else high = middle;
    }
    let ties = low;
    while (ties < sorted.length && sorted[ties] === value) ties++;
    above += low + (ties - low) / 2;
  }
  return above / (positive.length * negative.length);
}
