import { z } from "zod";

const PartFeedback = z.object({ feedback: z.string() });

/** The structured output the model must return (validated before use). */
export const LlmCritiqueSchema = z.object({
  parts: z.object({ situation: PartFeedback, task: PartFeedback, action: PartFeedback, result: PartFeedback, lesson: PartFeedback }),
  strengths: z.array(z.string()).max(5),
  improvements: z.array(z.string()).min(1).max(3),
  followUps: z.array(z.string()).min(1).max(3),
  improvedAnswer: z.string().min(1),
});
export type LlmCritique = z.infer<typeof LlmCritiqueSchema>;

/** JSON Schema for the provider's structured-output mode, generated from the zod schema. */
export const LLM_CRITIQUE_JSON_SCHEMA = z.toJSONSchema(LlmCritiqueSchema) as Record<string, unknown>;
