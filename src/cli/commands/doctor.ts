import { access, constants } from "node:fs/promises";
import path from "node:path";
import { DEFAULTS, loadConfig, shownBaseUrl, type ResolvedConfig } from "../../config/index.js";
import { resolveProvider } from "../../providers/index.js";
import type { Command } from "../command.js";
import { announceProvider } from "../open-story-index.js";
import { notice, printJson, printLine } from "../io.js";
import { SAMPLE_BANK_PATH } from "../package-paths.js";
import { stringFlag } from "../parse-command-args.js";

const SOURCE_NAMES: Record<string, Record<string, string>> = {
  provider: { flag: "--provider", env: "COACH_PROVIDER" },
  baseUrl: { flag: "--base-url", env: "OPENAI_BASE_URL" },
  apiKey: { env: "OPENAI_API_KEY" },
  embedModel: { env: "COACH_EMBED_MODEL" },
  embedDimensions: { env: "COACH_EMBED_DIMENSIONS" },
  chatModel: { env: "COACH_CHAT_MODEL" },
  store: { flag: "--store", env: "COACH_HOME" },
  timeoutMs: { env: "COACH_TIMEOUT_MS" },
  maxRetries: { env: "COACH_MAX_RETRIES" },
  hideScores: { flag: "--hide-scores", env: "COACH_HIDE_SCORES" },
  matchJudge: { flag: "--no-judge", env: "COACH_MATCH_JUDGE" },
  indexTimeoutMs: { env: "COACH_INDEX_TIMEOUT_MS" },
};

function origin(config: ResolvedConfig, key: keyof ResolvedConfig["sources"]): string {
  const source = config.sources[key];
  if (source === "default") return "default";
  if (source === "file") return config.configFile ?? "config file";
  return SOURCE_NAMES[key]?.[source] ?? source;
}

export const doctorCommand: Command = {
  name: "doctor",
  summary: "Show the configuration in use and check the provider connection",
  help: `Usage: coach doctor [--provider local|openai] [--store DIR] [--json]

Prints the configuration in use (provider, models, base URL, timeout,
retries, store, whether scores are hidden, config file; never the API key,
and the base URL's query values masked as *** but api-version's)
and where each value came from, checks the provider connection when one is
configured, and says what is missing.

Configuration, highest precedence first: flag, environment variable, config
file (--config FILE, COACH_CONFIG, or ./coach.config.json), default.
  provider     --provider | COACH_PROVIDER            default local (offline)
  base URL     --base-url | OPENAI_BASE_URL           default https://api.openai.com/v1
  API key      OPENAI_API_KEY (environment only; never written to disk)
  embed model  COACH_EMBED_MODEL | embedModel         default text-embedding-3-small
  embed size   COACH_EMBED_DIMENSIONS | embedDimensions   default the model's own
  chat model   COACH_CHAT_MODEL | chatModel           default gpt-4o-mini
  store        --store | COACH_HOME | store            default ./.coach
  timeout      COACH_TIMEOUT_MS | timeoutMs           default 30000
  retries      COACH_MAX_RETRIES | maxRetries         default 2
  hide scores  --hide-scores | COACH_HIDE_SCORES | hideScores   default off
               (the flag on critique, chat and serve; the variable 1/true or 0/false)
  match judge  --no-judge | COACH_MATCH_JUDGE | matchJudge   default on
               (with a provider: its chat model judges the fit of the first
               five matches; the flag on match and serve, the variable 1/true
               or 0/false)
  index limit  COACH_INDEX_TIMEOUT_MS | indexTimeoutMs   default 300000
               (coach serve: an upload's indexing that shows no progress for
               this long is stopped, changing nothing)

Options:
  --json       One JSON line: {"provider", "remote", "baseUrl", "apiKey": "set"|"not set",
               "embedModel", "embedDimensions", "chatModel", "timeoutMs", "maxRetries",
               "hideScores", "matchJudge", "indexTimeoutMs", "store", "storeWritable", "configFile", "sources",
               "connection", "missing", "notes", "usable"}.

Nothing leaves this machine unless the provider is openai: a key in the
environment alone sends nothing.

Exit codes: 0 usable, 1 the configured provider cannot be reached (or is
missing its key), 2 bad flags or configuration.`,
  options: { json: { type: "boolean" } },
  async run(args, io) {
    const config = loadConfig(
      { provider: stringFlag(args.values.provider), store: stringFlag(args.values.store), config: stringFlag(args.values.config), baseUrl: stringFlag(args.values["base-url"]) },
      io.env,
      io.cwd,
    );
    announceProvider(config, io);
    const provider = resolveProvider(config);
    const missing: string[] = [];
    if (config.provider === "openai" && !config.apiKey && !config.baseUrl) {
      missing.push("OPENAI_API_KEY (or OPENAI_BASE_URL for a local OpenAI-compatible server)");
    }
    const notes: string[] = [];
    if (config.provider === "local" && config.apiKey) {
      notes.push("OPENAI_API_KEY is set but unused: add --provider openai or COACH_PROVIDER=openai to use it");
    }
    const storeWritable = await isWritable(config.store);
    const check = missing.length > 0 && config.provider === "openai" ? null : await provider.checkConnection();
    const usable = config.provider === "local" || (check?.ok ?? false);

    if (args.values.json) {
      printJson(io, {
        provider: config.provider,
        remote: provider.remote,
        baseUrl: config.provider === "openai" ? shownBaseUrl(config.baseUrl ?? DEFAULTS.baseUrl) : null,
        apiKey: config.apiKey ? "set" : "not set",
        embedModel: config.provider === "openai" ? config.embedModel : (await provider.createEmbedder()).id,
        embedDimensions: config.provider === "openai" ? (config.embedDimensions ?? null) : null,
        chatModel: config.provider === "openai" ? config.chatModel : null,
        timeoutMs: config.timeoutMs,
        maxRetries: config.maxRetries,
        hideScores: config.hideScores,
        matchJudge: config.matchJudge,
        indexTimeoutMs: config.indexTimeoutMs,
        store: config.store,
        storeWritable,
        configFile: config.configFile,
        sources: config.sources,
        connection: check,
        missing,
        notes,
        usable,
      });
    } else {
      const rows: Array<[string, string]> = [
        ["provider", `${config.provider} (${origin(config, "provider")})${provider.remote ? "" : ": offline, nothing leaves this machine"}`],
      ];
      if (config.provider === "openai") {
        rows.push(["base URL", `${shownBaseUrl(config.baseUrl ?? DEFAULTS.baseUrl)} (${origin(config, "baseUrl")})`]);
        rows.push(["API key", config.apiKey ? `set (${origin(config, "apiKey")})` : "not set"]);
        rows.push(["embed model", `${config.embedModel} (${origin(config, "embedModel")})`]);
        if (config.embedDimensions !== undefined) rows.push(["embed size", `${config.embedDimensions} dimensions (${origin(config, "embedDimensions")})`]);
        rows.push(["chat model", `${config.chatModel} (${origin(config, "chatModel")})`]);
      } else {
        rows.push(["embeddings", `${(await provider.createEmbedder()).id} (built in)`]);
        rows.push(["coaching", "built-in offline coach (no language model)"]);
      }
      // Shown with the local provider too: a value set in a file or the environment should be seen, even while unused.
      const unused = config.provider === "openai" ? "" : "; used only with a provider";
      rows.push(["timeout", `${config.timeoutMs} ms (${origin(config, "timeoutMs")})${unused}`]);
      rows.push(["retries", `${config.maxRetries} (${origin(config, "maxRetries")})${unused}`]);
      rows.push(["scores", `${config.hideScores ? "hidden: coaching in words, no scores" : "shown"} (${origin(config, "hideScores")})`]);
      rows.push(["match judge", `${config.matchJudge ? "on: the chat model judges the first five matches" : "off: matches ranked without the chat model"} (${origin(config, "matchJudge")})${unused}`]);
      rows.push(["index limit", `${config.indexTimeoutMs} ms without progress (${origin(config, "indexTimeoutMs")}); used by coach serve`]);
      rows.push(["store", `${config.store} (${origin(config, "store")})${storeWritable ? "" : " NOT WRITABLE"}`]);
      rows.push(["config file", config.configFile ?? "none"]);
      rows.push(["sample bank", SAMPLE_BANK_PATH]);
      if (check && config.provider === "openai") rows.push(["connection", check.ok ? `ok: ${check.detail}` : `FAILED: ${check.detail}`]);
      for (const [name, value] of rows) printLine(io, `${name.padEnd(12)} ${value}`);
      for (const item of missing) printLine(io, `${"missing".padEnd(12)} ${item}`);
      for (const item of notes) printLine(io, `${"note".padEnd(12)} ${item}`);
    }
    if (!storeWritable) notice(io, `coach: the store ${config.store} is not writable; set --store or COACH_HOME.`);
    if (!usable) {
      notice(io, check ? `coach: provider unreachable: ${check.detail}` : `coach: provider openai is missing ${missing[0]}.`);
      return 1;
    }
    return 0;
  },
};

// Checks without creating anything: the store itself, or the nearest folder above it that exists.
async function isWritable(folder: string): Promise<boolean> {
  for (let current = folder; ; current = path.dirname(current)) {
    try {
      await access(current, constants.F_OK);
    } catch {
      if (path.dirname(current) === current) return false;
      continue;
    }
    try {
      await access(current, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  }
}
