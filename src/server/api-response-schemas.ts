import { z } from "zod";
import { SessionSchema } from "../coach/session.js";
import { PRINCIPLES } from "../principles/index.js";

/**
 * Response bodies of the HTTP API, as the contracts fix them (the same shapes
 * as the `--json` lines of the commands): the source of the OpenAPI
 * document's responses, and what the API and CLI tests check real output
 * against. Extra fields are allowed (contracts), so objects are loose.
 */
const Principle = z.enum(PRINCIPLES);
const Score = z.number().min(0).max(1);

export const HealthResponseSchema = z.looseObject({ ok: z.literal(true), provider: z.string(), stories: z.number().int().min(0) });

/** How the server asks clients to show results (`GET /api/settings`). */
export const SettingsResponseSchema = z.looseObject({
  hideScores: z.boolean().describe("Low-anxiety mode (coach serve --hide-scores): show the coaching in words and hide scores and their breakdown; every score field is still sent."),
});

export const StoryResponseSchema = z.looseObject({
  id: z.string().min(1),
  title: z.string().min(1),
  question: z.string().nullable(),
  principles: z.array(Principle),
  experience: z.string().min(1),
  parts: z.object({ situation: z.boolean(), task: z.boolean(), action: z.boolean(), result: z.boolean(), lesson: z.boolean() }),
  source: z.looseObject({ file: z.string(), startLine: z.number().int().min(1), endLine: z.number().int().min(1) }),
});
export const ParseWarningSchema = z.looseObject({ code: z.string(), message: z.string(), file: z.string(), line: z.number().int().min(1) });

export const StoriesResponseSchema = z.looseObject({ stories: z.array(StoryResponseSchema) });
export const BankUploadResponseSchema = z.looseObject({
  name: z.string().min(1).describe("The name the bank is kept, listed and deleted under"),
  notice: z.string().optional().describe("Present when that name differs from the name given"),
  stories: z.array(StoryResponseSchema),
  warnings: z.array(ParseWarningSchema),
});
export const BankListResponseSchema = z.looseObject({
  banks: z.array(
    z.looseObject({
      name: z.string().min(1),
      kind: z.enum(["upload", "command-line", "store", "sample"]).describe("upload: deletable; command-line (--bank), store (the store's own banks) or sample (the bundled one): read-only"),
      deletable: z.boolean(),
      stories: z.number().int().min(0),
      error: z
        .looseObject({ code: z.string(), message: z.string() })
        .optional()
        .describe("Present when the bank, edited on disk while the server runs, can no longer be read (no story, missing, unparseable): its stories as read before are still served"),
    }),
  ),
});
export const BankRemovedResponseSchema = z.looseObject({ removed: z.string() });

/** One `coach match --json` line: the contract's fields. */
export const MatchResponseSchema = z.looseObject({
  question: z.string(),
  principles: z.array(z.looseObject({ name: Principle, score: Score })).max(3),
  competencies: z.array(z.looseObject({ name: z.string(), score: Score })).max(3),
  matches: z.array(
    z.looseObject({
      id: z.string(),
      experience: z.string(),
      title: z.string(),
      principles: z.array(Principle),
      score: Score,
      why: z.string().min(1),
      leadWith: z.enum(["situation", "task", "action", "result"]),
      text: z.string().min(1),
      alsoTold: z.array(z.looseObject({ id: z.string(), title: z.string() })),
      fit: z
        .enum(["strong", "workable", "stretch"])
        .optional()
        .describe("How well the story answers the question whatever else the bank holds (not in the contract): absent for a question that asks for no story."),
    }),
  ),
  judge: z
    .union([
      z.looseObject({ fallback: z.literal(false), model: z.string(), prompt: z.string(), cached: z.boolean(), whysKept: z.number().int().min(0) }),
      z.looseObject({ fallback: z.literal(true), reason: z.string().min(1) }),
    ])
    .optional()
    .describe("With a provider (not in the contract): the model that judged the stories' fit and wrote their whys, or why it could not (the offline ranking and fits then stand)."),
});

/**
 * `POST /api/match`: a `coach match --json` line plus the notices the command
 * prints on stderr, which an HTTP client has no other way to see.
 */
export const MatchApiResponseSchema = MatchResponseSchema.extend({
  notices: z
    .array(z.string().min(1))
    .describe(
      "What to know beside the matches, as coach match says it on stderr: the question needs no story (an introduction, motivation, career-goals or practical question), why fewer than k stories are shown, no story clearly fits, an empty bank, a question that does not look like English. Empty when there is nothing to say.",
    ),
});

/** `POST /api/plan`: one result per question, in order, each leading with a story no other question leads with. */
export const PlanApiResponseSchema = z.object({ results: z.array(MatchApiResponseSchema) });

const Span = z.looseObject({ start: z.number().int().min(0), end: z.number().int().min(0), text: z.string() });
const Part = z.looseObject({ present: z.boolean(), share: Score, spans: z.array(Span) });
export const CritiqueResponseSchema = z.looseObject({
  id: z.string().optional(),
  score: z.number().min(0).max(100),
  breakdown: z.looseObject({ structure: z.number(), results: z.number(), ownership: z.number(), relevance: z.number(), delivery: z.number() }),
  star: z.looseObject({ situation: Part, task: Part, action: Part, result: Part, lesson: Part }),
  quantified: z.boolean(),
  metrics: z.array(z.string()),
  ownership: z.looseObject({ i: z.number().int().min(0), we: z.number().int().min(0), weHeavy: z.boolean() }),
  lesson: z.looseObject({ required: z.boolean(), present: z.boolean() }),
  notAStory: z.boolean(),
  relevance: z.looseObject({ principles: z.array(Principle), score: Score }),
  words: z.number().int().min(0),
  speakingSeconds: z.number().min(0),
  issues: z.array(
    z.looseObject({
      code: z.string(),
      severity: z.enum(["high", "medium", "low"]),
      message: z.string(),
      span: z.looseObject({ start: z.number().int(), end: z.number().int() }).optional(),
    }),
  ),
  followUps: z.array(z.string()),
  llm: z.union([z.null(), z.looseObject({ fallback: z.boolean() })]),
});

export const CoverageResponseSchema = z.looseObject({
  coverage: z.array(
    z.looseObject({
      principle: Principle,
      fit: z.enum(["strong", "workable", "stretch", "none"]),
      stories: z.array(z.looseObject({ id: z.string(), title: z.string(), score: Score })),
      /** Where the fit is workable only because the bank does not file its best story under the principle: that story. */
      strongIfFiled: z.looseObject({ id: z.string(), title: z.string() }).optional(),
    }),
  ),
});

export const SessionResponseSchema = z.looseObject({ id: z.string(), createdAt: z.string(), messages: SessionSchema.shape.messages, interview: SessionSchema.shape.interview });

/**
 * `POST /api/chat`: the data of each server-sent event, by event name. A card's
 * data is a /api/match answer (matches), a /api/critique answer (critique) or
 * a summary (coverage or a mock interview's).
 */
const CardHideScores = z.literal(true).optional().describe("Present in low-anxiety mode (coach serve --hide-scores)");
export const ChatEventSchemas = {
  session: z.looseObject({ sessionId: z.string().min(1) }).describe("First event: the session this turn belongs to (new when none was sent)"),
  token: z.looseObject({ text: z.string() }).describe("A piece of the reply's text, in order"),
  card: z
    .discriminatedUnion("type", [
      z.looseObject({ type: z.literal("matches"), data: MatchApiResponseSchema, hideScores: CardHideScores }),
      z.looseObject({ type: z.literal("critique"), data: CritiqueResponseSchema, question: z.string().optional(), hideScores: CardHideScores }),
      z.looseObject({ type: z.literal("summary"), data: z.looseObject({}), hideScores: CardHideScores }),
    ])
    .describe("Structured result of the turn, after its tokens"),
  done: z.looseObject({}).describe("Last event of a turn that succeeded"),
  error: z.looseObject({ code: z.string(), message: z.string() }).describe("Last event of a turn that failed; the session is kept"),
  notice: z.looseObject({ code: z.string(), message: z.string() }).describe("With a provider: why the offline coach answers instead of the model"),
  reset: z.looseObject({}).describe("With a provider: drop this reply's tokens so far (the model failed part-way)"),
};
