import { InputError } from "../errors/index.js";
import type { HeadingAccount } from "../core/story.js";
import { JSON_BANK_SHAPE } from "./parse-json-bank.js";
import { pointerEntriesNote } from "./pointer-entries-note.js";

/** What reading one bank file came to, for the message when the bank holds no story. */
export interface FileOutcome {
  file: string;
  kind: "empty" | "json" | "markdown" | "skipped";
  /** Why a JSON file gave no story, or why a file was skipped. */
  reason?: string;
}

/**
 * The error for a bank with no story, with advice that fits what was read:
 * an empty file says it is empty, JSON files get the JSON shape, markdown the
 * heading-and-labels shape, and a bank of pointer entries says what they
 * point at is not in it (from `headings`, the bank's heading accounts).
 */
export function noStoriesError(outcomes: readonly FileOutcome[], headings: readonly HeadingAccount[] = []): InputError {
  const names = outcomes.map((outcome) => outcome.file).join(", ");
  const read = outcomes.filter((outcome) => outcome.kind !== "skipped");
  const skipped = outcomes.filter((outcome) => outcome.kind === "skipped");
  const pointers = pointerEntriesNote(headings);
  let message: string;
  if (read.length > 0 && read.every((outcome) => outcome.kind === "empty")) {
    message = `${names}: ${outcomes.length === 1 ? "the file is empty" : read.length === 1 ? `${read[0]!.file} is empty` : `all ${read.length} bank files are empty`}; a bank holds stories, each a heading followed by Situation/Task/Action/Result text (see coach stories --help).`;
  } else if (read.length > 0 && read.every((outcome) => outcome.kind === "json" || outcome.kind === "empty")) {
    const reason = read.find((outcome) => outcome.reason)?.reason;
    message = `${names}: no stories found${reason ? ` (${reason.replace(/\.$/, "")})` : ""}. A JSON bank is ${JSON_BANK_SHAPE}.`;
  } else if (pointers) {
    message = `${names}: no stories found: ${pointers}`;
  } else {
    message = `${names}: no stories found. A story is a heading followed by Situation/Task/Action/Result text (see coach stories --help).`;
  }
  if (skipped.length > 0) message += ` Skipped as not story banks: ${skipped.map((outcome) => outcome.file).join(", ")}.`;
  return new InputError("INPUT_EMPTY", message, { file: outcomes[0]?.file });
}
