import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import type { ChatModel } from "../../src/core/chat-model.js";
import type { Embedder } from "../../src/core/embedder.js";
import { resolveProvider } from "../../src/providers/index.js";
import { startTestLlmServer, TestLlmServer } from "../support/test-llm-server.js";

let llm: TestLlmServer;
beforeAll(async () => {
  llm = await startTestLlmServer({ dimensions: 16 });
});
afterAll(async () => llm.close());
afterEach(() => {
  llm.requests.length = 0;
});

function provider(env: Record<string, string> = {}) {
  return resolveProvider(loadConfig({ provider: "openai" }, { OPENAI_API_KEY: "k", OPENAI_BASE_URL: llm.url, COACH_MAX_RETRIES: "2", COACH_TIMEOUT_MS: "1500", ...env }));
}
const chat = (env?: Record<string, string>): Promise<ChatModel> => provider(env).createChatModel() as Promise<ChatModel>;
const embedder = (env?: Record<string, string>): Promise<Embedder> => provider(env).createEmbedder();

describe("OpenAI-compatible embeddings against the test LLM server", () => {
  it("batches large inputs and keeps order", async () => {
    const texts = Array.from({ length: 150 }, (_, index) => `story number ${index}`);
    const vectors = await (await embedder()).embed(texts);
    expect(vectors).toHaveLength(150);
    expect(llm.requestsTo("embeddings").map((request) => request.body.input.length)).toEqual([64, 64, 22]);
    expect(vectors[149]).toEqual(TestLlmServerVector("story number 149"));
    expect(llm.requestsTo("embeddings")[0]!.body.model).toBe("text-embedding-3-small");
  });

  it("retries a 429 (honouring Retry-After) and a 500, then succeeds", async () => {
    llm.fault("embeddings", { kind: "status", status: 429, retryAfterSeconds: 1 }, { kind: "status", status: 500 });
    const started = Date.now();
    const vectors = await (await embedder()).embed(["hello"]);
    expect(vectors).toHaveLength(1);
    expect(llm.requestsTo("embeddings")).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("gives up with PROVIDER_RATE_LIMITED after the retries", async () => {
    llm.fault("embeddings", ...Array.from({ length: 3 }, () => ({ kind: "status" as const, status: 429, retryAfterSeconds: 0 })));
    await expect((await embedder()).embed(["hello"])).rejects.toMatchObject({ code: "PROVIDER_RATE_LIMITED" });
  });

  it("a hung server becomes PROVIDER_TIMEOUT", async () => {
    llm.fault("embeddings", { kind: "hang" });
    await expect((await embedder({ COACH_MAX_RETRIES: "0", COACH_TIMEOUT_MS: "300" })).embed(["hello"])).rejects.toMatchObject({ code: "PROVIDER_TIMEOUT" });
  });

  it("invalid JSON becomes PROVIDER_BAD_RESPONSE", async () => {
    llm.fault("embeddings", { kind: "invalid-json" });
    await expect((await embedder({ COACH_MAX_RETRIES: "0" })).embed(["hello"])).rejects.toMatchObject({ code: "PROVIDER_BAD_RESPONSE" });
  });
});

describe("OpenAI-compatible chat against the test LLM server", () => {
  it("completes with scripted text and sends the configured model", async () => {
    llm.reply({ content: "Lead with the result." });
    const response = await (await chat({ COACH_CHAT_MODEL: "test-chat" })).complete({ messages: [{ role: "user", content: "hi" }] });
    expect(response.content).toBe("Lead with the result.");
    expect(llm.requestsTo("chat")[0]!.body.model).toBe("test-chat");
  });

  it("streams tokens in order and returns the whole text", async () => {
    llm.reply({ content: "one two three four" });
    const deltas: string[] = [];
    const response = await (await chat()).stream({ messages: [{ role: "user", content: "count" }] }, (delta) => deltas.push(delta));
    expect(deltas.length).toBeGreaterThan(2);
    expect(deltas.join("")).toBe("one two three four");
    expect(response.content).toBe("one two three four");
  });

  it("returns tool calls, streamed or not, with their JSON arguments intact", async () => {
    const call = { name: "find_stories", arguments: { question: "Tell me about a failure", k: 3 } };
    llm.reply({ toolCalls: [call] });
    const tools = [{ name: "find_stories", description: "search", parameters: { type: "object", properties: {} } }];
    const plain = await (await chat()).complete({ messages: [{ role: "user", content: "x" }], tools });
    expect(plain.toolCalls).toEqual([{ id: "call_0", name: "find_stories", arguments: JSON.stringify(call.arguments) }]);
    const streamed = await (await chat()).stream({ messages: [{ role: "user", content: "x" }], tools }, () => undefined);
    expect(JSON.parse(streamed.toolCalls[0]!.arguments)).toEqual(call.arguments);
    expect(llm.requestsTo("chat")[0]!.body.tools[0].function.name).toBe("find_stories");
  });

  it("asks for JSON-schema output and gets the scripted object back", async () => {
    llm.reply({ json: { strengths: ["clear result"], followUps: [] } });
    const response = await (await chat()).complete({
      messages: [{ role: "user", content: "critique" }],
      jsonSchema: { name: "critique", schema: { type: "object", properties: {}, additionalProperties: true } },
    });
    expect(JSON.parse(response.content)).toEqual({ strengths: ["clear result"], followUps: [] });
    expect(llm.requestsTo("chat")[0]!.body.response_format).toMatchObject({ type: "json_schema", json_schema: { name: "critique" } });
  });

  it("a dropped stream is an error, not a silently truncated answer", async () => {
    llm.reply({ content: "this answer will be cut off in the middle" });
    llm.fault("chat", { kind: "drop-stream", afterChunks: 3 });
    await expect((await chat({ COACH_MAX_RETRIES: "0" })).stream({ messages: [{ role: "user", content: "x" }] }, () => undefined)).rejects.toMatchObject({
      code: "PROVIDER_BAD_RESPONSE",
    });
  });

  it("latency within the timeout is fine; a hang past it is PROVIDER_TIMEOUT", async () => {
    llm.reply({ content: "slow but fine" });
    llm.fault("chat", { kind: "latency", ms: 200 });
    expect((await (await chat()).complete({ messages: [{ role: "user", content: "x" }] })).content).toBe("slow but fine");
    llm.fault("chat", { kind: "hang" });
    await expect((await chat({ COACH_MAX_RETRIES: "0", COACH_TIMEOUT_MS: "300" })).complete({ messages: [{ role: "user", content: "x" }] })).rejects.toMatchObject({
      code: "PROVIDER_TIMEOUT",
    });
  });
});

function TestLlmServerVector(text: string): number[] {
  return TestLlmServer.embedText(text, 16);
}
