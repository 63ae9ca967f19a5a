import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ConfigError, plainIssueMessage, UsageError } from "../errors/index.js";
import { ConfigFileSchema, DEFAULTS, INDEX_TIMEOUT_RANGE, ProviderNameSchema, type ConfigFile, type ResolvedConfig, type SettingSource } from "./config-schema.js";
import { shownBaseUrl } from "./shown-base-url.js";
import { checkStoreFolder, STORE_SETTING } from "./store-folder.js";
import { unknownSettingsMessage } from "./unknown-settings.js";

/** Settings given as command-line flags (already parsed). */
export interface ConfigFlags {
  provider?: string;
  store?: string;
  config?: string;
  baseUrl?: string;
  /** `--hide-scores` (true) or `--show-scores` (false); undefined when neither was given. */
  hideScores?: boolean;
  /** `--no-judge` (false); undefined when not given. */
  matchJudge?: boolean;
}

const FLAG_NAMES: Record<keyof ConfigFlags, string> = { provider: "--provider", store: "--store", config: "--config", baseUrl: "--base-url", hideScores: "--hide-scores", matchJudge: "--no-judge" };

/**
 * Resolves the configuration: flag, then environment variable, then config
 * file, then default. Fails fast, naming the flag and the variable at fault.
 * A relative store is resolved against the folder of the config file that
 * names it, else the working directory.
 */
export function loadConfig(flags: ConfigFlags = {}, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ResolvedConfig {
  // An empty flag is a mistake (an unset shell variable, say), not a request for the default.
  for (const [key, value] of Object.entries(flags) as Array<[keyof ConfigFlags, string | boolean | undefined]>) {
    if (typeof value === "string" && value.trim() === "") throw new UsageError(`${FLAG_NAMES[key]}: the value is empty; give one or leave the flag out.`, { flag: FLAG_NAMES[key] });
  }
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
    throw new ConfigError(`${sources.baseUrl === "flag" ? "--base-url" : sources.baseUrl === "env" ? "OPENAI_BASE_URL" : fileName}: "${shownBaseUrl(maskUserInfo(baseUrl))}" is not an http(s) URL.`, {
      flag: "--base-url",
    });
  }
  if (baseUrl !== undefined && holdsCredentials(baseUrl)) {
    // Never echoed: the URL would put the password on the screen and in logs. fetch refuses such URLs anyway.
    throw new ConfigError(
      `${sources.baseUrl === "flag" ? "--base-url" : sources.baseUrl === "env" ? "OPENAI_BASE_URL" : fileName}: the URL holds a user name or password (${shownBaseUrl(withoutCredentials(baseUrl))}); give the API key in OPENAI_API_KEY and the URL without it.`,
      { flag: "--base-url" },
    );
  }
  const timeoutMs = pick("timeoutMs", undefined, parseInteger(env.COACH_TIMEOUT_MS, "COACH_TIMEOUT_MS", 100), file.timeoutMs, DEFAULTS.timeoutMs);
  const maxRetries = pick("maxRetries", undefined, parseInteger(env.COACH_MAX_RETRIES, "COACH_MAX_RETRIES", 0), file.maxRetries, DEFAULTS.maxRetries);
  const indexTimeoutMs = pick("indexTimeoutMs", undefined, parseInteger(env.COACH_INDEX_TIMEOUT_MS, "COACH_INDEX_TIMEOUT_MS", INDEX_TIMEOUT_RANGE.min, INDEX_TIMEOUT_RANGE.max), file.indexTimeoutMs, DEFAULTS.indexTimeoutMs);
  const apiKey = pick("apiKey", undefined, nonEmpty(env.OPENAI_API_KEY), undefined, undefined);
  const embedModel = pick("embedModel", undefined, nonEmpty(env.COACH_EMBED_MODEL), file.embedModel, DEFAULTS.embedModel);
  const embedDimensions = pick("embedDimensions", undefined, parseInteger(env.COACH_EMBED_DIMENSIONS, "COACH_EMBED_DIMENSIONS", 1), file.embedDimensions, undefined);
  const chatModel = pick("chatModel", undefined, nonEmpty(env.COACH_CHAT_MODEL), file.chatModel, DEFAULTS.chatModel);
  const hideScores = pick("hideScores", flags.hideScores, parseSwitch(env.COACH_HIDE_SCORES, "COACH_HIDE_SCORES", "--hide-scores or --show-scores"), file.hideScores, DEFAULTS.hideScores);
  const matchJudge = pick("matchJudge", flags.matchJudge, parseSwitch(env.COACH_MATCH_JUDGE, "COACH_MATCH_JUDGE", "--no-judge"), file.matchJudge, DEFAULTS.matchJudge);
  const storeText = pick("store", flags.store?.trim(), nonEmpty(env.COACH_HOME), file.store, DEFAULTS.store);
  // A config file names its store as its author saw it: from the file's own folder.
  const store = path.resolve(sources.store === "file" && fileName ? path.dirname(fileName) : cwd, storeText);
  checkStoreFolder(store, sources.store === "file" ? `${STORE_SETTING} ("store" in ${fileName})` : STORE_SETTING);

  return {
    provider: provider.data,
    apiKey,
    baseUrl: baseUrl === undefined ? undefined : withoutTrailingSlash(baseUrl),
    embedModel,
    embedDimensions,
    chatModel,
    store,
    timeoutMs,
    maxRetries,
    hideScores,
    matchJudge,
    indexTimeoutMs,
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
    // Unknown keys first: a key put in the file is the mistake to explain, whatever else is wrong.
    const issue = parsed.error.issues.find((candidate) => candidate.code === "unrecognized_keys") ?? parsed.error.issues[0]!;
    if (issue.code === "unrecognized_keys") throw new ConfigError(`${fileName}: ${unknownSettingsMessage(issue.keys)}`, { flag: "--config" });
    throw new ConfigError(`${fileName}: ${issue.path.join(".") || "config"}: ${plainIssueMessage(issue, data)}.`, { flag: "--config" });
  }
  return { file: parsed.data, fileName };
}

function parseInteger(value: string | undefined, name: string, minimum: number, maximum?: number): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < minimum || (maximum !== undefined && number > maximum)) {
    throw new ConfigError(`${name}: "${value}" is not a whole number ${maximum === undefined ? `>= ${minimum}` : `from ${minimum} to ${maximum}`}.`);
  }
  return number;
}

// A switch in the environment: 1/true or 0/false (any case); empty is unset, as for the other variables.
function parseSwitch(value: string | undefined, name: string, flags: string): boolean | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const word = value.trim().toLowerCase();
  if (word === "1" || word === "true") return true;
  if (word === "0" || word === "false") return false;
  throw new ConfigError(`${name}: "${value}" is not a switch; use 1 or true (on), 0 or false (off), or ${flags} instead.`, { flag: flags.split(" ")[0] });
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** The URL without slashes at the end of its path (`/v1/` is `/v1`), its query and fragment kept. */
function withoutTrailingSlash(value: string): string {
  const queryAt = value.search(/[?#]/);
  const [address, rest] = queryAt < 0 ? [value, ""] : [value.slice(0, queryAt), value.slice(queryAt)];
  return address.replace(/\/+$/, "") + rest;
}

function holdsCredentials(value: string): boolean {
  const url = new URL(value);
  return url.username !== "" || url.password !== "";
}

/** The URL with its user name and password masked. */
function withoutCredentials(value: string): string {
  const url = new URL(value);
  url.username = url.username ? "***" : "";
  url.password = url.password ? "***" : "";
  return url.toString();
}

// What may come before an "@" in a URL-like value: a scheme, then a user name and password (or a key). Not a URL
// the parser reads ("admin:key@host" takes "admin:" for its scheme), so the value itself is masked.
const USER_INFO = /^([a-z][a-z0-9+.-]*:\/\/)?[^/?#@\s]+@/i;

/** A value that is not an http(s) URL as it may be shown: anything before an "@" in its authority masked. */
function maskUserInfo(value: string): string {
  return value.replace(USER_INFO, (_whole, scheme: string | undefined) => `${scheme ?? ""}***@`);
}
