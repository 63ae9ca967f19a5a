import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { ProviderError } from "../../src/errors/index.js";
import { resolveProvider } from "../../src/providers/index.js";
import { missingV1Hint } from "../../src/providers/openai/map-openai-error.js";
import { closedPort } from "../support/closed-port.js";
import { openaiTestProvider } from "../support/openai-test-provider.js";
import { startTestLlmServer, TestLlmServer } from "../support/test-llm-server.js";

let llm: TestLlmServer;
beforeAll(async () => {
  llm = await startTestLlmServer({ dimensions: 16 });
});
afterAll(async () => llm.close());
afterEach(() => {
  llm.requests.length = 0;
});

const { chat, embedder } = openaiTestProvider(() => llm, { COACH_MAX_RETRIES: "0", COACH_TIMEOUT_MS: "1500" });
const hi = { messages: [{ role: "user" as const, content: "hi" }] };


describe("a provider's error names the setting to change (test LLM server)", () => {
  it("a model the server does not have (Ollama's words) names COACH_CHAT_MODEL or COACH_EMBED_MODEL and the model", async () => {
    const missing = JSON.stringify({ error: { message: 'model "qwen2.5" not found, try pulling it first', type: "api_error" } });
    llm.fault("chat", { kind: "status", status: 404, body: missing });
    const failure = await (await chat({ COACH_CHAT_MODEL: "qwen2.5" })).complete(hi).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(ProviderError);
    expect((failure as Error).message).toBe(
      'chat (qwen2.5): the provider answered HTTP 404: model "qwen2.5" not found, try pulling it first; check COACH_CHAT_MODEL (now "qwen2.5"): the server has no model by that name.',
    );
    llm.fault("embeddings", { kind: "status", status: 404, body: missing });
    await expect((await embedder({ COACH_EMBED_MODEL: "nomic-embed-text" })).embed(["hello"])).rejects.toThrow('check COACH_EMBED_MODEL (now "nomic-embed-text")');
  });

  it("a 404 from a base URL without /v1 says to add it, with the address to try; with /v1 it says nothing of the kind", async () => {
    const base = llm.url.replace(/\/v1$/, "");
    llm.fault("embeddings", { kind: "status", status: 404, body: "404 page not found" });
    await expect((await embedder({ OPENAI_BASE_URL: base })).embed(["hello"])).rejects.toThrow(
      `embeddings (text-embedding-3-small): the provider answered HTTP 404: page not found; OPENAI_BASE_URL (or --base-url) usually ends in /v1: try ${base}/v1.`,
    );
    llm.fault("embeddings", { kind: "status", status: 404, body: "404 page not found" });
    const withV1 = await (await embedder()).embed(["hello"]).catch((error: Error) => error);
    expect((withV1 as Error).message).toBe("embeddings (text-embedding-3-small): the provider answered HTTP 404: page not found.");
  });

  it("vLLM's error body (its message at the top level) keeps the server's words", async () => {
    llm.fault("embeddings", { kind: "status", status: 400, body: JSON.stringify({ object: "error", message: "This model's maximum context length is 512 tokens.", type: "BadRequestError", code: 400 }) });
    await expect((await embedder()).embed(["a long story"])).rejects.toThrow("the provider answered HTTP 400: This model's maximum context length is 512 tokens.");
    // Refused streamed and again whole (a refusal of the streamed request alone is asked again without streaming).
    llm.fault("chat", ...Array.from({ length: 2 }, () => ({ kind: "status" as const, status: 422, body: JSON.stringify({ detail: "temperature must be at most 2" }) })));
    await expect((await chat()).complete(hi)).rejects.toThrow("HTTP 422: temperature must be at most 2.");
  });

  it("a timeout names COACH_TIMEOUT_MS and its value; an unreachable server names OPENAI_BASE_URL and the address", async () => {
    llm.fault("chat", { kind: "hang" });
    await expect((await chat({ COACH_TIMEOUT_MS: "300" })).complete(hi)).rejects.toThrow("chat (gpt-4o-mini): the provider did not answer in time (0.3 s); a slow model may need longer: raise COACH_TIMEOUT_MS.");
    const port = await closedPort();
    await expect((await embedder({ OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1` })).embed(["hello"])).rejects.toThrow(
      `embeddings (text-embedding-3-small): cannot reach the provider at http://127.0.0.1:${port}/v1 (connection refused); check OPENAI_BASE_URL (or --base-url) and that the server is running.`,
    );
  });

  it("a 429 without Retry-After gives no wait (not 'retry at once'); with one, its seconds", async () => {
    llm.fault("embeddings", { kind: "status", status: 429 });
    const bare = await (await embedder()).embed(["hello"]).catch((error: ProviderError) => error);
    expect(bare).toMatchObject({ code: "PROVIDER_RATE_LIMITED", retryAfterSeconds: undefined });
    llm.fault("embeddings", { kind: "status", status: 429, retryAfterSeconds: 7 });
    const told = await (await embedder()).embed(["hello"]).catch((error: ProviderError) => error);
    expect(told).toMatchObject({ code: "PROVIDER_RATE_LIMITED", retryAfterSeconds: 7 });
  });
});

describe("a text longer than the embedding model takes (a small model behind vLLM)", () => {
  it("is embedded from its first part, with a notice naming its length and the model; the batch's other texts are embedded whole", async () => {
    const small = await startTestLlmServer({ dimensions: 8, maxInputCharacters: 600 });
    try {
      const notices: string[] = [];
      const config = loadConfig({ provider: "openai" }, { OPENAI_API_KEY: "k", OPENAI_BASE_URL: small.url, COACH_MAX_RETRIES: "0" });
      const embedder = await resolveProvider(config, { onNotice: (message) => notices.push(message) }).createEmbedder();
      const long = `${"We moved the night shift's handover to the ward. ".repeat(40)}`.trim();
      const texts = ["short one", long, "short two"];
      const vectors = await embedder.embed(texts);
      expect(vectors).toHaveLength(3);
      expect(vectors[0]).toEqual(TestLlmServer.embedText("short one", 8));
      expect(vectors[2]).toEqual(TestLlmServer.embedText("short two", 8));
      // The vector is the one for the longest first part the model took: a prefix of at most 600 characters.
      const embedded = small.requestsTo("embeddings").map((request) => request.body.input as string[]).filter((input) => input.length === 1 && long.startsWith(input[0]!) && input[0] !== long).at(-1)![0]!;
      expect(embedded.length).toBeLessThanOrEqual(600);
      expect(embedded.length).toBeGreaterThan(300);
      expect(vectors[1]).toEqual(TestLlmServer.embedText(embedded, 8));
      expect(notices).toEqual([`embeddings (text-embedding-3-small): a text of ${long.length} characters is longer than the model takes; its first ${embedded.length} were embedded (the whole story still counts for word and theme matching).`]);
      expect(notices.join(" ")).not.toContain("night shift");
    } finally {
      await small.close();
    }
  });

  it("another 400 is not taken for a length limit: it fails as before, sent once", async () => {
    llm.fault("embeddings", { kind: "status", status: 400, body: JSON.stringify({ error: { message: "unsupported encoding_format", type: "invalid_request_error" } }) });
    await expect((await embedder()).embed(["a", "b"])).rejects.toThrow("HTTP 400: unsupported encoding_format");
    expect(llm.requestsTo("embeddings")).toHaveLength(1);
  });
});

describe("the /v1 advice for a base URL", () => {
  it.each([
    ["http://localhost:11434", "http://localhost:11434/v1"],
    ["http://localhost:11434/", "http://localhost:11434/v1"],
    ["http://localhost:11434/api", "http://localhost:11434/v1"],
    ["http://h/v1/chat/completions", "http://h/v1"],
    ["http://h/openai?api-key=abc", "http://h/openai/v1?api-key=***"],
  ])("%s: try %s", (base, tried) => {
    expect(missingV1Hint(base)).toBe(`OPENAI_BASE_URL (or --base-url) usually ends in /v1: try ${tried}`);
  });

  it.each(["http://h/v1", "http://h:1/v1/", "http://h/V1", "https://g/v1beta/openai/", "http://h/proxy/v1", "not a url"])("%s: none", (base) => {
    expect(missingV1Hint(base)).toBeUndefined();
  });
});
