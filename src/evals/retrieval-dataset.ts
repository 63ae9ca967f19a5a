import { readFile } from "node:fs/promises";
import { z } from "zod";
import { InputError } from "../errors/index.js";
import { parseJsonLines } from "../text/index.js";

/** One labelled retrieval question (see evals/README.md). */
export const RetrievalCaseSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  acceptable: z.array(z.string().min(1)).min(1),
  form: z.string().optional(),
  notes: z.string().optional(),
});
export type RetrievalCase = z.infer<typeof RetrievalCaseSchema>;

/** Reads a JSON Lines dataset, naming the line of any malformed case. */
export async function readRetrievalCases(file: string): Promise<RetrievalCase[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    throw new InputError("INPUT_UNREADABLE", `${file}: cannot read the eval dataset.`, { file, cause });
  }
  return parseJsonLines(text, RetrievalCaseSchema, file, "a retrieval case");
}
