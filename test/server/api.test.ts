import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEvents, startServe, type RunningServer } from "../support/serve.js";
import { SAMPLE_BANK, runCoach } from "../support/run-coach.js";
import { startTestLlmServer } from "../support/test-llm-server.js";
import { CoverageResponseSchema, CritiqueResponseSchema, MatchApiResponseSchema, MatchResponseSchema, StoriesResponseSchema } from "../../src/server/api-response-schemas.js";

/** A response body as JSON (any: the tests check its shape). */
async function json(response: Response | Promise<Response>): Promise<any> {
  return (await response).json();
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });

describe("the HTTP API on a real loopback server", () => {
  let server: RunningServer;
  const store = mkdtempSync(path.join(os.tmpdir(), "coach-api-"));
  beforeAll(async () => {
    server = await startServe(["--store", store]);
  });
  afterAll(async () => server.stop());

  it("answers health, stories, match and critique with contract-shaped bodies, and sends no CORS headers", async () => {
    const health = await fetch(`${server.url}/api/health`);
    expect(await json(health)).toEqual({ ok: true, provider: "local", stories: 33 });
    expect(health.headers.get("access-control-allow-origin")).toBeNull();
    const stories = StoriesResponseSchema.parse(await json(fetch(`${server.url}/api/stories`)));
    expect(stories.stories).toHaveLength(33);
    const match = MatchResponseSchema.parse(await json(post(`${server.url}/api/match`, { question: "Tell me about a time you failed", k: 2 })));
    expect(match.matches).toHaveLength(2);
    const critique = CritiqueResponseSchema.parse(await json(post(`${server.url}/api/critique`, { question: "Tell me about a fix.", answer: "I patched the parser and the report has not failed since." })));
    expect(critique.star.action.present).toBe(true);
    expect(critique.llm).toBeNull();
    const blank = await post(`${server.url}/api/critique`, { question: "Tell me about a fix.", answer: "   " });
    expect(blank.status).toBe(400);
    // The HTTP client is told what is wrong, not which command-line flag to use.
    expect((await json(blank)).error).toEqual({ code: "INVALID_BODY", message: "answer: the answer is empty; send the answer's text" });
    expect(CoverageResponseSchema.parse(await json(fetch(`${server.url}/api/coverage`))).coverage).toHaveLength(16);
  });

  it("rejects malformed JSON, wrong types and oversized bodies with the contract's error body", async () => {
    const malformed = await post(`${server.url}/api/match`, "{not json");
    expect(malformed.status).toBe(400);
    expect((await json(malformed)).error.code).toBe("INVALID_JSON");
    const wrong = await post(`${server.url}/api/match`, { question: 42 });
    expect(wrong.status).toBe(400);
    expect(await json(wrong)).toEqual({ error: { code: "INVALID_BODY", message: expect.stringMatching(/^question:/) } });
    const huge = await post(`${server.url}/api/match`, { question: "x".repeat(7 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect((await json(huge)).error.code).toBe("BODY_TOO_LARGE");
    const missing = await fetch(`${server.url}/api/sessions/s-nosuchsession`);
    expect(missing.status).toBe(404);
    expect((await json(missing)).error.code).toBe("SESSION_NOT_FOUND");
  });

  it("streams chat as server-sent events, keeping concurrent sessions apart", async () => {
    const [first, second] = await Promise.all([
      post(`${server.url}/api/chat`, { message: "interview me on Frugality" }),
      post(`${server.url}/api/chat`, { message: "Which story for: tell me about a time you failed?" }),
    ]);
    expect(first.headers.get("content-type")).toMatch(/text\/event-stream/);
    const [a, b] = await Promise.all([readEvents(first), readEvents(second)]);
    expect(a[0]!.event).toBe("session");
    expect(b[0]!.event).toBe("session");
    expect(a[0]!.data.sessionId).not.toBe(b[0]!.data.sessionId);
    expect(a.at(-1)!.event).toBe("done");
    expect(a.filter((event) => event.event === "token").map((event) => event.data.text).join("")).toMatch(/Mock interview on Frugality/);
    expect(b.find((event) => event.event === "card")!.data.type).toBe("matches");
    const transcript = await json(fetch(`${server.url}/api/sessions/${a[0]!.data.sessionId}`));
    expect(transcript.messages.map((message: any) => message.role)).toEqual(["user", "coach"]);
    const exported = await fetch(`${server.url}/api/sessions/${a[0]!.data.sessionId}/export`);
    expect(exported.headers.get("content-type")).toMatch(/text\/markdown/);
    expect(await exported.text()).toMatch(/\*\*You:\*\* interview me on Frugality/);
  });

  it("answers messages sent at once to one session in turn, keeping every exchange", async () => {
    const first = await readEvents(await post(`${server.url}/api/chat`, { message: "help" }));
    const sessionId = first[0]!.data.sessionId;
    const questions = ["Which story for: tell me about a time you failed?", "Which story for: describe a conflict with a peer?", "Which story for: tell me about saving money?"];
    const streams = await Promise.all(questions.map((message) => post(`${server.url}/api/chat`, { sessionId, message })));
    for (const events of await Promise.all(streams.map(readEvents))) expect(events.at(-1)!.event).toBe("done");
    const transcript = await json(fetch(`${server.url}/api/sessions/${sessionId}`));
    expect(transcript.messages).toHaveLength(8);
    expect(transcript.messages.filter((message: any) => message.role === "user").map((message: any) => message.text).sort()).toEqual(["help", ...questions].sort());
  });

  it("critiques the answer sent on its own after an empty 'critique:', in the same session", async () => {
    const answer = "I rewrote the paging rules and cut false pages by 60%.";
    const asked = await readEvents(await post(`${server.url}/api/chat`, { message: "critique:" }));
    const sessionId = asked[0]!.data.sessionId;
    expect(asked.filter((event) => event.event === "card")).toEqual([]);
    const events = await readEvents(await post(`${server.url}/api/chat`, { sessionId, message: answer }));
    expect(events.map((event) => event.event)).toEqual(expect.arrayContaining(["session", "card", "done"]));
    const cards = events.filter((event) => event.event === "card").map((event) => event.data);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ type: "critique", question: "Tell me about a time you made a difference at work.", data: { words: 11 } });
    const transcript = await json(fetch(`${server.url}/api/sessions/${sessionId}`));
    expect(transcript.messages.map((message: { text: string }) => message.text)[2]).toBe(answer);
  });

  it("a session it announces exists, even when its first message is refused; a refused message changes nothing", async () => {
    const refused = await readEvents(await post(`${server.url}/api/chat`, { message: `critique: ${"a ".repeat(5001)}` }));
    expect(refused.map((event) => event.event)).toEqual(["session", "error"]);
    expect(refused[1]!.data.code).toBe("INPUT_TOO_LARGE");
    const sessionId = refused[0]!.data.sessionId;
    expect(await json(fetch(`${server.url}/api/sessions/${sessionId}`))).toMatchObject({ id: sessionId, messages: [] });
    const next = await readEvents(await post(`${server.url}/api/chat`, { sessionId, message: "help" }));
    expect(next.at(-1)!.event).toBe("done");
    const again = await readEvents(await post(`${server.url}/api/chat`, { sessionId, message: `critique: ${"a ".repeat(5001)}` }));
    expect(again.at(-1)!.event).toBe("error");
    const transcript = await json(fetch(`${server.url}/api/sessions/${sessionId}`));
    expect(transcript.messages.map((message: { role: string }) => message.role)).toEqual(["user", "coach"]);
  });

  it("takes an answer of any length the critique takes (3,500 words, 30,000 characters), and refuses one over 5,000 words as the terminal does", async () => {
    // 10 words and 86 characters a sentence.
    const sentence = "I rewrote the nightly reconciliation pipeline, cutting processing time substantially. ";
    const long = await readEvents(await post(`${server.url}/api/chat`, { message: `critique: ${sentence.repeat(350)}` }));
    expect(long.map((event) => event.event)).toEqual(expect.arrayContaining(["session", "card", "done"]));
    expect(long.find((event) => event.event === "card")!.data).toMatchObject({ type: "critique", data: { words: 3500 } });
    const tooLong = await readEvents(await post(`${server.url}/api/chat`, { message: `critique: ${sentence.repeat(520)}` }));
    expect(tooLong.map((event) => event.event)).toEqual(["session", "error"]);
    expect(tooLong[1]!.data.code).toBe("INPUT_TOO_LARGE");
  });

  it("a known route asked with the wrong method answers 405 with Allow; an unknown route 404", async () => {
    const wrong = await fetch(`${server.url}/api/match`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
    expect((await json(wrong)).error.code).toBe("METHOD_NOT_ALLOWED");
    expect((await fetch(`${server.url}/api/banks`, { method: "PUT" })).headers.get("allow")).toBe("GET, POST");
    expect((await fetch(`${server.url}/api/nope`)).status).toBe(404);
  });

  it("publishes an OpenAPI document generated from the request schemas", async () => {
    const document = await json(fetch(`${server.url}/api/openapi.json`));
    expect(document.openapi).toMatch(/^3\./);
    const schema = document.paths["/api/match"].post.requestBody.content["application/json"].schema;
    expect(schema.required).toEqual(["question"]);
    expect(schema.properties.k.maximum).toBe(50);
    // Every answer body is described too, from the schemas the tests above check real responses against.
    const matchResponse = document.paths["/api/match"].post.responses["200"].content["application/json"].schema;
    expect(matchResponse.required).toEqual(["question", "principles", "competencies", "matches", "notices"]);
    expect(matchResponse.properties.matches.items.properties.leadWith.enum).toEqual(["situation", "task", "action", "result"]);
    for (const [route, methods] of Object.entries(document.paths) as Array<[string, Record<string, any>]>) {
      for (const [method, operation] of Object.entries(methods)) expect(Object.keys(operation.responses["200"].content ?? {}), `${method} ${route}`).not.toEqual([]);
    }
  });
});

describe("tokens, hosts and restarts", () => {
  it("requires the bearer token when COACH_TOKEN is set", async () => {
    const server = await startServe(["--store", mkdtempSync(path.join(os.tmpdir(), "coach-token-"))], { COACH_TOKEN: "secret-token" });
    try {
      const without = await fetch(`${server.url}/api/health`);
      expect(without.status).toBe(401);
      expect((await json(without)).error.code).toBe("UNAUTHORIZED");
      const withToken = await fetch(`${server.url}/api/health`, { headers: { authorization: "Bearer secret-token" } });
      expect(withToken.status).toBe(200);
      // The scheme is case-insensitive (RFC 7235); the token is not.
      for (const authorization of ["bearer secret-token", "BEARER  secret-token"]) expect((await fetch(`${server.url}/api/health`, { headers: { authorization } })).status, authorization).toBe(200);
      for (const authorization of ["Bearer Secret-token", "Bearer secret-token2", "Basic secret-token", "secret-token"]) expect((await fetch(`${server.url}/api/health`, { headers: { authorization } })).status, authorization).toBe(401);
    } finally {
      await server.stop();
    }
  });

  it("refuses to start with a COACH_TOKEN no Authorization header can carry (a space, a character outside visible ASCII)", async () => {
    // Blank, or padded with spaces: refused too, never taken for no token or trimmed into another one.
    for (const token of ["my secret", "tab\tinside", "t\u00f6ken", "\u0442\u043e\u043a\u0435\u043d", " ", " \t", " tok-123 "]) {
      const run = await runCoach(["serve", "--port", "0", "--store", mkdtempSync(path.join(os.tmpdir(), "coach-badtoken-"))], { env: { COACH_TOKEN: token }, timeoutMs: 10_000 });
      expect(run.code, JSON.stringify(token)).toBe(2);
      expect(run.stderr).toMatch(/COACH_TOKEN/);
      expect(run.stderr).toMatch(/visible ASCII/);
      expect(run.stderr).not.toMatch(/serving \d+ stories/);
      // The message says what is wrong, never the secret itself.
      if (token.trim()) expect(run.stderr).not.toContain(token.trim());
    }
  }, 60_000);

  it("limits each client's requests a minute and says when to retry", async () => {
    const server = await startServe(["--store", mkdtempSync(path.join(os.tmpdir(), "coach-rate-")), "--rate-limit", "5"]);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await fetch(`${server.url}/api/health`)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      const limited = await fetch(`${server.url}/api/health`);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await json(limited)).error.code).toBe("RATE_LIMITED");
    } finally {
      await server.stop();
    }
  });

  it("refuses a non-loopback host without a token", async () => {
    const run = await runCoach(["serve", "--host", "0.0.0.0", "--port", "0"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--host 0\.0\.0\.0 is reachable from other machines: set COACH_TOKEN/);
  });

  it("a port already in use is PORT_IN_USE (exit 1) naming --port, not an internal error", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const run = await runCoach(["serve", "--port", String(port), "--store", mkdtempSync(path.join(os.tmpdir(), "coach-port-"))]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`--port: port ${port} on 127.0.0.1 is already in use; pick another with --port`);
      expect(run.stderr).not.toMatch(/internal error/);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it("keeps an uploaded bank and a session across a restart", async () => {
    const store = mkdtempSync(path.join(os.tmpdir(), "coach-restart-"));
    const content = readFileSync(path.join(SAMPLE_BANK, "numbered.md"), "utf8");
    let server = await startServe(["--store", store]);
    let sessionId: string;
    try {
      const upload = await post(`${server.url}/api/banks`, { name: "mine", content });
      expect(upload.status).toBe(200);
      expect((await json(upload)).stories).toHaveLength(13);
      expect((await json(fetch(`${server.url}/api/health`))).stories).toBe(13);
      const events = await readEvents(await post(`${server.url}/api/chat`, { message: "interview me on Frugality" }));
      sessionId = events[0]!.data.sessionId;
    } finally {
      await server.stop();
    }
    server = await startServe(["--store", store]);
    try {
      expect((await json(fetch(`${server.url}/api/health`))).stories).toBe(13);
      expect((await json(fetch(`${server.url}/api/banks`))).banks).toEqual([{ name: "mine", kind: "upload", deletable: true, stories: 13 }]);
      const events = await readEvents(await post(`${server.url}/api/chat`, { sessionId, message: "stop" }));
      expect(events[0]!.data.sessionId).toBe(sessionId);
      expect(events.filter((event) => event.event === "token").map((event) => event.data.text).join("")).toMatch(/Interview summary/);
      const transcript = await json(fetch(`${server.url}/api/sessions/${sessionId}`));
      expect(transcript.messages).toHaveLength(4);
      const empty = await post(`${server.url}/api/banks`, { name: "notes", content: "# just notes\n\n- nothing here" });
      expect(empty.status).toBe(400);
      expect((await json(fetch(`${server.url}/api/health`))).stories).toBe(13);
    } finally {
      await server.stop();
    }
  });

  it("a refused upload or deletion changes nothing, and the sample bank gives way to the first upload even after a restart", async () => {
    const store = mkdtempSync(path.join(os.tmpdir(), "coach-banks-"));
    const content = readFileSync(path.join(SAMPLE_BANK, "numbered.md"), "utf8");
    const small = JSON.stringify({ stories: [{ title: "Cut the build time", situation: "Builds took 40 minutes.", action: "I split the test suite across four runners.", result: "Builds took 9 minutes." }] });
    const health = async (url: string) => (await json(fetch(`${url}/api/health`))).stories;
    const banks = async (url: string) => (await json(fetch(`${url}/api/banks`))).banks.map((bank: { name: string; kind: string }) => `${bank.name} (${bank.kind})`);
    let server = await startServe(["--store", store]);
    let sampleStories: number;
    try {
      sampleStories = await health(server.url);
      expect(sampleStories).toBeGreaterThan(13);
      const uploaded = await json(post(`${server.url}/api/banks`, { name: "mine", content }));
      // Clients see the upload's own file name, never where the server keeps it.
      expect(uploaded.stories[0].source.file).toBe("mine.md");
      expect(uploaded.warnings.map((warning: { file: string }) => warning.file)).toContain("mine.md");
      expect(JSON.stringify(uploaded)).not.toContain(store);
      expect(JSON.stringify(await json(fetch(`${server.url}/api/stories`)))).not.toContain("uploads/");
      // Under 5 million characters but over 5 MB as UTF-8 bytes, as the file would be on disk.
      const huge = await post(`${server.url}/api/banks`, { name: "huge", content: `${content}\n\nNotes: ${"é".repeat(2_700_000)}` });
      expect(huge.status).toBe(413);
      expect((await json(huge)).error.code).toBe("INPUT_TOO_LARGE");
      expect(await banks(server.url)).toEqual(["mine (upload)"]);
      expect((await post(`${server.url}/api/banks`, { name: "second", content: small })).status).toBe(200);
      expect(await health(server.url)).toBe(14);
      expect((await fetch(`${server.url}/api/banks/mine`, { method: "DELETE" })).status).toBe(200);
      expect((await fetch(`${server.url}/api/banks/second`, { method: "DELETE" })).status).toBe(200);
      expect(await banks(server.url)).toEqual(["sample-bank (sample)"]);
      expect(await health(server.url)).toBe(sampleStories);
    } finally {
      await server.stop();
    }
    server = await startServe(["--store", store]);
    try {
      expect(await health(server.url)).toBe(sampleStories);
      expect((await post(`${server.url}/api/banks`, { name: "mine", content })).status).toBe(200);
      expect(await health(server.url)).toBe(13);
      expect(await banks(server.url)).toEqual(["mine (upload)"]);
    } finally {
      await server.stop();
    }
  });
});

describe("with a provider configured", () => {
  it("POST /api/match has the provider's model judge the first five stories, and falls back to the offline ranking with a notice", async () => {
    const llm = await startTestLlmServer();
    const store = mkdtempSync(path.join(os.tmpdir(), "coach-judge-"));
    const server = await startServe(["--store", store], { COACH_PROVIDER: "openai", OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: llm.url, COACH_MAX_RETRIES: "0", COACH_CHAT_MODEL: "test-chat" });
    try {
      const question = "Tell me about a time you failed";
      llm.reply({ content: "not JSON" });
      const fallback = await json(post(`${server.url}/api/match`, { question, k: 5 }));
      MatchApiResponseSchema.parse(fallback);
      expect(fallback.judge).toMatchObject({ fallback: true });
      expect(fallback.notices).toContainEqual(expect.stringMatching(/^The model could not judge these stories/));
      const ranking = fallback.matches.map((match: { id: string }) => match.id);
      llm.reply((body: any) => {
        const content: string = body.messages[1].content;
        const shown: Array<{ story: string }> = JSON.parse(content.slice(content.indexOf("{"))).stories;
        return { json: { stories: shown.map(({ story }) => ({ story, fit: story === "S4" ? "strong" : "workable", why: "Fits.", leadWith: "action" })) } };
      });
      const judged = await json(post(`${server.url}/api/match`, { question, k: 2 }));
      MatchApiResponseSchema.parse(judged);
      expect(judged.matches.map((match: { id: string }) => match.id)).toEqual([ranking[3], ranking[0]]);
      expect(judged.judge).toMatchObject({ fallback: false, model: "openai:test-chat" });
      expect(judged.notices).toEqual([]);
    } finally {
      await server.stop();
      await llm.close();
    }
  });

  it("passes on a rate-limited provider's Retry-After with its 503", async () => {
    const llm = await startTestLlmServer();
    const store = mkdtempSync(path.join(os.tmpdir(), "coach-retry-after-"));
    const server = await startServe(["--store", store], { COACH_PROVIDER: "openai", OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: llm.url, COACH_MAX_RETRIES: "0" });
    try {
      llm.fault("embeddings", { kind: "status", status: 429, retryAfterSeconds: 7 });
      const limited = await post(`${server.url}/api/match`, { question: "Tell me about a time you failed" });
      expect(limited.status).toBe(503);
      expect(limited.headers.get("retry-after")).toBe("7");
      expect((await limited.json()).error.code).toBe("PROVIDER_RATE_LIMITED");
      // Any other failure carries no such header.
      llm.fault("embeddings", { kind: "status", status: 500 });
      const failed = await post(`${server.url}/api/match`, { question: "Tell me about a time you failed" });
      expect(failed.status).toBeGreaterThanOrEqual(500);
      expect(failed.headers.get("retry-after")).toBeNull();
    } finally {
      await server.stop();
      await llm.close();
    }
  });

  it("a second message to a new session waits for the first instead of finding no session", async () => {
    const llm = await startTestLlmServer();
    const store = mkdtempSync(path.join(os.tmpdir(), "coach-turns-"));
    const server = await startServe(["--store", store], { COACH_PROVIDER: "openai", OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: llm.url, COACH_MAX_RETRIES: "0" });
    try {
      // The model takes 1.5 s over the first reply, so the second message arrives before the session is first saved.
      llm.fault("chat", { kind: "latency", ms: 1500 });
      llm.reply({ content: "Start with your strongest story." }, { content: "Then practise it aloud." });
      const first = await post(`${server.url}/api/chat`, { message: "How should I prepare?" });
      const reader = first.body!.getReader();
      let head = "";
      while (!/event: session\ndata: (\{.*\})\n/.test(head)) head += new TextDecoder().decode((await reader.read()).value);
      const sessionId = JSON.parse(/event: session\ndata: (\{.*\})\n/.exec(head)![1]!).sessionId;
      const second = await post(`${server.url}/api/chat`, { sessionId, message: "And then?" });
      expect(second.status).toBe(200);
      const events = await readEvents(second);
      expect(events.at(-1)!.event).toBe("done");
      while (!(await reader.read()).done);
      const transcript = await json(fetch(`${server.url}/api/sessions/${sessionId}`));
      expect(transcript.messages.map((message: { text: string }) => message.text)).toEqual(["How should I prepare?", "Start with your strongest story.", "And then?", "Then practise it aloud."]);
    } finally {
      await server.stop();
      await llm.close();
    }
  });

  it("a model stream that stalls part-way times out (COACH_TIMEOUT_MS between chunks), the offline coach answers, and the session's next message is answered", async () => {
    const llm = await startTestLlmServer();
    const store = mkdtempSync(path.join(os.tmpdir(), "coach-stall-"));
    const server = await startServe(["--store", store], { COACH_PROVIDER: "openai", OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: llm.url, COACH_MAX_RETRIES: "0", COACH_TIMEOUT_MS: "1000" });
    try {
      llm.fault("chat", { kind: "stall-stream", afterChunks: 4 });
      llm.reply({ content: "Lead with your result. Then say what you did yourself, and how it ended." }, { content: "Practise it aloud." });
      const started = Date.now();
      const events = await readEvents(await post(`${server.url}/api/chat`, { message: "How should I open my answer?" }));
      expect(Date.now() - started).toBeLessThan(8000);
      expect(events[0]!.event).toBe("session");
      expect(events.at(-1)!.event).toBe("done");
      const sessionId = events[0]!.data.sessionId;
      const next = await readEvents(await post(`${server.url}/api/chat`, { sessionId, message: "And then?" }));
      expect(next.at(-1)!.event).toBe("done");
      expect(next.filter((event) => event.event === "token").map((event) => event.data.text).join("")).toBe("Practise it aloud.");
      expect(server.stderr()).toMatch(/sent nothing for 1000 ms/);
    } finally {
      await server.stop();
      await llm.close();
    }
  }, 20_000);

  it("tells the client when the model fails, withdraws a partly streamed model reply (reset), and shows what it saves", async () => {
    const llm = await startTestLlmServer();
    const store = mkdtempSync(path.join(os.tmpdir(), "coach-notice-"));
    const server = await startServe(["--store", store], { COACH_PROVIDER: "openai", OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: llm.url, COACH_MAX_RETRIES: "0" });
    try {
      llm.reply({ content: "Lead with your result. Then say what you did yourself, and end on the outcome." });
      llm.fault("chat", { kind: "drop-stream", afterChunks: 7 }, { kind: "status", status: 429 });
      const events = await readEvents(await post(`${server.url}/api/chat`, { message: "How should I open my answer?" }));
      const kinds = events.map((event) => event.event);
      expect(kinds[0]).toBe("session");
      expect(kinds.at(-1)).toBe("done");
      expect(kinds.indexOf("reset")).toBeGreaterThan(kinds.indexOf("token"));
      expect(events[kinds.indexOf("reset") + 1]).toMatchObject({ event: "notice", data: { code: "PROVIDER_BAD_RESPONSE" } });
      const shown = events.slice(kinds.lastIndexOf("reset") + 1).filter((event) => event.event === "token").map((event) => event.data.text).join("");
      const sessionId = events[0]!.data.sessionId;
      const transcript = await json(fetch(`${server.url}/api/sessions/${sessionId}`));
      expect(transcript.messages.at(-1).text).toBe(shown);
      expect(shown).not.toContain("Lead with your result.");

      // A model that fails before saying anything: a notice, no reset.
      const refused = await readEvents(await post(`${server.url}/api/chat`, { sessionId, message: "How should I close it?" }));
      expect(refused.map((event) => event.event)).not.toContain("reset");
      expect(refused.find((event) => event.event === "notice")!.data).toEqual({ code: "PROVIDER_RATE_LIMITED", message: "The language model could not answer (PROVIDER_RATE_LIMITED); the offline coach answers instead." });
    } finally {
      await server.stop();
      await llm.close();
    }
  });

  it("the critic takes figures and names from banks uploaded after the server started", async () => {
    const llm = await startTestLlmServer();
    const store = mkdtempSync(path.join(os.tmpdir(), "coach-provider-"));
    const server = await startServe(["--store", store], { COACH_PROVIDER: "openai", OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: llm.url, COACH_MAX_RETRIES: "0" });
    try {
      const bank = "## Rebuilt the Zanzibar billing retries\n\n**Situation:** Card payments failed at night.\n**Action:** I rewrote the retry queue.\n**Result:** Failed payments fell by 87%.\n";
      expect((await post(`${server.url}/api/banks`, { name: "mine", content: bank })).status).toBe(200);
      const coaching = (improvedAnswer: string) => ({
        json: {
          parts: Object.fromEntries(["situation", "task", "action", "result", "lesson"].map((part) => [part, { feedback: "ok" }])),
          strengths: ["first person"],
          improvements: ["say the figure"],
          followUps: ["What did you try first?"],
          improvedAnswer,
        },
      });
      llm.reply(coaching("At Zanzibar I rewrote the retry queue and failed payments fell by 87% within 3 weeks."));
      const critique = await json(post(`${server.url}/api/critique`, { question: "Tell me about a fix you are proud of.", answer: "I rewrote the retry queue for our payments." }));
      expect(critique.llm.fallback).toBe(false);
      // Zanzibar and 87% are in the uploaded bank; the three weeks are in neither the answer nor the bank.
      expect(critique.llm.improvedAnswer).toBe("At Zanzibar I rewrote the retry queue and failed payments fell by 87% within [timeframe].");
    } finally {
      await server.stop();
      await llm.close();
    }
  });
});
