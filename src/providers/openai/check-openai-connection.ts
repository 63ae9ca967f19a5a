import { DEFAULTS, shownBaseUrl, type ResolvedConfig } from "../../config/index.js";
import { isCoachError } from "../../errors/index.js";
import { createOpenAIClient } from "./create-openai-client.js";
import { mapOpenAIError } from "./map-openai-error.js";

/** The outcome of asking a provider whether it is there. */
export interface ConnectionCheck {
  ok: boolean;
  /** One line a person can read. */
  detail: string;
  latencyMs: number;
  /** Model ids the server listed (empty when it does not list models). */
  models: string[];
  code?: string;
}

const CHECK_TIMEOUT_MS = 5_000;

/** Asks an OpenAI-compatible server for its model list, once, without retries. */
export async function checkOpenAIConnection(config: ResolvedConfig): Promise<ConnectionCheck> {
  const started = performance.now();
  // Said on screen and in logs: a key in the URL's query is masked.
  const where = shownBaseUrl(config.baseUrl ?? DEFAULTS.baseUrl);
  try {
    const client = createOpenAIClient(config, { maxRetries: 0, timeoutMs: Math.min(config.timeoutMs, CHECK_TIMEOUT_MS) });
    const page = await client.models.list();
    const models = page.data.map((model) => model.id);
    const latencyMs = Math.round(performance.now() - started);
    const missing = models.length > 0 ? [config.chatModel, config.embedModel].filter((model) => !models.includes(model)) : [];
    return {
      ok: true,
      latencyMs,
      models,
      detail: `reachable at ${where} in ${latencyMs} ms, ${models.length} model${models.length === 1 ? "" : "s"} listed${
        missing.length ? `; not listed: ${missing.join(", ")} (set COACH_CHAT_MODEL / COACH_EMBED_MODEL)` : ""
      }`,
    };
  } catch (error) {
    const latencyMs = Math.round(performance.now() - started);
    // A server without /v1/models (404) still answered: it is reachable.
    if ((error as { status?: number }).status === 404) {
      return { ok: true, latencyMs, models: [], detail: `reachable at ${where} in ${latencyMs} ms (it does not list models)` };
    }
    const mapped = isCoachError(error) ? error : mapOpenAIError(error, where, config.apiKey);
    return { ok: false, latencyMs, models: [], detail: mapped.message, code: mapped.code };
  }
}
