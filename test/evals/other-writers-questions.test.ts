import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OTHER_WRITERS_FILE, classifierAccuracy, evaluateQuestionClassifier } from "../../src/evals/question-classifier-eval.js";
import { PACKAGE_ROOT } from "../../src/package-root.js";
import { normalizePrinciple } from "../../src/principles/index.js";
import { readQuestionBank } from "../../src/understanding/question-bank.js";
import { loadTaxonomy } from "../../src/understanding/index.js";

const labels = readFileSync(path.join(PACKAGE_ROOT, OTHER_WRITERS_FILE), "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as { id: string; question: string; competency: string; also?: string; principles: string[] });

describe("the other writers' questions (the classifier's second held-out set)", () => {
  it("are the training banks' questions as written, labelled with the taxonomy's themes and canonical principles", () => {
    const folder = path.join(PACKAGE_ROOT, "corpus", "retrieval-training", "questions");
    const asked = new Map<string, string>();
    for (const file of readdirSync(folder)) {
      for (const line of readFileSync(path.join(folder, file), "utf8").trim().split("\n")) {
        const entry = JSON.parse(line) as { id: string; question: string };
        asked.set(entry.id, entry.question);
      }
    }
    const themes = new Set(loadTaxonomy().competencies.map((competency) => competency.id));
    const wrong = labels.filter(
      (label) =>
        asked.get(label.id)?.trim() !== label.question ||
        !themes.has(label.competency) ||
        (label.also !== undefined && !themes.has(label.also)) ||
        label.principles.some((principle) => normalizePrinciple(principle) !== principle),
    );
    expect(wrong.map((label) => label.id)).toEqual([]);
    expect(new Set(labels.map((label) => label.id)).size).toBe(labels.length);
  });

  it("holds no question the classifier trains on, so its figure measures phrasings it has not seen", () => {
    const trained = new Set(readQuestionBank().map((question) => question.question.trim().toLowerCase()));
    expect(labels.filter((label) => trained.has(label.question.trim().toLowerCase())).map((label) => label.id)).toEqual([]);
  });

  it("counts a question right when the classifier's top theme is either labelled theme", () => {
    // The classifier reads "disagreed with your manager" as conflict first, disagree-commit a distant second (checked by hand).
    const question = { question: "Tell me about a time you disagreed with your manager.", principles: ["Have Backbone; Disagree and Commit"] };
    expect(classifierAccuracy("other-writers", [{ ...question, themes: ["disagree-commit", "conflict"] }])).toMatchObject({ competencyAt1: 1, competencyAt3: 1, principleAt1: 1 });
    expect(classifierAccuracy("other-writers", [{ ...question, themes: ["disagree-commit"] }])).toMatchObject({ competencyAt1: 0, competencyAt3: 1 });
    expect(classifierAccuracy("other-writers", [{ ...question, themes: ["cost"] }])).toMatchObject({ competencyAt1: 0, competencyAt3: 0 });
  });

  it("is measured over every labelled question", async () => {
    const others = (await evaluateQuestionClassifier(PACKAGE_ROOT)).find((entry) => entry.split === "other-writers")!;
    expect(others.questions).toBe(labels.length);
  });
});
