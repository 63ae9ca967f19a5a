import { z } from "zod";

/** The judgement the model must return for the stories it was shown (validated before use). */
export const MatchJudgementSchema = z.object({
  stories: z
    .array(
      z.object({
        /** The reference the story was shown under ("S1"; small models also write "Story 1" or "1"). */
        story: z.union([z.string(), z.number()]),
        fit: z.enum(["strong", "workable", "stretch"]),
        why: z.string().trim().min(1).max(4000),
        leadWith: z.enum(["situation", "task", "action", "result"]),
      }),
    )
    .min(1),
});
export type MatchJudgement = z.infer<typeof MatchJudgementSchema>;

/** JSON Schema for the provider's structured-output mode, generated from the zod schema. */
export const MATCH_JUDGEMENT_JSON_SCHEMA = z.toJSONSchema(MatchJudgementSchema) as Record<string, unknown>;
