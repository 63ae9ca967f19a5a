import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
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

const { chat, embedder } = openaiTestProvider(() => llm, { COACH_MAX_RETRIES: "2", COACH_TIMEOUT_MS: "1500" });

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
    await expect((await embedder({ COACH_MAX_RETRIES: "0" })).embed(["hello"])).rejects.toMatchObject({
      code: "PROVIDER_BAD_RESPONSE",
      // Said in words a user can act on, not as the parser's "Unexpected end of JSON input".
      message: expect.stringMatching(/the provider's answer was not JSON; check that OPENAI_BASE_URL is an OpenAI-compatible API/),
    });
  });
});

describe("OpenAI-compatible embeddings replies are checked", () => {
  const reply = (data: unknown) => ({ kind: "status" as const, status: 200, body: JSON.stringify({ object: "list", data }) });
  const vector = (length: number, value = 0.5) => Array.from({ length }, () => value);

  it("a reply that cannot be used is PROVIDER_BAD_RESPONSE saying what was wrong", async () => {
    const cases: Array<[ReturnType<typeof reply> | { kind: "status"; status: number; body: string }, RegExp]> = [
      [reply([{ index: 0, embedding: vector(16) }]), /1 vector for 2 texts/],
      [reply([{ index: 0, embedding: vector(16) }, { index: 0, embedding: vector(16) }]), /do not match the texts one to one/],
      [reply([{ index: 0, embedding: vector(16) }, { index: 1, embedding: vector(2) }]), /vectors of different lengths \(16 and 2\)/],
      [reply([{ index: 0, embedding: [] }, { index: 1, embedding: [] }]), /empty vectors/],
      [reply([{ index: 0, embedding: [0.5, null] }, { index: 1, embedding: [0.5, 0.5] }]), /not a finite number \(text 1, value 2\)/],
      // 1e999 is valid JSON that reads as Infinity.
      [{ kind: "status", status: 200, body: '{"data": [{"index": 0, "embedding": [0.5, 1e999]}, {"index": 1, "embedding": [0.5, 0.5]}]}' }, /not a finite number/],
      [reply("nothing"), /could not be read/],
    ];
    for (const [fault, message] of cases) {
      llm.fault("embeddings", fault);
      const failed = (await embedder({ COACH_MAX_RETRIES: "0" })).embed(["first", "second"]);
      await expect(failed).rejects.toMatchObject({ code: "PROVIDER_BAD_RESPONSE" });
      await expect(failed).rejects.toThrow(message);
    }
  });

  it("vectors of another size than the earlier replies are PROVIDER_BAD_RESPONSE, not vectors", async () => {
    const openai = await embedder();
    expect(openai.dimensions).toBeUndefined();
    expect(await openai.embed(["hello"])).toEqual([TestLlmServerVector("hello")]);
    expect(openai.dimensions).toBe(16);
    llm.fault("embeddings", { kind: "dimensions", dimensions: 2 });
    await expect(openai.embed(["again"])).rejects.toMatchObject({
      code: "PROVIDER_BAD_RESPONSE",
      message: expect.stringMatching(/embeddings \(text-embedding-3-small\): the provider returned 2-dimension vectors where its earlier replies had 16/),
    });
    expect(openai.dimensions).toBe(16);
  });

  it("COACH_EMBED_DIMENSIONS asks for that size and refuses any other", async () => {
    const openai = await embedder({ COACH_EMBED_DIMENSIONS: "8" });
    expect(openai.dimensions).toBe(8);
    const [first] = await openai.embed(["hello"]);
    expect(first).toHaveLength(8);
    expect(llm.requestsTo("embeddings")[0]!.body.dimensions).toBe(8);
    llm.fault("embeddings", { kind: "dimensions", dimensions: 4 });
    await expect((await embedder({ COACH_EMBED_DIMENSIONS: "8" })).embed(["hello"])).rejects.toMatchObject({
      code: "PROVIDER_BAD_RESPONSE",
      message: expect.stringMatching(/returned 4-dimension vectors where 8 were asked for \(COACH_EMBED_DIMENSIONS\)/),
    });
    expect(() => loadConfig({ provider: "openai" }, { COACH_EMBED_DIMENSIONS: "0" })).toThrow(/COACH_EMBED_DIMENSIONS/);
  });

  it("names the server and the asked size in what makes its vectors comparable", async () => {
    const [plain, again, sized, elsewhere] = await Promise.all([
      embedder(),
      embedder(),
      embedder({ COACH_EMBED_DIMENSIONS: "8" }),
      embedder({ OPENAI_BASE_URL: "http://127.0.0.1:1/v1" }),
    ]);
    expect(plain.id).toBe("openai:text-embedding-3-small");
    expect(plain.fingerprint).toBe(again.fingerprint);
    expect(new Set([plain.fingerprint, sized.fingerprint, elsewhere.fingerprint]).size).toBe(3);
    // The address itself (which may carry credentials) is hashed, not spelled out.
    expect(plain.fingerprint).not.toContain("127.0.0.1");
  });
});

describe("OpenAI-compatible chat against the test LLM server", () => {
  it("completes with scripted text and sends the configured model", async () => {
    llm.reply({ content: "Lead with the result." });
    const response = await (await chat({ COACH_CHAT_MODEL: "test-chat" })).complete({ messages: [{ role: "user", content: "hi" }] });
    expect(response.content).toBe("Lead with the result.");
    expect(llm.requestsTo("chat")[0]!.body.model).toBe("test-chat");
  });

  it("masks the API key where the server's error quotes it, whatever its shape", async () => {
    const key = "local-secret-token-4242";
    const refused = { kind: "status" as const, status: 400, body: JSON.stringify({ error: { message: `Invalid key ${key}; also tried sk-proj-abcdefgh12345678 and Bearer eyJhbGciOiJIUzI1NiJ9.payload`, type: "invalid_request_error" } }) };
    // A 400 to the streamed request is asked again whole (the server may refuse only streaming); this server refuses both.
    llm.fault("chat", refused, refused);
    const failure = await (await chat({ OPENAI_API_KEY: key, COACH_MAX_RETRIES: "0" })).complete({ messages: [{ role: "user", content: "hi" }] }).catch((error: Error) => error);
    expect(failure).toMatchObject({ code: "PROVIDER_ERROR" });
    const message = (failure as Error).message;
    expect(message).toContain("the provider answered HTTP 400: Invalid key ***; also tried sk-*** and Bearer ***");
    expect(message).not.toContain(key);
    expect(message).not.toContain("abcdefgh12345678");
    expect(llm.requestsTo("chat").map((request) => Boolean(request.body.stream))).toEqual([true, false]);
  });

  it("leaves the words after \"Bearer\" alone when they are no token, and keeps to the first line", async () => {
    const refused = {
      kind: "status" as const,
      status: 400,
      body: JSON.stringify({ error: { message: "Missing bearer token: send it in an Authorization header using Bearer auth, or as Bearer\nsecond line", type: "invalid_request_error" } }),
    };
    llm.fault("chat", refused, refused);
    const failure = await (await chat({ OPENAI_API_KEY: "local-secret-token-4242", COACH_MAX_RETRIES: "0" })).complete({ messages: [{ role: "user", content: "hi" }] }).catch((error: Error) => error);
    expect((failure as Error).message).toContain("HTTP 400: Missing bearer token: send it in an Authorization header using Bearer auth, or as Bearer.");
  });

  it("says the status once when the server's own text opens with it too (Go servers' \"404 page not found\")", async () => {
    llm.fault("chat", { kind: "status", status: 404, body: "404 page not found" });
    const failure = await (await chat({ COACH_MAX_RETRIES: "0" })).complete({ messages: [{ role: "user", content: "hi" }] }).catch((error: Error) => error);
    expect((failure as Error).message).toBe("chat (gpt-4o-mini): the provider answered HTTP 404: page not found.");
  });

  it("leaves a short placeholder key alone rather than blanking its letters out of the message", async () => {
    llm.fault("embeddings", { kind: "status", status: 400, body: JSON.stringify({ error: { message: "model not found", type: "invalid_request_error" } }) });
    await expect((await embedder({ OPENAI_API_KEY: "o", COACH_MAX_RETRIES: "0" })).embed(["hello"])).rejects.toMatchObject({ message: expect.stringContaining("HTTP 400: model not found") });
  });

  it("streams tokens in order and returns the whole text", async () => {
    llm.reply({ content: "one two three four" });
    const deltas: string[] = [];
    const response = await (await chat()).stream({ messages: [{ role: "user", content: "count" }] }, (delta) => deltas.push(delta));
    expect(deltas.length).toBeGreaterThan(2);
    expect(deltas.join("")).toBe("one two three four");
    expect(response.content).toBe("one two three four");
  });

  it("leaves out a reasoning model's <think> block, streamed or not, and never shows it", async () => {
    const reply = "<think>\nThe user wants it short. Lead with the outcome.\n</think>\n\nLead with the result.";
    llm.reply({ content: reply });
    expect((await (await chat()).complete({ messages: [{ role: "user", content: "hi" }] })).content).toBe("Lead with the result.");
    llm.reply({ content: reply });
    const deltas: string[] = [];
    const streamed = await (await chat()).stream({ messages: [{ role: "user", content: "hi" }] }, (delta) => deltas.push(delta));
    expect(streamed.content).toBe("Lead with the result.");
    expect(deltas.join("")).toBe("Lead with the result.");
    // A reply that only looks like it might open one is shown whole once it does not.
    llm.reply({ content: "<table> is not a think block" });
    const table: string[] = [];
    expect((await (await chat()).stream({ messages: [{ role: "user", content: "hi" }] }, (delta) => table.push(delta))).content).toBe("<table> is not a think block");
    expect(table.join("")).toBe("<table> is not a think block");
  });

  it("once a model has ended its reasoning on a lone </think> (the opening tag was in the prompt), holds its later streams back until the tag, and never loses a reply that has none", async () => {
    const model = await chat();
    const ask = async (content: string) => {
      llm.reply({ content });
      const deltas: string[] = [];
      const response = await model.stream({ messages: [{ role: "user", content: "hi" }] }, (delta) => deltas.push(delta));
      return { shown: deltas.join(""), content: response.content };
    };
    // The first such reply can only be told apart once whole: its answer is right, what was shown is not.
    expect((await ask("The user wants it short.\n</think>\n\nLead with the result.")).content).toBe("Lead with the result.");
    expect(await ask("Again, keep it short.\n</think>\n\nSay what you did.")).toEqual({ shown: "Say what you did.", content: "Say what you did." });
    // A later reply with no tag at all is shown whole when it ends.
    expect(await ask("Plain answer, no reasoning.")).toEqual({ shown: "Plain answer, no reasoning.", content: "Plain answer, no reasoning." });
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

  it("a stream that stalls part-way is PROVIDER_TIMEOUT once COACH_TIMEOUT_MS passes without a chunk", async () => {
    llm.reply({ content: "this answer will stop in the middle and never finish" });
    llm.fault("chat", { kind: "stall-stream", afterChunks: 3 });
    const deltas: string[] = [];
    const started = Date.now();
    await expect((await chat({ COACH_MAX_RETRIES: "0", COACH_TIMEOUT_MS: "400" })).stream({ messages: [{ role: "user", content: "x" }] }, (delta) => deltas.push(delta))).rejects.toMatchObject({
      code: "PROVIDER_TIMEOUT",
      message: expect.stringMatching(/sent nothing for 400 ms/),
    });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(deltas.join("")).toBe("this answer ");
    llm.reply({ content: "late but within the timeout" });
    llm.fault("chat", { kind: "latency", ms: 300 });
    expect((await (await chat({ COACH_MAX_RETRIES: "0", COACH_TIMEOUT_MS: "400" })).stream({ messages: [{ role: "user", content: "x" }] }, () => undefined)).content).toBe("late but within the timeout");
  }, 10_000);

  it("a stream chunk that is not JSON is PROVIDER_BAD_RESPONSE saying so", async () => {
    llm.reply({ content: "this answer will turn into garbage" });
    llm.fault("chat", { kind: "bad-chunk", afterChunks: 3 });
    await expect((await chat({ COACH_MAX_RETRIES: "0" })).stream({ messages: [{ role: "user", content: "x" }] }, () => undefined)).rejects.toMatchObject({
      code: "PROVIDER_BAD_RESPONSE",
      message: expect.stringMatching(/stream was not JSON \(after 12 characters\)/),
    });
  });

  it("a reply whose body stalls after the headers is PROVIDER_TIMEOUT after COACH_TIMEOUT_MS, not a wait forever", async () => {
    llm.fault("chat", { kind: "stall-body" });
    const started = Date.now();
    await expect((await chat({ COACH_MAX_RETRIES: "0", COACH_TIMEOUT_MS: "400" })).complete({ messages: [{ role: "user", content: "x" }] })).rejects.toMatchObject({
      code: "PROVIDER_TIMEOUT",
      message: expect.stringMatching(/sent nothing for 400 ms/),
    });
    expect(Date.now() - started).toBeLessThan(3000);
  }, 10_000);

  it("an embeddings reply whose body stalls after the headers is PROVIDER_TIMEOUT after COACH_TIMEOUT_MS, not a wait forever", async () => {
    llm.fault("embeddings", { kind: "stall-body" });
    const started = Date.now();
    await expect((await embedder({ COACH_MAX_RETRIES: "0", COACH_TIMEOUT_MS: "400" })).embed(["Tell me about a time you failed"])).rejects.toMatchObject({
      code: "PROVIDER_TIMEOUT",
      message: expect.stringMatching(/sent nothing for 400 ms/),
    });
    expect(Date.now() - started).toBeLessThan(3000);
  }, 10_000);

  it("a stream cancelled by the caller is PROVIDER_TIMEOUT, not a finished answer", async () => {
    llm.reply({ content: "this answer will stop in the middle and never finish" });
    llm.fault("chat", { kind: "stall-stream", afterChunks: 3 });
    const controller = new AbortController();
    const stream = (await chat({ COACH_MAX_RETRIES: "0" })).stream({ messages: [{ role: "user", content: "x" }], signal: controller.signal }, () => controller.abort());
    await expect(stream).rejects.toMatchObject({ code: "PROVIDER_TIMEOUT", message: expect.stringMatching(/cancelled/) });
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
