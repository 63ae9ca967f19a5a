/**
 * Retrains the question classifier from the dev split of corpus/questions.jsonl
 * and writes corpus/models/question-classifier.json. Deterministic: the same
 * data gives the same file. Run: npm run train:questions
 */
import { writeFileSync } from "node:fs";
import { trainNaiveBayes } from "../src/understanding/naive-bayes.js";
import { QUESTION_MODEL_FILE } from "../src/understanding/question-classifier.js";
import { familyIndex, questionFeatures } from "../src/understanding/question-features.js";
import { loadTaxonomy } from "../src/understanding/taxonomy.js";
import { QUESTION_BANK_FILE, readQuestionBank } from "../src/understanding/question-bank.js";

const taxonomy = loadTaxonomy();
const families = familyIndex(taxonomy);
const dev = readQuestionBank().filter((question) => question.split === "dev");
const examples = dev.map((question) => ({ features: questionFeatures(question.question, taxonomy, families), principles: question.principles, competency: question.competency }));
const trainedOn = `corpus/questions.jsonl dev split (${dev.length} questions), taxonomy ${taxonomy.version}`;
const models = {
  competency: trainNaiveBayes(examples.map((example) => ({ features: example.features, label: example.competency })), { trainedOn }),
  principle: trainNaiveBayes(examples.map((example) => ({ features: example.features, label: example.principles[0]! })), { trainedOn }),
};
// COACH_QUESTION_MODEL_OUT lets the test write elsewhere and compare with the committed file.
const output = process.env.COACH_QUESTION_MODEL_OUT ?? QUESTION_MODEL_FILE;
writeFileSync(output, `${JSON.stringify(models)}\n`);
console.log(`wrote ${output}: ${models.competency.vocabularySize} features, ${models.competency.labels.length} competencies, ${models.principle.labels.length} principles, from ${dev.length} questions (${QUESTION_BANK_FILE})`);

