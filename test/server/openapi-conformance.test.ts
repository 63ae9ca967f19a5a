import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { readEvents, startServe, type RunningServer } from "../support/serve.js";

const TOKEN = "conformance-token-7c1e";
const AUTH = { authorization: `Bearer ${TOKEN}` };

/** The schema the served OpenAPI document gives for an answer of this status (the exact one, else its class, 4XX or 5XX). */
function documented(document: any, route: string, method: string, status: number, type = "application/json"): z.ZodType {
  const responses = document.paths[route]?.[method]?.responses;
  expect(responses, `${method.toUpperCase()} ${route} is in the document`).toBeDefined();
  const response = responses[String(status)] ?? responses[`${String(status)[0]}XX`];
  expect(response, `${method.toUpperCase()} ${route} documents status ${status}`).toBeDefined();
  const schema = response.content?.[type]?.schema;
  expect(schema, `${method.toUpperCase()} ${route} ${status} documents ${type}`).toBeDefined();
  return z.fromJSONSchema(schema);
}

describe("real answers validate against the served OpenAPI document", () => {
  let server: RunningServer;
  let document: any;
  beforeAll(async () => {
    server = await startServe(["--store", mkdtempSync(path.join(os.tmpdir(), "coach-openapi-"))], { COACH_TOKEN: TOKEN });
    document = await (await fetch(`${server.url}/api/openapi.json`, { headers: AUTH })).json();
  });
  afterAll(async () => server.stop());

  /** Sends a request and checks its answer against the document: the body's schema, and the contract's error body for 4xx/5xx. */
  async function exchange(method: string, url: string, route: string, body?: unknown, headers: Record<string, string> = AUTH): Promise<{ status: number; body: any }> {
    const response = await fetch(`${server.url}${url}`, {
      method: method.toUpperCase(),
      headers: body === undefined ? headers : { ...headers, "content-type": "application/json" },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    expect(response.headers.get("content-type"), `${method} ${url}`).toMatch(/^application\/json/);
    const parsed = await response.json();
    const result = documented(document, route, method, response.status).safeParse(parsed);
    expect(result.success, `${method.toUpperCase()} ${url} ${response.status}: ${JSON.stringify(result.error?.issues.slice(0, 2))}`).toBe(true);
    if (response.status >= 400) {
      expect(Object.keys(parsed), `${method} ${url}`).toEqual(["error"]);
      expect(Object.keys(parsed.error).sort()).toEqual(["code", "message"]);
    }
    return { status: response.status, body: parsed };
  }

  it("every endpoint's success and error answers, including the 401 of every /api route without the token", async () => {
    expect((await exchange("get", "/api/health", "/api/health")).body).toMatchObject({ ok: true, provider: "local", stories: 33 });
    await exchange("get", "/api/settings", "/api/settings");
    await exchange("get", "/api/stories", "/api/stories");
    await exchange("get", "/api/coverage", "/api/coverage");
    const bank = "## Fixed the flaky build\n**Situation:** CI failed one run in five.\n**Action:** I traced the race in the cache step and fixed it.\n**Result:** No failure in three months.\n\n## Pointer\nSee Q99\n";
    const uploaded = await exchange("post", "/api/banks", "/api/banks", { name: "mine", content: bank });
    expect(uploaded.body.stories.map((story: { id: string }) => story.id)).toEqual(["mine-fixed-the-flaky-build"]);
    expect(uploaded.body.warnings.map((warning: { code: string }) => warning.code)).toEqual(["POINTER_UNRESOLVED"]);
    await exchange("get", "/api/banks", "/api/banks");
    await exchange("post", "/api/match", "/api/match", { question: "Tell me about a time you fixed something", k: 2 });
    await exchange("post", "/api/plan", "/api/plan", { questions: ["Tell me about a failure", "Tell me about saving money"] });
    await exchange("post", "/api/critique", "/api/critique", { question: "Tell me about a failure", answer: "I shipped a bug that broke checkout for an hour. I rolled back and added a test; no repeat in 6 months." });
    expect((await exchange("delete", "/api/banks/mine", "/api/banks/{name}")).body).toEqual({ removed: "mine" });
    expect((await exchange("delete", "/api/banks/mine", "/api/banks/{name}")).status).toBe(404);
    expect((await exchange("post", "/api/match", "/api/match", "{not json")).status).toBe(400);
    expect((await exchange("post", "/api/match", "/api/match", { question: 5 })).status).toBe(400);
    expect((await exchange("post", "/api/critique", "/api/critique", { question: "q" })).status).toBe(400);
    expect((await exchange("post", "/api/banks", "/api/banks", { name: "x", content: "y", format: "yaml" })).status).toBe(400);
    expect((await exchange("get", "/api/sessions/s-nosuchsession", "/api/sessions/{id}")).status).toBe(404);
    expect((await exchange("get", "/api/sessions/s-nosuchsession/export", "/api/sessions/{id}/export")).status).toBe(404);
    for (const [method, url, route] of [
      ["get", "/api/openapi.json", "/api/openapi.json"],
      ["get", "/api/health", "/api/health"],
      ["post", "/api/match", "/api/match"],
      ["get", "/api/sessions/s-abcd", "/api/sessions/{id}"],
    ] as const) {
      expect((await exchange(method, url, route, method === "post" ? { question: "q" } : undefined, {})).status, `${method} ${url}`).toBe(401);
    }
  });

  it("a 401 names the Bearer scheme in WWW-Authenticate, and says whether a token was sent", async () => {
    const none = await fetch(`${server.url}/api/health`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="coach"');
    const wrong = await fetch(`${server.url}/api/health`, { headers: { authorization: "Bearer not-the-token" } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toBe('Bearer realm="coach", error="invalid_token"');
    expect((await wrong.json()).error).toEqual({ code: "UNAUTHORIZED", message: "the Authorization header does not carry this server's token; send Authorization: Bearer <COACH_TOKEN>." });
  });

  it("chat events validate against the document's event schemas, session first; the transcript and its export too", async () => {
    const events = documentedEvents();
    const chat = (body: unknown) => fetch(`${server.url}/api/chat`, { method: "POST", headers: { ...AUTH, "content-type": "application/json" }, body: JSON.stringify(body) });
    const first = await chat({ message: "Which story for: tell me about a time you failed?" });
    expect(first.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const turn = await readEvents(first);
    const sessionId = turn[0]!.data.sessionId;
    const later = await readEvents(await chat({ sessionId, message: "critique: I fixed the build. It failed 20% of runs; I found the race and fixed it; failures went to zero." }));
    const refused = await readEvents(await chat({ sessionId, message: `critique: ${"a ".repeat(5001)}` }));
    for (const stream of [turn, later, refused]) {
      expect(stream[0]!.event).toBe("session");
      expect(["done", "error"]).toContain(stream.at(-1)!.event);
      for (const { event, data } of stream) {
        expect(events[event], `event ${event} is documented`).toBeDefined();
        const result = events[event]!.safeParse(data);
        expect(result.success, `${event}: ${JSON.stringify(result.error?.issues.slice(0, 2))}`).toBe(true);
      }
    }
    expect(turn.filter((event) => event.event === "card").map((event) => event.data.type)).toEqual(["matches"]);
    expect(later.filter((event) => event.event === "card").map((event) => event.data.type)).toEqual(["critique"]);
    expect(refused.at(-1)!.data.code).toBe("INPUT_TOO_LARGE");
    expect((await exchange("get", `/api/sessions/${sessionId}`, "/api/sessions/{id}")).body.messages).toHaveLength(4);
    const exported = await fetch(`${server.url}/api/sessions/${sessionId}/export`, { headers: AUTH });
    expect(exported.headers.get("content-type")).toMatch(/^text\/markdown/);
    documented(document, "/api/sessions/{id}/export", "get", 200, "text/markdown");
  });

  function documentedEvents(): Record<string, z.ZodType> {
    const schemas = document.paths["/api/chat"].post.responses["200"]["x-events"] ?? {};
    return Object.fromEntries(Object.entries(schemas).map(([event, schema]) => [event, z.fromJSONSchema(schema as any)]));
  }
});
