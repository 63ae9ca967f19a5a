/**
 * Retrains the clause-role model from corpus/critique/sentence-roles.jsonl and
 * writes corpus/models/clause-roles.json. Deterministic: the same data gives
 * the same file. `--cv` prints 5-fold cross-validated F1 per role instead
 * (folds by answer, so no answer is both trained and tested on).
 * Run: npm run train:roles
 */
import { writeFileSync } from "node:fs";
import { predictLogistic, trainLogistic } from "../src/learning/index.js";
import { CLAUSE_ROLE_MODEL_FILE, MODEL_ROLES, clauseFeatures, readSentenceRoles, sentenceExamples, SENTENCE_ROLES_FILE } from "../src/star/role-model/index.js";

// L2 0.001 measured best of 0.0001-0.01 by 5-fold cross-validation (--cv).
const OPTIONS = { l2: 0.001, epochs: 300, learningRate: 0.5, minCount: 2 };
const answers = readSentenceRoles();
const examples = sentenceExamples(answers, clauseFeatures);

if (process.argv.includes("--cv")) {
  const tally = new Map<string, { tp: number; fp: number; fn: number }>(MODEL_ROLES.map((role) => [role, { tp: 0, fp: 0, fn: 0 }]));
  for (let fold = 0; fold < 5; fold++) {
    const inFold = (id: string) => answers.findIndex((answer) => answer.id === id) % 5 === fold;
    const model = trainLogistic(examples.filter((example) => !inFold(example.id)), { ...OPTIONS, labels: MODEL_ROLES, trainedOn: "cv" });
    for (const example of examples.filter((candidate) => inFold(candidate.id))) {
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
  for (const [role, { tp, fp, fn }] of tally) console.log(role.padEnd(10), "P", (tp / (tp + fp || 1)).toFixed(2), "R", (tp / (tp + fn || 1)).toFixed(2), "F1", ((2 * tp) / (2 * tp + fp + fn || 1)).toFixed(3));
} else {
  const model = trainLogistic(examples, { ...OPTIONS, labels: MODEL_ROLES, trainedOn: `corpus/critique/sentence-roles.jsonl (${answers.length} answers, ${examples.length} sentences)` });
  // COACH_ROLE_MODEL_OUT lets the test write elsewhere and compare with the committed file.
  const output = process.env.COACH_ROLE_MODEL_OUT ?? CLAUSE_ROLE_MODEL_FILE;
  writeFileSync(output, `${JSON.stringify(model)}\n`);
  console.log(`wrote ${output}: ${Object.keys(model.weights).length} features, ${examples.length} sentences (${SENTENCE_ROLES_FILE})`);
}
