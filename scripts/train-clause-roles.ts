/**
 * Retrains the clause-role model from the writers' files listed in
 * SENTENCE_ROLES_FILES (corpus/critique/sentence-roles*.jsonl, one per writer;
 * a new writer's file is added there) and writes corpus/models/clause-roles.json.
 * Deterministic: the same data gives the same file. `--cv` prints 5-fold
 * cross-validated F1 per role instead (folds by answer, so no answer is both
 * trained and tested on); `--by-writer` trains on all writers but one and
 * tests on that one, for each in turn (how the model carries to a new writer).
 * Run: npm run train:roles
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { predictLogistic, trainLogistic } from "../src/learning/index.js";
import { CLAUSE_ROLE_MODEL_FILE, MODEL_ROLES, clauseFeatures, readSentenceRoles, sentenceExamples, SENTENCE_ROLES_FILES } from "../src/star/role-model/index.js";

// L2 0.001 measured best of 0.0001-0.01 by 5-fold cross-validation (--cv).
const OPTIONS = { l2: 0.001, epochs: 300, learningRate: 0.5, minCount: 2 };
const answers = readSentenceRoles();
const fileOf = new Map(answers.map((answer) => [answer.id, answer.file]));
const examples = sentenceExamples(answers, clauseFeatures).map((example) => ({ ...example, file: fileOf.get(example.id)! }));
type Example = (typeof examples)[number];

/** Trains without the held-out examples and prints per-role F1 on them, and their macro mean. */
function crossValidate(name: string, folds: Array<(example: Example) => boolean>): void {
  const tally = new Map<string, { tp: number; fp: number; fn: number }>(MODEL_ROLES.map((role) => [role, { tp: 0, fp: 0, fn: 0 }]));
  for (const heldOut of folds) {
    const model = trainLogistic(examples.filter((example) => !heldOut(example)), { ...OPTIONS, labels: MODEL_ROLES, trainedOn: "cv" });
    for (const example of examples.filter(heldOut)) {
      const probabilities = predictLogistic(model, example.features);
      for (const role of MODEL_ROLES) {
        const predicted = (probabilities.get(role) ?? 0) >= 0.5;
        const gold = example.labels.includes(role);
        const counts = tally.get(role)!;
        if (predicted && gold) counts.tp++;
        else if (predicted) counts.fp++;
        else if (gold) counts.fn++;
      }
    }
  }
  console.log(name);
  const f1s = [...tally].map(([role, { tp, fp, fn }]) => {
    const f1 = (2 * tp) / (2 * tp + fp + fn || 1);
    console.log(" ", role.padEnd(10), "P", (tp / (tp + fp || 1)).toFixed(2), "R", (tp / (tp + fn || 1)).toFixed(2), "F1", f1.toFixed(3));
    return f1;
  });
  console.log("  macro F1", (f1s.reduce((sum, f1) => sum + f1, 0) / f1s.length).toFixed(3));
}

if (process.argv.includes("--cv")) {
  const fold = new Map(answers.map((answer, position) => [answer.id, position % 5]));
  crossValidate("5-fold by answer", [0, 1, 2, 3, 4].map((number) => (example: Example) => fold.get(example.id) === number));
} else if (process.argv.includes("--by-writer")) {
  for (const file of SENTENCE_ROLES_FILES) crossValidate(`held out: ${path.basename(file)}`, [(example: Example) => example.file === file]);
} else {
  const files = SENTENCE_ROLES_FILES.map((file) => path.basename(file)).join(", ");
  const model = trainLogistic(examples, { ...OPTIONS, labels: MODEL_ROLES, trainedOn: `corpus/critique/${files} (${answers.length} answers, ${examples.length} sentences)` });
  // COACH_ROLE_MODEL_OUT lets the test write elsewhere and compare with the committed file.
  const output = process.env.COACH_ROLE_MODEL_OUT ?? CLAUSE_ROLE_MODEL_FILE;
  writeFileSync(output, `${JSON.stringify(model)}\n`);
  console.log(`wrote ${output}: ${Object.keys(model.weights).length} features, ${examples.length} sentences (${files})`);
}
