import { z } from "zod";
import { LlmCritiqueSchema } from "../critique/index.js";

// As the critic hands it on: it adds a request per placeholder to the model's improvements.
const ShownCoaching = LlmCritiqueSchema.extend({ improvements: z.array(z.string()) });

const PART_NAMES: Record<string, string> = { situation: "Situation", task: "Task", action: "Action", result: "Result", lesson: "Lesson" };

/**
 * The model's coaching in the readable report, one string per line: feedback
 * per part, strengths, what to improve and the improved answer with its
 * placeholders. Nothing when no model answered (the notice on stderr says why).
 */
export function llmCoachingReport(llm: Record<string, unknown> | null): string[] {
  if (!llm || llm.fallback !== false) return [];
  const parsed = ShownCoaching.safeParse(llm);
  if (!parsed.success) return [];
  const coaching = parsed.data;
  const lines = ["", `Coaching${typeof llm.model === "string" ? ` (${llm.model})` : ""}:`];
  for (const [part, value] of Object.entries(coaching.parts)) if (value.feedback.trim()) lines.push(`  ${(PART_NAMES[part] ?? part).padEnd(9)} ${value.feedback}`);
  if (coaching.strengths.length) lines.push("", "Strengths:", ...coaching.strengths.map((strength) => `  - ${strength}`));
  lines.push("", "To improve:", ...coaching.improvements.map((improvement) => `  - ${improvement}`));
  // Placeholders mark what the model could not know; the candidate fills them with their own facts.
  const asks = /\[(?:X%|\$X|N|timeframe|name)\]/.test(coaching.improvedAnswer) ? " (replace each [placeholder] with your real figure or name)" : "";
  lines.push("", `An improved answer${asks}:`, ...coaching.improvedAnswer.split("\n").map((line) => `  ${line}`));
  return lines;
}
