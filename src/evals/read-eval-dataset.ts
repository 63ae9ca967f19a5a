import { readFile } from "node:fs/promises";
import type { z } from "zod";
import { InputError } from "../errors/index.js";
import { parseJsonLines } from "../text/index.js";

/** Reads a JSON Lines eval dataset, naming the file when it cannot be read and the line of any malformed entry. */
export async function readEvalDataset<Schema extends z.ZodType>(file: string, schema: Schema, what: string): Promise<Array<z.infer<Schema>>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    throw new InputError("INPUT_UNREADABLE", `${file}: cannot read the eval dataset.`, { file, cause });
  }
  return parseJsonLines(text, schema, file, what);
}
