import { z } from "zod";
import { MAX_BANK_FILE_BYTES } from "../bank/limits.js";
import { MAX_PLAN_QUESTIONS, MAX_QUESTION_CHARACTERS } from "../retrieval/index.js";

// A blank question is the client's to fix, said as such (400 INVALID_BODY), not the command line's advice on arguments and stdin.
const QuestionSchema = z
  .string()
  .max(MAX_QUESTION_CHARACTERS)
  .regex(/\S/, "the question is empty; send the interview question's text");

/** Request bodies of the HTTP API: the single source for validation and for the OpenAPI document. */
export const MatchBodySchema = z.object({ question: QuestionSchema, k: z.number().int().min(1).max(50).optional() });
// An Amazon loop is four to six interviews of two or three questions each; 50 leaves room for a whole prep list.
export const PlanBodySchema = z.object({ questions: z.array(QuestionSchema).min(1).max(MAX_PLAN_QUESTIONS, `at most ${MAX_PLAN_QUESTIONS} questions: a plan is one interview loop (usually 4 to 8); send each loop on its own, or ask POST /api/match for each question`), k: z.number().int().min(1).max(50).optional() });
export const CritiqueBodySchema = z.object({ question: QuestionSchema, answer: z.string().max(200_000).regex(/\S/, "the answer is empty; send the answer's text") });
export const BankBodySchema = z.object({
  // Any name, a file name too: the server keeps the bank under a safe name (letters, digits, - and _) and says which.
  name: z
    .string()
    .trim()
    .min(1, 'give the bank a name, such as "my-stories" or a file name like "my-stories.md"')
    .max(255, "at most 255 characters")
    .describe("The bank's name or file name; kept as letters, digits, - and _ (at most 64), without a .md/.txt/.json ending; the reply's name is the one to use."),
  // Limited by its UTF-8 bytes (as a file on disk), which a character count cannot say: a larger bank is refused 413 INPUT_TOO_LARGE.
  content: z.string().min(1, "the bank is empty; send the text of your stories").describe(`The bank's text: at most ${MAX_BANK_FILE_BYTES} bytes (5 MB) as UTF-8.`),
  format: z.enum(["markdown", "json"]).optional(),
});
export const ChatBodySchema = z.object({ sessionId: z.string().regex(/^[a-z0-9-]{4,64}$/).optional(), message: z.string().min(1).max(200_000) });
export const ErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export type MatchBody = z.infer<typeof MatchBodySchema>;
export type PlanBody = z.infer<typeof PlanBodySchema>;
export type CritiqueBody = z.infer<typeof CritiqueBodySchema>;
export type BankBody = z.infer<typeof BankBodySchema>;
export type ChatBody = z.infer<typeof ChatBodySchema>;
