import { z } from "zod";

/** One question asked in a mock interview and what came of it. */
export const InterviewTurnSchema = z.object({
  questionId: z.string(),
  question: z.string(),
  principle: z.string(),
  /** The topic asked for when it is not a principle ("Teamwork"), as the candidate named it; shown in place of the principle. */
  topic: z.string().nullable().default(null),
  answer: z.string().default(""),
  followUp: z.string().nullable().default(null),
  /** The issue code the follow-up probed, so its answer can be credited for what it gives. */
  probed: z.string().nullable().default(null),
  /** Whether the follow-up, once asked, was answered (a skip or stop leaves the first answer standing alone). */
  followUpAnswered: z.boolean().default(false),
  score: z.number().nullable().default(null),
  issues: z.array(z.string()).default([]),
  storyId: z.string().nullable().default(null),
  experience: z.string().nullable().default(null),
});
export type InterviewTurn = z.infer<typeof InterviewTurnSchema>;

/** A coaching conversation, persisted between runs so it can be resumed. */
export const SessionSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  messages: z.array(z.object({ role: z.enum(["user", "coach"]), text: z.string(), at: z.string() })),
  /** Every bank question asked in this session, so no interview repeats one. */
  askedQuestionIds: z.array(z.string()).default([]),
  /**
   * Whether the coach asked for the answer to critique ("critique:" came with none): the next message is that answer,
   * unless it is a command. Absent from sessions saved before it existed.
   */
  awaitingCritique: z.boolean().default(false),
  interview: z
    .object({
      principles: z.array(z.string()),
      turns: z.array(InterviewTurnSchema),
      /** Index into turns of the question awaiting an answer, or null when finished. */
      current: z.number().int().nullable(),
      awaitingFollowUp: z.boolean(),
    })
    .nullable(),
});
export type Session = z.infer<typeof SessionSchema>;

export function newSession(id: string): Session {
  const now = new Date().toISOString();
  return { id, createdAt: now, updatedAt: now, messages: [], askedQuestionIds: [], awaitingCritique: false, interview: null };
}
