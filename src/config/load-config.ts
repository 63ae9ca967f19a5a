import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "../errors/index.js";
import { ConfigFileSchema, DEFAULTS, ProviderNameSchema, type ConfigFile, type ResolvedConfig, type SettingSource } from "./config-schema.js";

/** Settings given as command-line flags (already parsed). */
export interface ConfigFlags {
  provider?: string;
  store?: string;
  config?: string;
  baseUrl?: string;
}

/**
 * Resolves the configuration: flag, then environment variable, then config
 * file, then default. Fails fast, naming the flag and the variable at fault.
 */
export function loadConfig(flags: ConfigFlags = {}, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ResolvedConfig {
  const { file, fileName } = readConfigFile(flags.config, env, cwd);
  const sources = {} as ResolvedConfig["sources"];
  const pick = <T>(key: keyof ResolvedConfig["sources"], flag: T | undefined, envValue: T | undefined, fileValue: T | undefined, fallback: T): T => {
    const [value, source]: [T, SettingSource] =
      flag !== undefined ? [flag, "flag"] : envValue !== undefined ? [envValue, "env"] : fileValue !== undefined ? [fileValue, "file"] : [fallback, "default"];
    sources[key] = source;
    return value;
  };
  const nonEmpty = (value: string | undefined) => (value === undefined || value.trim() === "" ? undefined : value.trim());

  const providerText = pick("provider", nonEmpty(flags.provider), nonEmpty(env.COACH_PROVIDER), file.provider, DEFAULTS.provider);
  const provider = ProviderNameSchema.safeParse(providerText.toLowerCase());
  if (!provider.success) {
    const where = sources.provider === "flag" ? "--provider" : sources.provider === "env" ? "COACH_PROVIDER" : fileName;
    throw new ConfigError(`${where}: unknown provider "${providerText}"; use "local" (offline, the default) or "openai".`, { flag: "--provider" });
  }
  const baseUrl = pick("baseUrl", nonEmpty(flags.baseUrl), nonEmpty(env.OPENAI_BASE_URL), file.baseUrl, undefined);
  if (baseUrl !== undefined && !isHttpUrl(baseUrl)) {
    throw new ConfigError(`${sources.baseUrl === "flag" ? "--base-url" : sources.baseUrl === "env" ? "OPENAI_BASE_URL" : fileName}: "${baseUrl}" is not an http(s) URL.`, {
      flag: "--base-url",
    });
  }
  const timeoutMs = pick("timeoutMs", undefined, parseInteger(env.COACH_TIMEOUT_MS, "COACH_TIMEOUT_MS", 100), file.timeoutMs, DEFAULTS.timeoutMs);
  const maxRetries = pick("maxRetries", undefined, parseInteger(env.COACH_MAX_RETRIES, "COACH_MAX_RETRIES", 0), file.maxRetries, DEFAULTS.maxRetries);
  const apiKey = pick("apiKey", undefined, nonEmpty(env.OPENAI_API_KEY), undefined, undefined);

  return {
    provider: provider.data,
    apiKey,
    baseUrl: baseUrl?.replace(/\/+$/, ""),
    embedModel: pick("embedModel", undefined, nonEmpty(env.COACH_EMBED_MODEL), file.embedModel, DEFAULTS.embedModel),
    embedDimensions: pick("embedDimensions", undefined, parseInteger(env.COACH_EMBED_DIMENSIONS, "COACH_EMBED_DIMENSIONS", 1), file.embedDimensions, undefined),
    chatModel: pick("chatModel", undefined, nonEmpty(env.COACH_CHAT_MODEL), file.chatModel, DEFAULTS.chatModel),
    store: path.resolve(cwd, pick("store", nonEmpty(flags.store), nonEmpty(env.COACH_HOME), file.store, DEFAULTS.store)),
    timeoutMs,
    maxRetries,
    configFile: fileName,
    sources,
  };
}

function readConfigFile(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): { file: ConfigFile; fileName: string | null } {
  const explicit = flag ?? (env.COACH_CONFIG?.trim() || undefined);
  const fileName = explicit ? path.resolve(cwd, explicit) : path.join(cwd, DEFAULTS.configFileName);
  if (!existsSync(fileName)) {
    if (explicit) throw new ConfigError(`${flag ? "--config" : "COACH_CONFIG"}: ${explicit}: no such file.`, { flag: "--config" });
    return { file: {}, fileName: null };
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(fileName, "utf8"));
  } catch (cause) {
    throw new ConfigError(`${fileName}: not valid JSON (${(cause as Error).message}).`, { cause, flag: "--config" });
  }
  const parsed = ConfigFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${fileName}: ${issue.path.join(".") || "config"}: ${issue.message}.`, { flag: "--config" });
  }
  return { file: parsed.data, fileName };
}

function parseInteger(value: string | undefined, name: string, minimum: number): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < minimum) throw new ConfigError(`${name}: "${value}" is not a whole number >= ${minimum}.`);
  return number;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
