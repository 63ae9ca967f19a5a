import { readEvalDataset } from "./read-eval-dataset.js";
import { z } from "zod";

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
  return readEvalDataset(file, RetrievalCaseSchema, "a retrieval case");
}
