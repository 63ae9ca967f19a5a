import { readQuestionBank } from "../understanding/question-bank.js";
import { profileText, topEntries } from "../understanding/index.js";

export interface ClassifierMetrics {
  split: "dev" | "heldout";
  questions: number;
  competencyAt1: number;
  competencyAt3: number;
  principleAt1: number;
}

/** Accuracy of question understanding on the question bank: held-out (never trained or tuned on) and dev. */
export function evaluateQuestionClassifier(): ClassifierMetrics[] {
  const bank = readQuestionBank();
  return (["heldout", "dev"] as const).map((split) => {
    const questions = bank.filter((question) => question.split === split);
    let competencyAt1 = 0;
    let competencyAt3 = 0;
    let principleAt1 = 0;
    for (const question of questions) {
      const profile = profileText(question.question, "question");
      const top = topEntries(profile.competencies, 3).map((entry) => entry.name);
      if (top[0] === question.competency) competencyAt1++;
      if (top.includes(question.competency)) competencyAt3++;
      if (topEntries(profile.principles, 1)[0]?.name === question.principles[0]) principleAt1++;
    }
    const count = Math.max(1, questions.length);
    return { split, questions: questions.length, competencyAt1: competencyAt1 / count, competencyAt3: competencyAt3 / count, principleAt1: principleAt1 / count };
  });
}
