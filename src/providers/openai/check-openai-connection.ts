import { DEFAULTS, shownBaseUrl, type ResolvedConfig } from "../../config/index.js";
import { isCoachError } from "../../errors/index.js";
import { createOpenAIClient } from "./create-openai-client.js";
import { mapOpenAIError, missingV1Hint } from "./map-openai-error.js";

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
    // Ollama lists "llama3.1:latest" and answers to "llama3.1" as well.
    const listed = (model: string) => models.some((id) => id === model || id === `${model}:latest` || `${id}:latest` === model);
    const missing = models.length > 0 ? [config.chatModel, config.embedModel].filter((model) => !listed(model)) : [];
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
      // A base URL without /v1 is the likelier reason, and then every request will fail the same way.
      const hint = missingV1Hint(config.baseUrl ?? DEFAULTS.baseUrl);
      return { ok: true, latencyMs, models: [], detail: `reachable at ${where} in ${latencyMs} ms (it does not list models${hint ? `; if requests fail with HTTP 404, ${hint}` : ""})` };
    }
    const mapped = isCoachError(error) ? error : mapOpenAIError(error, where, { secret: config.apiKey, baseURL: config.baseUrl ?? DEFAULTS.baseUrl });
    return { ok: false, latencyMs, models: [], detail: mapped.message, code: mapped.code };
  }
}
