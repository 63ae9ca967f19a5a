import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closedPort } from "../support/closed-port.js";
import { jsonLines, runCoach } from "../support/run-coach.js";
import { startTestLlmServer, type TestLlmServer } from "../support/test-llm-server.js";


describe("coach doctor", () => {
  let llm: TestLlmServer;
  beforeAll(async () => {
    llm = await startTestLlmServer({ apiKey: "sk-test-secret-123" });
  });
  afterAll(async () => llm.close());

  it("offline by default: exit 0, nothing contacted, even with a key in the environment", async () => {
    const run = await runCoach(["doctor"], { env: { OPENAI_API_KEY: "sk-test-secret-123", OPENAI_BASE_URL: llm.url } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^provider\s+local \(default\)/m);
    expect(run.stdout).toMatch(/OPENAI_API_KEY is set but unused/);
    expect(llm.requests).toHaveLength(0);
  });

  it("shows the timeout and retries with where each came from, even while the local provider leaves them unused", async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), "coach-doctor-"));
    writeFileSync(path.join(cwd, "coach.config.json"), JSON.stringify({ maxRetries: 1 }));
    const run = await runCoach(["doctor"], { cwd, env: { COACH_TIMEOUT_MS: "5000" } });
    expect(run.code).toBe(0);
    const rows = run.stdout.split("\n");
    expect(rows).toContain("timeout      5000 ms (COACH_TIMEOUT_MS); used only with a provider");
    expect(rows).toContain(`retries      1 (${path.join(cwd, "coach.config.json")}); used only with a provider`);
    const openai = await runCoach(["doctor", "--provider", "openai"], { env: { OPENAI_API_KEY: "sk-test-secret-123", OPENAI_BASE_URL: llm.url } });
    expect(openai.stdout.split("\n")).toEqual(expect.arrayContaining(["timeout      30000 ms (default)", "retries      2 (default)"]));
    const [line] = jsonLines((await runCoach(["doctor", "--json"], { env: { COACH_MAX_RETRIES: "4" } })).stdout);
    expect(line).toMatchObject({ timeoutMs: 30000, maxRetries: 4, sources: { timeoutMs: "default", maxRetries: "env" } });
  });

  it("shows coach serve's index limit with where it came from", async () => {
    const run = await runCoach(["doctor"], { env: { COACH_INDEX_TIMEOUT_MS: "600000" } });
    expect(run.stdout.split("\n")).toContain("index limit  600000 ms without progress (COACH_INDEX_TIMEOUT_MS); used by coach serve");
    const [line] = jsonLines((await runCoach(["doctor", "--json"])).stdout);
    expect(line).toMatchObject({ indexTimeoutMs: 300000, sources: { indexTimeoutMs: "default" } });
  });

  it("reports the test LLM server reachable, and never prints the key", async () => {
    const run = await runCoach(["doctor"], { env: { COACH_PROVIDER: "openai", OPENAI_API_KEY: "sk-test-secret-123", OPENAI_BASE_URL: llm.url } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^connection\s+ok: reachable at http:\/\/127\.0\.0\.1:\d+\/v1/m);
    expect(run.stdout).toMatch(/^API key\s+set \(OPENAI_API_KEY\)/m);
    expect(run.stdout + run.stderr).not.toContain("sk-test-secret-123");
    expect(llm.requestsTo("models").at(-1)?.headers.authorization).toBe("Bearer sk-test-secret-123");
  });

  it("--json gives one line with the connection result", async () => {
    const run = await runCoach(["doctor", "--provider", "openai", "--json"], { env: { OPENAI_API_KEY: "sk-test-secret-123", OPENAI_BASE_URL: llm.url } });
    expect(run.code).toBe(0);
    const [line] = jsonLines(run.stdout);
    expect(line).toMatchObject({ provider: "openai", apiKey: "set", usable: true, connection: { ok: true, models: expect.arrayContaining(["gpt-4o-mini"]) } });
  });

  it("a closed port: one line saying so, exit 1", async () => {
    const port = await closedPort();
    const run = await runCoach(["doctor", "--provider", "openai"], { env: { OPENAI_API_KEY: "k", OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1` } });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      `coach: provider openai at http://127.0.0.1:${port}/v1 (embeddings text-embedding-3-small, chat gpt-4o-mini)`,
      expect.stringMatching(new RegExp(`^coach: provider unreachable: .*127\\.0\\.0\\.1:${port}.*connection refused`)),
    ]);
  });

  it("a wrong key is reported as refused, exit 1", async () => {
    const run = await runCoach(["doctor", "--provider", "openai"], { env: { OPENAI_API_KEY: "sk-wrong", OPENAI_BASE_URL: llm.url } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/refused the API key \(HTTP 401\)/);
  });

  it("openai chosen with neither key nor base URL says what is missing, exit 1; a bad provider name is a usage error", async () => {
    const missing = await runCoach(["doctor", "--provider", "openai"]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/^missing\s+OPENAI_API_KEY/m);
    const bad = await runCoach(["doctor"], { env: { COACH_PROVIDER: "anthropic" } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/COACH_PROVIDER: unknown provider "anthropic"/);
  });
});

describe("coach doctor against servers set up the way local model servers are", () => {
  it("a model listed with Ollama's :latest tag counts as listed; one really missing is named", async () => {
    const ollama = await startTestLlmServer({ models: ["llama3.1:latest", "nomic-embed-text:latest"] });
    try {
      const env = { OPENAI_BASE_URL: ollama.url, COACH_EMBED_MODEL: "nomic-embed-text" };
      const listed = await runCoach(["doctor", "--provider", "openai"], { env: { ...env, COACH_CHAT_MODEL: "llama3.1" } });
      expect(listed.code).toBe(0);
      expect(listed.stdout).not.toContain("not listed");
      const missing = await runCoach(["doctor", "--provider", "openai"], { env: { ...env, COACH_CHAT_MODEL: "qwen2.5" } });
      expect(missing.stdout).toContain("not listed: qwen2.5 (set COACH_CHAT_MODEL / COACH_EMBED_MODEL)");
    } finally {
      await ollama.close();
    }
  });

  it("a server that does not list models at a base URL without /v1 is reachable, with the advice to add /v1", async () => {
    const server = await startTestLlmServer();
    try {
      server.fault("models", { kind: "status", status: 404, body: "404 page not found" });
      const base = server.url.replace(/\/v1$/, "");
      const run = await runCoach(["doctor", "--provider", "openai"], { env: { OPENAI_BASE_URL: base } });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`(it does not list models; if requests fail with HTTP 404, OPENAI_BASE_URL (or --base-url) usually ends in /v1: try ${base}/v1)`);
    } finally {
      await server.close();
    }
  });
});
