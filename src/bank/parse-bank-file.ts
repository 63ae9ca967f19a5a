import type { HeadingAccount, ParseWarning } from "../core/story.js";
import { InputError } from "../errors/index.js";
import { decodeBankBytes } from "./decode-bank-bytes.js";
import type { FileOutcome } from "./no-stories-error.js";
import { parseJsonBank } from "./parse-json-bank.js";
import { parseMarkdownBank } from "./parse-markdown-bank.js";
import type { BankFileBytes } from "./read-bank-files.js";
import { repairMojibake } from "./repair-mojibake.js";
import type { PointerDraft, StoryDraft } from "./story-draft.js";

/** What one bank file holds, before ids and pointers are settled across the bank. */
export interface BankFileReading {
  stories: StoryDraft[];
  pointers: PointerDraft[];
  headings: HeadingAccount[];
  warnings: ParseWarning[];
  outcome: FileOutcome;
}

/** A file that is not a story bank at all (binary, JSON of another kind): in a folder it is skipped, given by name refused. */
export class NotABankError extends Error {
  constructor(readonly error: InputError) {
    super(error.message);
  }
}

/**
 * Decodes and parses one bank file as markdown or JSON; throws NotABankError
 * for a file that is not a bank, and the input error for a bank that is broken.
 */
export function parseBankFile(file: BankFileBytes): BankFileReading {
  let decoded: ReturnType<typeof decodeBankBytes>;
  try {
    decoded = decodeBankBytes(file.bytes, file.path);
  } catch (error) {
    throw error instanceof InputError && error.code === "INPUT_BINARY" ? new NotABankError(error) : error;
  }
  const warnings = [...decoded.warnings];
  const repaired = repairMojibakeByLine(decoded.text, file.path, warnings);
  const reading = (outcome: FileOutcome, found: Partial<Omit<BankFileReading, "outcome" | "warnings">> = {}): BankFileReading => ({
    stories: found.stories ?? [],
    pointers: found.pointers ?? [],
    headings: found.headings ?? [],
    warnings,
    outcome,
  });
  if (repaired.trim() === "") {
    warnings.push({ code: "NO_STORIES_IN_FILE", message: `${file.path} is empty.`, file: file.path, line: 1 });
    return reading({ file: file.path, kind: "empty" });
  }
  // A JSON bank saved as .txt or .md: an object that holds a "stories" key, first or not.
  if (/\.json$/i.test(file.path) || (/^\s*\{/.test(repaired) && /"stories"\s*:/.test(repaired))) {
    let parsed: ReturnType<typeof parseJsonBank>;
    try {
      parsed = parseJsonBank(repaired, file.path);
    } catch (error) {
      // JSON that never mentions "stories" is some other file (a résumé, a config); one that does is a bank with a mistake.
      throw error instanceof InputError && !/"stories"\s*:/i.test(repaired) ? new NotABankError(error) : error;
    }
    for (const warning of parsed.warnings) warnings.push(warning);
    const why = parsed.stories.length > 0 ? undefined : parsed.warnings.find((warning) => warning.code === "NO_STORIES_IN_FILE" || warning.code === "JSON_STORY_INVALID");
    const reason = why?.message.startsWith(`${file.path}: `) ? why.message.slice(file.path.length + 2) : why?.message;
    return reading({ file: file.path, kind: "json", reason: reason ?? (parsed.pointers.length > 0 ? "its entries only point at other stories" : undefined) }, parsed);
  }
  const parsed = parseMarkdownBank(repaired, file.path);
  for (const warning of parsed.warnings) warnings.push(warning);
  if (parsed.stories.length === 0) {
    warnings.push({ code: "NO_STORIES_IN_FILE", message: `${file.path}: no stories found in this file.`, file: file.path, line: 1 });
  }
  return reading({ file: file.path, kind: "markdown" }, parsed);
}

function repairMojibakeByLine(text: string, file: string, warnings: ParseWarning[]): string {
  if (!/[\u00c2-\u00f4]/.test(text)) return text;
  return text
    .split("\n")
    .map((line, index) => {
      const { text: repaired, repairs, first } = repairMojibake(line);
      if (repairs > 0 && first) {
        warnings.push({
          code: "MOJIBAKE_REPAIRED",
          message: `Repaired ${repairs} garbled character${repairs === 1 ? "" : "s"} (UTF-8 read as Windows-1252): "${first.garbled}" is now "${first.repaired}".`,
          file,
          line: index + 1,
        });
      }
      return repaired;
    })
    .join("\n");
}
