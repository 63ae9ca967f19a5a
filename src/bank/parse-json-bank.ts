import { z } from "zod";
import type { ParseWarning, StoryPart } from "../core/story.js";
import { InputError } from "../errors/index.js";
import { normalizePrinciple, type Principle } from "../principles/index.js";
import { inferPartsFromProse } from "./infer-parts-from-prose.js";
import { jsonArrayElementLines } from "./json-array-element-lines.js";
import { countWords } from "./read-story-region.js";
import type { StoryDraft } from "./story-draft.js";
import { calmBankWhitespace } from "./decode-bank-bytes.js";

const optionalText = z.string().optional();

/** One story of a JSON bank (contracts: either the parts or `text`). */
export const JsonStorySchema = z
  .object({
    title: z.string().trim().min(1, "title is empty"),
    question: optionalText,
    principles: z.array(z.string()).optional(),
    tags: z.array(z.string()).optional(),
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

/** Parses a JSON bank; stories that break the schema are skipped with a warning naming their index. */
export function parseJsonBank(text: string, file: string): { stories: StoryDraft[]; warnings: ParseWarning[] } {
  let data: unknown;
  try {
    // Escapes ("\t", "\r\n") put back what decoding the file calmed: the strings are calmed the same way.
    data = JSON.parse(text, (_key, value: unknown) => (typeof value === "string" ? calmBankWhitespace(value.replace(/\r\n?/g, "\n")) : value));
  } catch (cause) {
    const position = /position (\d+)/.exec((cause as Error).message)?.[1];
    const line = position ? text.slice(0, Number(position)).split("\n").length : 1;
    throw new InputError("INPUT_NOT_PARSEABLE", `${file}:${line}: not valid JSON (${(cause as Error).message}).`, { file, line, cause });
  }
  const bank = JsonBankSchema.safeParse(data);
  if (!bank.success) {
    throw new InputError("INPUT_NOT_PARSEABLE", `${file}: a JSON bank is {"stories": [...]}; ${bank.error.issues[0]?.message ?? "wrong shape"}.`, { file });
  }
  const warnings: ParseWarning[] = [];
  const stories: StoryDraft[] = [];
  const lines = jsonArrayElementLines(text, "stories");
  bank.data.stories.forEach((raw, index) => {
    const { startLine, endLine } = lines[index] ?? { startLine: 1, endLine: 1 };
    const parsed = JsonStorySchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      warnings.push({
        code: "JSON_STORY_INVALID",
        message: `stories[${index}] skipped: ${issue?.path.length ? `${issue.path.join(".")} ` : ""}${issue?.message ?? "invalid"}.`,
        file,
        line: startLine,
      });
      return;
    }
    const story = parsed.data;
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
    const body = story.text?.trim() || PART_NAMES.map((name) => parts[name]).filter(Boolean).join(" ");
    stories.push({
      file,
      number: null,
      title: story.title.trim(),
      question: story.question?.trim() || null,
      questions: story.question?.trim() ? [story.question.trim()] : [],
      principles,
      principleSource: principles.length > 0 ? "tags" : "none",
      tags: story.tags ?? [],
      parts,
      partsInferred,
      body,
      text: renderJsonStory(story),
      startLine,
      endLine,
      experienceKey: story.experience?.trim().toLowerCase() || null,
    });
  });
  if (stories.length === 0 && bank.data.stories.length > 0 && countWords(text) > 0) {
    warnings.push({ code: "NO_STORIES_IN_FILE", message: `${file}: none of its ${bank.data.stories.length} stories could be read.`, file, line: 1 });
  }
  return { stories, warnings };
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
