import path from "node:path";
import { readModelFile } from "../learning/index.js";
import { PACKAGE_ROOT } from "../package-root.js";
import { predictNaiveBayes, type NaiveBayesModel } from "./naive-bayes.js";
import { familyIndex, questionFeatures } from "./question-features.js";
import { loadTaxonomy } from "./taxonomy.js";

export const QUESTION_MODEL_FILE = path.join(PACKAGE_ROOT, "corpus", "models", "question-classifier.json");

/** The stored models: competency and primary principle of a question. */
export interface QuestionModels {
  competency: NaiveBayesModel;
  principle: NaiveBayesModel;
}

let cached: QuestionModels | null | undefined;
let families: Map<string, string> | undefined;

/** The trained question classifier, or null when no model file is present. */
export function loadQuestionModels(): QuestionModels | null {
  if (cached !== undefined) return cached;
  cached = readModelFile<QuestionModels>(QUESTION_MODEL_FILE, "npm run train:questions");
  return cached;
}

/** Learned competency and principle probabilities for a question (empty maps without a model). */
export function classifyQuestion(question: string): { competencies: Map<string, number>; principles: Map<string, number> } {
  const models = loadQuestionModels();
  if (!models) return { competencies: new Map(), principles: new Map() };
  const taxonomy = loadTaxonomy();
  families ??= familyIndex(taxonomy);
  const features = questionFeatures(question, taxonomy, families);
  return { competencies: predictNaiveBayes(models.competency, features), principles: predictNaiveBayes(models.principle, features) };
}
