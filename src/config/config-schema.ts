import { z } from "zod";

/** Provider names the registry knows. */
export const ProviderNameSchema = z.enum(["local", "openai"]);
export type ProviderName = z.infer<typeof ProviderNameSchema>;

/**
 * The range of the index watchdog's limit (ms): at least a tenth of a second;
 * at most a day, as a timer cannot wait much longer (about 24.8 days).
 */
export const INDEX_TIMEOUT_RANGE = { min: 100, max: 86_400_000 } as const;

/** Shape of `coach.config.json`. The API key is never read from a file: it stays in the environment. */
export const ConfigFileSchema = z
  .object({
    provider: ProviderNameSchema.optional(),
    baseUrl: z.url().optional(),
    embedModel: z.string().trim().min(1).optional(),
    embedDimensions: z.number().int().positive().optional(),
    chatModel: z.string().trim().min(1).optional(),
    store: z.string().trim().min(1).optional(),
    timeoutMs: z.number().int().min(100).max(600_000).optional(),
    maxRetries: z.number().int().min(0).max(10).optional(),
    hideScores: z.boolean().optional(),
    matchJudge: z.boolean().optional(),
    indexTimeoutMs: z.number().int().min(INDEX_TIMEOUT_RANGE.min).max(INDEX_TIMEOUT_RANGE.max).optional(),
  })
  .strict();
export type ConfigFile = z.infer<typeof ConfigFileSchema>;

/** Where a setting's value came from, for `coach doctor`. */
export type SettingSource = "flag" | "env" | "file" | "default";

/** The configuration a command runs with, after precedence is applied. */
export const ResolvedConfigSchema = z.object({
  provider: ProviderNameSchema,
  apiKey: z.string().optional(),
  baseUrl: z.url().optional(),
  embedModel: z.string().min(1),
  /** Vector length to ask the embedding model for and to require of every reply; unset, the model's own. */
  embedDimensions: z.number().int().positive().optional(),
  chatModel: z.string().min(1),
  store: z.string().min(1),
  timeoutMs: z.number().int().positive(),
  maxRetries: z.number().int().min(0),
  /** Low-anxiety mode: readable output gives the coaching in words, without scores or graded percentages. */
  hideScores: z.boolean(),
  /** With a provider: its chat model judges the fit of `coach match`'s and `/api/match`'s first five stories. */
  matchJudge: z.boolean(),
  /** `coach serve`: an index build that reports no progress for this long is abandoned and its worker replaced. */
  indexTimeoutMs: z.number().int().positive(),
  configFile: z.string().nullable(),
});
export type ResolvedConfig = z.infer<typeof ResolvedConfigSchema> & {
  sources: Record<"provider" | "apiKey" | "baseUrl" | "embedModel" | "embedDimensions" | "chatModel" | "store" | "timeoutMs" | "maxRetries" | "hideScores" | "matchJudge" | "indexTimeoutMs", SettingSource>;
};

export const DEFAULTS = {
  provider: "local",
  /** The OpenAI API, used with the openai provider when no base URL is set. */
  baseUrl: "https://api.openai.com/v1",
  embedModel: "text-embedding-3-small",
  chatModel: "gpt-4o-mini",
  store: ".coach",
  timeoutMs: 30_000,
  maxRetries: 2,
  hideScores: false,
  matchJudge: true,
  // A 5 MB single-story upload spends about 35 s in each of its slowest steps on a 2-core machine: ample headroom.
  indexTimeoutMs: 300_000,
  configFileName: "coach.config.json",
} as const;
