import { readFile, stat } from "node:fs/promises";
import { decodeBankBytes } from "../bank/index.js";
import { InputError } from "../errors/index.js";
import { notice, type CommandIO } from "./io.js";

/** What a text input file holds, for messages ("a questions file"), and the most it may weigh. */
export interface TextInputKind {
  name: string;
  maxBytes: number;
  /** Hand on the text exactly as the file holds it (an answer: span offsets point into it). */
  verbatim?: boolean;
}

const MB = 1024 * 1024;
export const QUESTIONS_FILE: TextInputKind = { name: "a questions file (one question per line)", maxBytes: 5 * MB };
export const ANSWER_FILE: TextInputKind = { name: "an answer (plain text)", maxBytes: 5 * MB, verbatim: true };
// Verbatim: span offsets point into each answer as its JSON string holds it (JSON.parse takes a line's "\r" as space).
export const BATCH_FILE: TextInputKind = { name: "a batch file (JSON Lines)", maxBytes: 50 * MB, verbatim: true };

/**
 * Reads a text file the user named (answer, questions, batch): refuses a
 * missing, unreadable, binary, empty or oversized file with an input error
 * naming it (exit 3), and decodes the rest as a bank file would be.
 */
export async function readTextInput(file: string, kind: TextInputKind, io: CommandIO): Promise<string> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new InputError("INPUT_UNREADABLE", `${file}: is a folder, not ${kind.name}.`, { file });
    if (info.size > kind.maxBytes) throw tooLarge(file, info.size, kind);
    bytes = await readFile(file);
  } catch (cause) {
    if (cause instanceof InputError) throw cause;
    const code = (cause as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : `cannot read (${code ?? "error"})`;
    throw new InputError("INPUT_UNREADABLE", `${file}: ${reason}.`, { file, cause });
  }
  // A file can grow between stat and read.
  if (bytes.length > kind.maxBytes) throw tooLarge(file, bytes.length, kind);
  const { text, warnings } = decodeBankBytes(bytes, file, { kind: kind.name, verbatim: kind.verbatim });
  for (const warning of warnings) notice(io, `coach: ${warning.message}`);
  if (text.trim() === "") throw new InputError("INPUT_EMPTY", `${file}: is empty; expected ${kind.name}.`, { file });
  return text;
}

function tooLarge(file: string, bytes: number, kind: TextInputKind): InputError {
  return new InputError("INPUT_TOO_LARGE", `${file}: ${(bytes / 1024 / 1024).toFixed(1)} MB is over the ${Math.round(kind.maxBytes / 1024 / 1024)} MB limit for ${kind.name}.`, { file });
}
