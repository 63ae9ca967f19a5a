import type { HeadingAccount, ParsedBank, ParseWarning, Story } from "../core/story.js";
import { InputError } from "../errors/index.js";
import { decodeBankBytes } from "./decode-bank-bytes.js";
import { groupExperiences } from "./group-experiences.js";
import { parseJsonBank } from "./parse-json-bank.js";
import { parseMarkdownBank } from "./parse-markdown-bank.js";
import { readBankFiles, type BankFileBytes } from "./read-bank-files.js";
import { repairMojibake } from "./repair-mojibake.js";
import { resolvePointers } from "./resolve-pointers.js";
import type { PointerDraft, StoryDraft } from "./story-draft.js";
import { assignStoryIds } from "./story-id.js";

/** Reads and parses bank files and folders into stories; refuses a bank with no story at all. */
export async function loadBank(paths: readonly string[]): Promise<ParsedBank> {
  const files = await readBankFiles(paths);
  const bank = parseBankFiles(files);
  if (bank.stories.length === 0) {
    const names = files.map((file) => file.path).join(", ");
    throw new InputError("INPUT_EMPTY", `${names}: no stories found. A story is a heading followed by Situation/Task/Action/Result text (see coach stories --help).`, {
      file: files[0]?.path,
    });
  }
  return bank;
}

/** Parses bank files already in memory (used by the HTTP API for uploaded banks too). */
export function parseBankFiles(files: readonly BankFileBytes[]): ParsedBank {
  const drafts: StoryDraft[] = [];
  const pointers: PointerDraft[] = [];
  const warnings: ParseWarning[] = [];
  const headings: HeadingAccount[] = [];
  for (const file of files) {
    const decoded = decodeBankBytes(file.bytes, file.path);
    warnings.push(...decoded.warnings);
    const repaired = repairMojibakeByLine(decoded.text, file.path, warnings);
    if (repaired.trim() === "") {
      warnings.push({ code: "NO_STORIES_IN_FILE", message: `${file.path} is empty.`, file: file.path, line: 1 });
      continue;
    }
    if (/\.json$/i.test(file.path) || /^\s*\{\s*"stories"\s*:/.test(repaired)) {
      const parsed = parseJsonBank(repaired, file.path);
      drafts.push(...parsed.stories);
      warnings.push(...parsed.warnings);
      continue;
    }
    const parsed = parseMarkdownBank(repaired, file.path);
    drafts.push(...parsed.stories);
    pointers.push(...parsed.pointers);
    headings.push(...parsed.headings);
    warnings.push(...parsed.warnings);
    if (parsed.stories.length === 0) {
      warnings.push({ code: "NO_STORIES_IN_FILE", message: `${file.path}: no stories found in this file.`, file: file.path, line: 1 });
    }
  }
  warnings.push(...resolvePointers(drafts, pointers));
  const ids = assignStoryIds(drafts);
  const experiences = groupExperiences(
    drafts.map((draft, index) => ({ id: ids[index]!, title: draft.title, body: draft.body, experienceKey: draft.experienceKey, file: draft.file, number: draft.number, principles: draft.principles })),
  );
  const stories: Story[] = drafts.map((draft, index) => ({
    id: ids[index]!,
    experience: experiences[index]!,
    title: draft.title,
    question: draft.question,
    questions: draft.questions,
    principles: draft.principles,
    principleSource: draft.principleSource,
    tags: draft.tags,
    parts: draft.parts,
    partsInferred: draft.partsInferred,
    body: draft.body,
    text: draft.text,
    source: { file: draft.file, startLine: draft.startLine, endLine: draft.endLine },
  }));
  warnings.sort((a, b) => (a.file === b.file ? a.line - b.line : 0));
  return { stories, warnings, headings, files: files.map((file) => ({ path: file.path, sha256: file.sha256, bytes: file.bytes.length })) };
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
