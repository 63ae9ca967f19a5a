import path from "node:path";
import { parseBankFiles, pointerEntriesNote } from "../bank/index.js";
import type { ParsedBank, ParseWarning } from "../core/story.js";
import { errorFromData, errorToData, InputError, isCoachError } from "../errors/index.js";

/** An upload as the index worker is told of it: its file in the store and the name it was uploaded under. */
export interface UploadedFile {
  file: string;
  name: string;
}

/**
 * The upload's own warnings from the banks as parsed, naming it by its file
 * name (mine.md), never by where the server keeps it. A bank with no story
 * is refused (INPUT_EMPTY).
 */
export function uploadWarnings(bank: ParsedBank, upload: UploadedFile): ParseWarning[] {
  if (!bank.stories.some((story) => isUploadFile(story.source.file, upload))) {
    throw noStories(upload, bank.headings.filter((heading) => isUploadFile(heading.file, upload)));
  }
  return bank.warnings.filter((warning) => isUploadFile(warning.file, upload)).map((warning) => ({ ...warning, file: path.basename(upload.file), message: renamed(warning.message, warning.file, upload) }));
}

/**
 * Parses an upload alone, as its own file name (mine.md), and refuses it when
 * it holds no story or cannot be read (the parser's error, naming that file
 * name): done before the upload is written to the store, so a refused bank
 * never reaches it, even if the server stops while it is being indexed.
 */
export function checkUpload(upload: UploadedFile, content: string): void {
  const parsed = parseBankFiles([{ path: path.basename(upload.file), bytes: Buffer.from(content, "utf8"), sha256: "upload" }]);
  if (parsed.stories.length === 0) throw noStories(upload, parsed.headings);
}

/** The refusal of an upload with no story; one of nothing but pointer entries says so (from its heading accounts). */
function noStories(upload: UploadedFile, headings: ParsedBank["headings"]): InputError {
  const pointers = pointerEntriesNote(headings);
  if (pointers) return new InputError("INPUT_EMPTY", `bank "${upload.name}": no stories found: ${pointers}`);
  return new InputError("INPUT_EMPTY", `bank "${upload.name}": no stories found (a story is a heading followed by Situation/Task/Action/Result text).`);
}

/** An error about the uploaded file (not valid JSON, binary) naming it by its file name; any other error as it is. */
export function nameUploadIn(error: unknown, upload: UploadedFile): unknown {
  const shown = isCoachError(error) ? error.location.file : undefined;
  if (shown === undefined || !isUploadFile(shown, upload)) return error;
  const data = errorToData(error);
  return errorFromData({ ...data, message: renamed(data.message, shown, upload), location: { ...data.location, file: path.basename(upload.file) } });
}

// The parser names a file as the working folder sees it, relative or absolute.
function isUploadFile(shown: string, upload: UploadedFile): boolean {
  return path.resolve(shown) === path.resolve(upload.file);
}

function renamed(message: string, shown: string, upload: UploadedFile): string {
  return message.split(shown).join(path.basename(upload.file));
}
