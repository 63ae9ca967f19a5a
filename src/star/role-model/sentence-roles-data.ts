import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { PACKAGE_ROOT } from "../../package-root.js";
import { parseJsonLines } from "../../text/index.js";
import { MODEL_ROLES } from "./clause-role-model.js";

/** One file per writer: each words a situation, a step or a result in their own way, and the model must not learn one writer's. */
export const SENTENCE_ROLES_FILES = ["sentence-roles.jsonl", "sentence-roles-b.jsonl", "sentence-roles-c.jsonl", "sentence-roles-d.jsonl"].map((name) => path.join(PACKAGE_ROOT, "corpus", "critique", name));

export const LabelledAnswerSchema = z.object({
  id: z.string(),
  question: z.string(),
  style: z.string().optional(),
  sentences: z.array(z.object({ text: z.string().min(1), roles: z.array(z.enum(MODEL_ROLES)).min(1).max(2) })).min(1),
});
export type LabelledAnswer = z.infer<typeof LabelledAnswerSchema>;

/** The hand-labelled answers the clause-role model learns from, each with the file (writer) it came from. */
export function readSentenceRoles(files: readonly string[] = SENTENCE_ROLES_FILES): Array<LabelledAnswer & { file: string }> {
  const answers = files.flatMap((file) => parseJsonLines(readFileSync(file, "utf8"), LabelledAnswerSchema, file, "a labelled answer").map((answer) => ({ ...answer, file })));
  // Answers are told apart by id (the cross-validation folds): one id in two files would mix two writers' answers.
  const seen = new Map<string, string>();
  for (const answer of answers) {
    const first = seen.get(answer.id);
    if (first !== undefined) throw new Error(`${answer.file}: answer id "${answer.id}" is also in ${first}; ids must be unique across the files.`);
    seen.set(answer.id, answer.file);
  }
  return answers;
}

/** Training examples: each sentence with its features at its position in the answer. */
export function sentenceExamples(answers: readonly LabelledAnswer[], features: (text: string, position: number) => string[]) {
  return answers.flatMap((answer) => {
    const total = answer.sentences.reduce((sum, sentence) => sum + sentence.text.length + 1, 0);
    let offset = 0;
    return answer.sentences.map((sentence) => {
      const position = (offset + sentence.text.length / 2) / total;
      offset += sentence.text.length + 1;
      return { id: answer.id, text: sentence.text, position, features: features(sentence.text, position), labels: sentence.roles };
    });
  });
}
