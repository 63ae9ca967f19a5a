import type { ParseWarning, ParseWarningCode } from "../core/story.js";
import { countOf, quoteForShell } from "../text/index.js";

// What each warning is, as counted in one line ("2 files skipped as not story banks, 1 encoding repair").
const KINDS: ReadonlyArray<{ codes: readonly ParseWarningCode[]; one: string; many: string }> = [
  { codes: ["FILE_SKIPPED"], one: "file skipped as not a story bank", many: "files skipped as not story banks" },
  { codes: ["NO_STORIES_IN_FILE"], one: "file with no story", many: "files with no story" },
  { codes: ["DECODED_AS_WINDOWS_1252", "DECODED_AS_UTF16", "MOJIBAKE_REPAIRED", "INVALID_BYTES_REPLACED"], one: "encoding repair", many: "encoding repairs" },
  { codes: ["POINTER_RESOLVED", "POINTER_UNRESOLVED"], one: "pointer entry", many: "pointer entries" },
  { codes: ["SKIPPED_PROSE"], one: "note outside any story", many: "notes outside any story" },
  { codes: ["EMPTY_STORY", "JSON_STORY_INVALID"], one: "story with no text", many: "stories with no text" },
  { codes: ["INSTRUCTION_TEXT"], one: "story with words addressed to an AI model", many: "stories with words addressed to an AI model" },
];

/** The parse warnings counted by kind, for a one-line notice: "2 files skipped as not story banks, 1 encoding repair". */
export function summarizeParseWarnings(warnings: readonly ParseWarning[]): string {
  const parts: string[] = [];
  let counted = 0;
  for (const kind of KINDS) {
    const count = warnings.filter((warning) => kind.codes.includes(warning.code)).length;
    counted += count;
    if (count > 0) parts.push(`${count} ${count === 1 ? kind.one : kind.many}`);
  }
  if (warnings.length > counted) parts.push(`${countOf(warnings.length - counted, "other")}`);
  return parts.join(", ");
}

/** The one-line notice after indexing banks with parse warnings: how many of each kind, and the command that lists them. */
export function parseWarningsNotice(warnings: readonly ParseWarning[], banks: readonly string[]): string {
  return `coach: ${warnings.length} parse warning${warnings.length === 1 ? "" : "s"} (${summarizeParseWarnings(warnings)}); see them with: coach stories --bank ${banks.map(quoteForShell).join(" --bank ")}`;
}
