import type { z } from "zod";
import { InputError } from "../errors/index.js";

/**
 * Parses JSON Lines against a schema; blank lines are skipped. A line that is
 * not JSON or not the expected shape fails with its file and line number.
 */
export function parseJsonLines<Schema extends z.ZodType>(text: string, schema: Schema, file: string, what: string): Array<z.infer<Schema>> {
  return text.split("\n").flatMap((line, index) => {
    if (line.trim() === "") return [];
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (cause) {
      throw new InputError("INPUT_NOT_PARSEABLE", `${file}:${index + 1}: not valid JSON, so not ${what}.`, { file, line: index + 1, cause });
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new InputError("INPUT_NOT_PARSEABLE", `${file}:${index + 1}: not ${what} (${parsed.error.issues[0]?.path.join(".") || "line"}: ${parsed.error.issues[0]?.message}).`, { file, line: index + 1 });
    return [parsed.data];
  });
}
