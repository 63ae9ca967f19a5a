import type { HeadingAccount, ParsedBank, ParseWarning, Story } from "../core/story.js";
import { InputError } from "../errors/index.js";
import { groupExperiences } from "./group-experiences.js";
import { instructionSentences, isInstructionSentence, withoutInstructionSentences } from "./instruction-text.js";
import { noStoriesError, type FileOutcome } from "./no-stories-error.js";
import { NotABankError, parseBankFile } from "./parse-bank-file.js";
import { readBankFiles, type BankFileBytes } from "./read-bank-files.js";
import { noteAlikeTarget, resolvePointers } from "./resolve-pointers.js";
import type { PointerDraft, StoryDraft } from "./story-draft.js";
import { assignStoryIds } from "./story-id.js";

/** Reads and parses bank files and folders into stories; refuses a bank with no story at all. */
export async function loadBank(paths: readonly string[]): Promise<ParsedBank> {
  const files = await readBankFiles(paths);
  const { bank, outcomes } = readBank(files);
  if (bank.stories.length === 0) throw noStoriesError(outcomes, bank.headings);
  return bank;
}

/**
 * Parses bank files already in memory (used by the HTTP API for uploaded banks too).
 * A file found in a folder that is not a bank (binary, JSON of another kind) is
 * skipped with a warning; when every file is, the first one's error is thrown.
 */
export function parseBankFiles(files: readonly BankFileBytes[]): ParsedBank {
  return readBank(files).bank;
}

/**
 * Parses bank files already in memory, with the error `loadBank` gives when
 * they hold no story (an empty file says it is empty, JSON gets the JSON
 * shape), for a caller that decides when to throw it.
 */
export function parseBankFilesWithRefusal(files: readonly BankFileBytes[]): { bank: ParsedBank; refusal: InputError | undefined } {
  const { bank, outcomes } = readBank(files);
  return { bank, refusal: bank.stories.length === 0 ? noStoriesError(outcomes, bank.headings) : undefined };
}

function readBank(files: readonly BankFileBytes[]): { bank: ParsedBank; outcomes: FileOutcome[] } {
  let drafts: StoryDraft[] = [];
  const pointers: PointerDraft[] = [];
  const warnings: ParseWarning[] = [];
  const headings: HeadingAccount[] = [];
  const outcomes: FileOutcome[] = [];
  const skipped: InputError[] = [];
  for (const file of files) {
    try {
      const read = parseBankFile(file);
      // Loops, not push(...list): a 5 MB file can hold a million headings, too many to pass as arguments.
      for (const story of read.stories) drafts.push(story);
      for (const pointer of read.pointers) pointers.push(pointer);
      for (const heading of read.headings) headings.push(heading);
      for (const warning of read.warnings) warnings.push(warning);
      outcomes.push(read.outcome);
    } catch (error) {
      if (!(error instanceof NotABankError)) throw error;
      if (!file.inFolder) throw error.error;
      skipped.push(error.error);
      warnings.push({ code: "FILE_SKIPPED", message: `${error.error.message} Skipped: the other files were read.`, file: file.path, line: error.error.location?.line ?? 1 });
      outcomes.push({ file: file.path, kind: "skipped", reason: error.error.message });
    }
  }
  // A folder holding nothing but files of other kinds is refused as a single such file is.
  if (skipped.length > 0 && skipped.length === files.length) throw skipped[0]!;
  const resolved = resolvePointers(drafts, pointers);
  for (const warning of resolved.warnings) warnings.push(warning);
  // A "story" of nothing but words addressed to a model tells nothing: skipped, as its warning says.
  // Each body read once without such sentences: matching, grouping and the stories below all use it.
  const told: Array<{ draft: StoryDraft; body: string }> = [];
  for (const draft of drafts) {
    const body = withoutInstructionSentences(draft.body);
    const tellsSomething = /\p{L}/u.test(body);
    const warning = instructionWarning(draft, !tellsSomething);
    if (warning) warnings.push(warning);
    if (tellsSomething) told.push({ draft, body });
  }
  drafts = told.map((entry) => entry.draft);
  const ids = assignStoryIds(drafts);
  const experiences = groupExperiences(
    drafts.map((draft, index) => ({ id: ids[index]!, title: draft.title, body: told[index]!.body, experienceKey: draft.experienceKey, file: draft.file, number: draft.number, principles: draft.principles })),
  );
  // Another telling of the same event is no other story the pointer could mean.
  const experienceOf = new Map(drafts.map((draft, index) => [draft, experiences[index]!]));
  for (const entry of resolved.alike) {
    const other = experienceOf.get(entry.alike);
    if (other !== undefined && other !== experienceOf.get(entry.target)) noteAlikeTarget(entry);
  }
  const stories: Story[] = drafts.map((draft, index) => ({
    id: ids[index]!,
    experience: experiences[index]!,
    title: draft.title,
    question: draft.question !== null && isInstructionSentence(draft.question) ? null : draft.question,
    questions: draft.questions.filter((question) => !isInstructionSentence(question)),
    principles: draft.principles,
    principleSource: draft.principleSource,
    tags: draft.tags,
    // A sentence addressed to an AI model is no part of what happened: matching, quotes and critique read the story
    // without it; `text` keeps every word as written.
    parts: withoutInstructions(draft.parts),
    partsInferred: draft.partsInferred,
    body: told[index]!.body,
    text: draft.text,
    source: { file: draft.file, startLine: draft.startLine, endLine: draft.endLine },
  }));
  warnings.sort((a, b) => (a.file === b.file ? a.line - b.line : 0));
  return { bank: { stories, warnings, headings, files: files.map((file) => ({ path: file.path, sha256: file.sha256, bytes: file.bytes.length })) }, outcomes };
}

/** A warning for a story holding a sentence that reads as an instruction to an AI model, naming its line. */
function instructionWarning(draft: StoryDraft, skipped: boolean): ParseWarning | undefined {
  const found = [...draft.questions.filter(isInstructionSentence), ...instructionSentences(draft.body)];
  if (found.length === 0) return undefined;
  const first = found[0]!;
  // The sentence as the body reads it has no markup: its first words find its line in the file's text.
  const opening = first.split(/\s+/).slice(0, 3).join(" ");
  const lines = draft.text.split("\n");
  const at = lines.findIndex((line) => line.replace(/\s+/g, " ").includes(opening));
  const shown = first.length > 60 ? `${first.slice(0, 60).replace(/\s+\S*$/, "")}…` : first;
  const more = found.length > 1 ? ` and ${found.length - 1} more` : "";
  return {
    code: "INSTRUCTION_TEXT",
    message: skipped
      ? `"${draft.title}" holds nothing but words addressed to an AI model ("${shown}")${more}: the coach reads them as text, never as instructions, and skips the entry as no story.`
      : `"${draft.title}" holds a sentence addressed to an AI model ("${shown}")${more}: the coach reads it as text, never as an instruction, and leaves it out when matching and quoting the story. Remove it if it is not part of what happened.`,
    file: draft.file,
    line: draft.startLine + Math.max(0, at),
  };
}

function withoutInstructions(parts: StoryDraft["parts"]): StoryDraft["parts"] {
  const kept: StoryDraft["parts"] = {};
  for (const [part, text] of Object.entries(parts) as Array<[keyof StoryDraft["parts"], string]>) {
    const rest = withoutInstructionSentences(text);
    if (rest.trim() !== "") kept[part] = rest === text ? text : rest.replace(/\s{2,}/g, " ").trim();
  }
  return kept;
}
