import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";

function folderWithConfig(config?: unknown): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), "coach-config-"));
  if (config !== undefined) writeFileSync(path.join(folder, "coach.config.json"), typeof config === "string" ? config : JSON.stringify(config));
  return folder;
}

describe("configuration precedence: flag, then environment, then config file, then default", () => {
  it("defaults to the offline provider and ./.coach, even with a key in the environment", () => {
    const cwd = folderWithConfig();
    const config = loadConfig({}, { OPENAI_API_KEY: "sk-x" }, cwd);
    expect(config).toMatchObject({ provider: "local", embedModel: "text-embedding-3-small", chatModel: "gpt-4o-mini", store: path.join(cwd, ".coach"), configFile: null });
    expect(config.sources.provider).toBe("default");
  });

  it("file beats default, environment beats file, flag beats environment", () => {
    const cwd = folderWithConfig({ provider: "openai", store: "from-file", chatModel: "file-model" });
    const fromFile = loadConfig({}, {}, cwd);
    expect(fromFile).toMatchObject({ provider: "openai", store: path.join(cwd, "from-file"), chatModel: "file-model" });
    expect(fromFile.sources).toMatchObject({ provider: "file", store: "file", chatModel: "file" });
    const fromEnv = loadConfig({}, { COACH_PROVIDER: "local", COACH_HOME: "from-env", COACH_CHAT_MODEL: "env-model" }, cwd);
    expect(fromEnv).toMatchObject({ provider: "local", store: path.join(cwd, "from-env"), chatModel: "env-model" });
    const fromFlag = loadConfig({ provider: "openai", store: "from-flag" }, { COACH_PROVIDER: "local", COACH_HOME: "from-env" }, cwd);
    expect(fromFlag).toMatchObject({ provider: "openai", store: path.join(cwd, "from-flag") });
    expect(fromFlag.sources).toMatchObject({ provider: "flag", store: "flag" });
  });

  it("refuses a base URL holding a user name or password, without showing them", () => {
    const cwd = folderWithConfig();
    let message = "";
    try {
      loadConfig({}, { OPENAI_BASE_URL: "http://user:sk-UNIQUE123@127.0.0.1:4555/v1" }, cwd);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^OPENAI_BASE_URL: the URL holds a user name or password \(http:\/\/\*\*\*:\*\*\*@127\.0\.0\.1:4555\/v1\); give the API key in OPENAI_API_KEY/);
    expect(message).not.toContain("sk-UNIQUE123");
    expect(message).not.toContain("user:");
    expect(() => loadConfig({ baseUrl: "https://key@example.test/v1" }, {}, cwd)).toThrow(/^--base-url: the URL holds a user name or password \(https:\/\/\*\*\*@example\.test\/v1\)/);
  });

  it("refuses a URL that is not http(s) without showing a user name or password it holds", () => {
    const cwd = folderWithConfig();
    const messageOf = (value: string) => {
      try {
        loadConfig({}, { OPENAI_BASE_URL: value }, cwd);
      } catch (error) {
        return (error as Error).message;
      }
      return "";
    };
    // The scheme forgotten: "admin:" reads as the scheme, so the URL parser finds no user name to mask.
    const noScheme = messageOf("admin:sk-UNIQUE456@localhost:11434/v1");
    expect(noScheme).toBe('OPENAI_BASE_URL: "***@localhost:11434/v1" is not an http(s) URL.');
    const ftp = messageOf("ftp://admin:sk-UNIQUE456@example.test/v1");
    expect(ftp).toBe('OPENAI_BASE_URL: "ftp://***@example.test/v1" is not an http(s) URL.');
    // Nothing to hide: the value is shown as given.
    expect(messageOf("localhost:11434/v1")).toBe('OPENAI_BASE_URL: "localhost:11434/v1" is not an http(s) URL.');
  });

  it("fails fast naming the flag or variable at fault", () => {
    const cwd = folderWithConfig();
    expect(() => loadConfig({ provider: "gemini" }, {}, cwd)).toThrow(/--provider: unknown provider "gemini"/);
    expect(() => loadConfig({}, { COACH_PROVIDER: "gemini" }, cwd)).toThrow(/COACH_PROVIDER: unknown provider/);
    expect(() => loadConfig({}, { OPENAI_BASE_URL: "localhost:11434" }, cwd)).toThrow(/OPENAI_BASE_URL: "localhost:11434" is not an http\(s\) URL/);
    expect(() => loadConfig({}, { COACH_TIMEOUT_MS: "soon" }, cwd)).toThrow(/COACH_TIMEOUT_MS: "soon" is not a whole number/);
    expect(() => loadConfig({ config: "missing.json" }, {}, cwd)).toThrow(/--config: missing\.json: no such file/);
  });

  it("rejects a broken or unknown-keyed config file, naming the file and key", () => {
    expect(() => loadConfig({}, {}, folderWithConfig("{ not json"))).toThrow(/coach\.config\.json: not valid JSON/);
    expect(() => loadConfig({}, {}, folderWithConfig({ apiKey: "sk-in-a-file" }))).toThrow(/coach\.config\.json: .*apiKey/);
    expect(() => loadConfig({}, {}, folderWithConfig({ maxRetries: 99 }))).toThrow(/maxRetries/);
  });

  it("says an API key in a config file is read only from OPENAI_API_KEY, and names the settings a file may hold", () => {
    const keyed = folderWithConfig({ apiKey: "sk-x" });
    expect(() => loadConfig({}, {}, keyed)).toThrow(
      `${path.join(keyed, "coach.config.json")}: "apiKey": the API key is read only from the environment variable OPENAI_API_KEY, never from a file; remove "apiKey" from this file and set OPENAI_API_KEY instead.`,
    );
    // The key is the mistake to explain even beside a bad value.
    expect(() => loadConfig({}, {}, folderWithConfig({ maxRetries: 99, openaiApiKey: "sk-x" }))).toThrow(/"openaiApiKey": the API key is read only from the environment variable OPENAI_API_KEY/);
    const typo = folderWithConfig({ provder: "local" });
    expect(() => loadConfig({}, {}, typo)).toThrow(
      `${path.join(typo, "coach.config.json")}: unknown setting "provder"; a config file may set provider, baseUrl, embedModel, embedDimensions, chatModel, store, timeoutMs, maxRetries, hideScores, matchJudge, indexTimeoutMs.`,
    );
  });

  it("strips a trailing slash from the base URL and ignores blank variables", () => {
    const config = loadConfig({}, { OPENAI_BASE_URL: "http://127.0.0.1:11434/v1/", COACH_PROVIDER: "  " }, folderWithConfig());
    expect(config.baseUrl).toBe("http://127.0.0.1:11434/v1");
    expect(config.provider).toBe("local");
  });

  it("resolves a relative store in a config file against the config file's folder", () => {
    const folder = folderWithConfig({ store: "store-here" });
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), "coach-cwd-"));
    const config = loadConfig({ config: path.join(folder, "coach.config.json") }, {}, elsewhere);
    expect(config.store).toBe(path.join(folder, "store-here"));
    // Flags and variables are typed where the command runs, so they stay relative to it.
    expect(loadConfig({ config: path.join(folder, "coach.config.json"), store: "flag-store" }, {}, elsewhere).store).toBe(path.join(elsewhere, "flag-store"));
    expect(loadConfig({}, { COACH_CONFIG: path.join(folder, "coach.config.json"), COACH_HOME: "env-store" }, elsewhere).store).toBe(path.join(elsewhere, "env-store"));
  });

  it("refuses an empty flag and a store that is a file, naming the flag and the variable", () => {
    const cwd = folderWithConfig();
    for (const flag of ["store", "provider", "config", "baseUrl"] as const) {
      expect(() => loadConfig({ [flag]: "  " }, {}, cwd), flag).toThrow(expect.objectContaining({ code: "USAGE" }));
    }
    expect(() => loadConfig({ store: "" }, {}, cwd)).toThrow(/^--store: /);
    writeFileSync(path.join(cwd, "a-file"), "x");
    expect(() => loadConfig({ store: "a-file" }, {}, cwd)).toThrow(expect.objectContaining({ code: "CONFIG_INVALID", message: expect.stringMatching(/^--store \(COACH_HOME\): .*a-file is a file, not a folder/) }));
    expect(() => loadConfig({}, { COACH_HOME: "a-file/store" }, cwd)).toThrow(/a-file is a file, not a folder/);
    mkdirSync(path.join(cwd, "a-folder"));
    expect(loadConfig({ store: "a-folder" }, {}, cwd).store).toBe(path.join(cwd, "a-folder"));
  });
});
