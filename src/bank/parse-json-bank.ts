import { z } from "zod";
import type { ParseWarning, StoryPart } from "../core/story.js";
import { InputError, plainIssueMessage } from "../errors/index.js";
import { normalizePrinciple, type Principle } from "../principles/index.js";
import { isQuestionLike } from "./heading-text.js";
import { inferPartsFromProse } from "./infer-parts-from-prose.js";
import { jsonArrayElementLines } from "./json-array-element-lines.js";
import { findJsonSyntaxError } from "./json-syntax-error.js";
import { readPointer } from "./parse-markdown-bank.js";
import { readStoryRegion } from "./read-story-region.js";
import type { PointerDraft, StoryDraft } from "./story-draft.js";
import { calmBankWhitespace } from "./decode-bank-bytes.js";
import { countWords, shorten } from "../text/index.js";

// Exporters write null for an optional field they have no value for: it means absent.
const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined);
// A list of names, or one string of them ("Ownership, Dive Deep"), as a spreadsheet export writes it.
const nameList = z
  .union([z.array(z.string().nullable()), z.string()])
  .nullish()
  .transform((value) => (value === null || value === undefined ? undefined : splitNames(value)));

/** One story of a JSON bank (contracts: either the parts or `text`). */
export const JsonStorySchema = z
  .object({
    title: z.string().trim().min(1, "is empty"),
    question: optionalText,
    principles: nameList,
    tags: nameList,
    experience: optionalText,
    situation: optionalText,
    task: optionalText,
    action: optionalText,
    result: optionalText,
    lesson: optionalText,
    text: optionalText,
  })
  .refine((story) => [story.situation, story.task, story.action, story.result, story.lesson, story.text].some((part) => part?.trim()), {
    message: "has neither parts (situation, task, action, result, lesson) nor text",
  });

export const JsonBankSchema = z.object({ stories: z.array(z.unknown()) });
export type JsonStory = z.infer<typeof JsonStorySchema>;

const PART_NAMES: StoryPart[] = ["situation", "task", "action", "result", "lesson"];

/** What the contract's JSON bank looks like, for messages. */
export const JSON_BANK_SHAPE = `{"stories": [{"title": "...", "situation": "...", "task": "...", "action": "...", "result": "..."}]} (or "text" in place of the parts)`;

/**
 * Parses a JSON bank; stories that break the schema are skipped with a
 * warning naming their index, and entries that only point at another story
 * ("See \"Title\"", "Same as above") are returned as pointers.
 */
export function parseJsonBank(text: string, file: string): { stories: StoryDraft[]; pointers: PointerDraft[]; warnings: ParseWarning[] } {
  let data: unknown;
  try {
    // Escapes ("\t", "\r\n") put back what decoding the file calmed: the strings are calmed the same way.
    data = JSON.parse(text, (_key, value: unknown) => (typeof value === "string" ? calmBankWhitespace(value.replace(/\r\n?/g, "\n")) : value));
  } catch (cause) {
    // JSON.parse names no position for most errors, nor for a file cut short: find the line and column at fault.
    const fault = findJsonSyntaxError(text);
    // Valid JSON that JSON.parse still gave up on: nested deeper than it goes (its reviver recurses), not a syntax error.
    if (!fault && cause instanceof RangeError) throw new InputError("INPUT_NOT_PARSEABLE", `${file}: its JSON nests arrays or objects too deeply to read; a bank needs two levels ({"stories": [{...}]}).`, { file, cause });
    if (!fault) throw new InputError("INPUT_NOT_PARSEABLE", `${file}: not valid JSON (${(cause as Error).message}).`, { file, cause });
    throw new InputError("INPUT_NOT_PARSEABLE", `${file}:${fault.line}: not valid JSON at column ${fault.column}: ${fault.reason}.`, { file, line: fault.line, cause });
  }
  const bank = JsonBankSchema.safeParse(data);
  if (!bank.success) {
    throw new InputError("INPUT_NOT_PARSEABLE", `${file}: a JSON bank is {"stories": [...]}; ${describeWrongShape(data) ?? bank.error.issues[0]?.message ?? "wrong shape"}.`, { file });
  }
  const warnings: ParseWarning[] = [];
  const stories: StoryDraft[] = [];
  const pointers: PointerDraft[] = [];
  const lines = jsonArrayElementLines(text, "stories");
  bank.data.stories.forEach((raw, index) => {
    const { startLine, endLine } = lines[index] ?? { startLine: 1, endLine: 1 };
    const parsed = JsonStorySchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      warnings.push({
        code: "JSON_STORY_INVALID",
        message: `stories[${index}] skipped: ${issue?.path.length ? `${issue.path.join(".")}: ` : ""}${issue ? plainIssueMessage(issue, raw) : "invalid"}.`,
        file,
        line: startLine,
      });
      return;
    }
    const story = parsed.data;
    const pointer = readJsonPointer(story);
    if (pointer) {
      const title = story.title.trim();
      pointers.push({
        file,
        line: startLine,
        number: null,
        title,
        question: story.question?.trim() || (isQuestionLike(title) ? title : null),
        targetNumber: pointer.number,
        targetTitle: pointer.title,
        targetDescription: pointer.description,
        ...(pointer.section ? { targetSection: pointer.section } : {}),
        direction: pointer.direction,
      });
      return;
    }
    const parts: Partial<Record<StoryPart, string>> = {};
    for (const name of PART_NAMES) if (story[name]?.trim()) parts[name] = story[name]!.trim();
    let partsInferred = false;
    if (Object.keys(parts).length === 0 && story.text) {
      Object.assign(parts, inferPartsFromProse(story.text));
      partsInferred = true;
    }
    const principles: Principle[] = [];
    for (const name of story.principles ?? []) {
      const principle = normalizePrinciple(name);
      if (principle && !principles.includes(principle)) principles.push(principle);
      else if (!principle) warnings.push({ code: "UNKNOWN_PRINCIPLE", message: `stories[${index}]: "${name}" is not a Leadership Principle; ignored.`, file, line: startLine });
    }
    // As on a markdown Tags: line, a tag that names a principle sets it; the others stay tags.
    const tags: string[] = [];
    for (const tag of story.tags ?? []) {
      const principle = normalizePrinciple(tag);
      if (!principle) tags.push(tag);
      else if (!principles.includes(principle)) principles.push(principle);
    }
    const body = story.text?.trim() || PART_NAMES.map((name) => parts[name]).filter(Boolean).join(" ");
    stories.push({
      file,
      number: null,
      title: story.title.trim(),
      question: story.question?.trim() || null,
      questions: story.question?.trim() ? [story.question.trim()] : [],
      principles,
      principleSource: principles.length > 0 ? "tags" : "none",
      tags,
      parts,
      partsInferred,
      body,
      text: renderJsonStory(story),
      startLine,
      endLine,
      experienceKey: story.experience?.trim().toLowerCase() || null,
    });
  });
  if (bank.data.stories.length === 0) {
    warnings.push({ code: "NO_STORIES_IN_FILE", message: `${file}: its "stories" list is empty.`, file, line: 1 });
  } else if (stories.length === 0 && pointers.length === 0 && countWords(text) > 0) {
    warnings.push({ code: "NO_STORIES_IN_FILE", message: `${file}: none of its ${bank.data.stories.length} stories could be read.`, file, line: 1 });
  }
  return { stories, pointers, warnings };
}

// "Ownership, Dive Deep" is two names; "Are Right, A Lot" is one.
function splitNames(value: string | Array<string | null>): string[] {
  const names = typeof value === "string" ? value.replace(/\bare\s+right\s*,\s*a\s+lot\b/gi, "Are Right A Lot").split(",") : value;
  return names.flatMap((name) => (name?.trim() ? [name.trim()] : []));
}

// Read as a markdown entry would be, so "See \"Title\"" or "**Situation:** Same as above." alone is a pointer there too.
function readJsonPointer(story: JsonStory) {
  // A pointer is a line or two; a story's worth of text (or a 60,000-character "word") is not read again.
  const said = [story.text, ...PART_NAMES.map((name) => story[name])].join(" ");
  if (said.length > 1000 || countWords(said) > 60) return null;
  const raw = renderJsonStory(story).split("\n").slice(1);
  const reading = readStoryRegion(raw.map((line) => ({ number: 1, raw: line, isCode: false })));
  const pointer = readPointer(reading, reading.body, raw.join("\n"));
  // Only a pointer that names its story: JSON entries have no heading numbers ("See Q1"), and in a one-line file
  // every entry is on line 1, so "Same as above" could never be resolved and the entry would be dropped.
  if (!pointer || pointer.number !== null || pointer.direction !== null) return null;
  return pointer.title !== null || pointer.description !== null || pointer.section !== null ? pointer : null;
}

// The usual ways a file misses the shape: a bare list of stories, or the list under another key.
function describeWrongShape(data: unknown): string | null {
  if (Array.isArray(data)) return 'this file is a bare list: put it under "stories", as {"stories": [...]}';
  if (data === null || typeof data !== "object") return null;
  const keys = Object.keys(data);
  const nearly = keys.find((key) => key.trim().toLowerCase() === "stories");
  if (nearly !== undefined && nearly !== "stories") return `found "${shorten(nearly, 40)}"; the key is "stories", in lower case`;
  if (!keys.includes("stories")) return `it has no "stories" key${keys.length > 0 ? ` (its keys: ${keys.slice(0, 5).map((key) => `"${shorten(key, 40)}"`).join(", ")}${keys.length > 5 ? ", ..." : ""})` : ""}`;
  return null;
}

function renderJsonStory(story: JsonStory): string {
  const lines = [`### ${story.title.trim()}`];
  if (story.question) lines.push(`**Question:** ${story.question.trim()}`);
  for (const name of PART_NAMES) {
    const value = story[name]?.trim();
    if (value) lines.push(`**${name[0]!.toUpperCase()}${name.slice(1)}:** ${value}`);
  }
  if (story.text?.trim()) lines.push(story.text.trim());
  return lines.join("\n");
}
