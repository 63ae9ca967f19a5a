import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonLines, runCoach } from "../support/run-coach.js";
import { readEvents, startServe } from "../support/serve.js";
import { startTestLlmServer, type TestLlmServer } from "../support/test-llm-server.js";

// A key some OpenAI-compatible proxies take in the query rather than the Authorization header.
const SECRET = "query-secret-4f9a";

describe("a base URL with a key in its query (OPENAI_BASE_URL=http://host/v1?api-key=...)", () => {
  let llm: TestLlmServer;
  const store = () => mkdtempSync(path.join(os.tmpdir(), "coach-query-url-"));
  beforeAll(async () => {
    llm = await startTestLlmServer();
  });
  afterAll(async () => llm.close());

  it("coach doctor shows the URL with the key masked, in its rows, --json and notices, and reaches the server's real paths with the query", async () => {
    const env = { OPENAI_API_KEY: "sk-header-key", OPENAI_BASE_URL: `${llm.url}?api-key=${SECRET}&api-version=2024-06-01` };
    const shown = `${llm.url}?api-key=***&api-version=2024-06-01`;
    const before = llm.requests.length;
    const run = await runCoach(["doctor", "--provider", "openai", "--store", store()], { env });
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    expect(run.stderr.split("\n")).toContain(`coach: provider openai at ${shown} (embeddings text-embedding-3-small, chat gpt-4o-mini)`);
    expect(run.stdout.split("\n")).toContain(`base URL     ${shown} (OPENAI_BASE_URL)`);
    // The model list was asked for at /v1/models, the query sent as a query: the server listed its 4 models.
    expect(run.stdout).toMatch(new RegExp(`^connection   ok: reachable at ${escape(shown)} in \\d+ ms, 4 models listed$`, "m"));
    expect(run.code).toBe(0);
    const asked = llm.requests.slice(before);
    expect(asked.map((request) => `${request.method} ${request.path}`)).toEqual(["GET /v1/models"]);
    expect(asked[0]!.query).toEqual({ "api-key": SECRET, "api-version": "2024-06-01" });

    const json = await runCoach(["doctor", "--provider", "openai", "--json", "--store", store()], { env });
    expect(json.stdout + json.stderr).not.toContain(SECRET);
    const [line] = jsonLines(json.stdout);
    expect(line).toMatchObject({ baseUrl: shown, usable: true, connection: { ok: true, detail: expect.stringContaining(`reachable at ${shown} in `) } });
  });

  it("an unreachable server: exit 1, the key masked in the failure too", async () => {
    const run = await runCoach(["doctor", "--provider", "openai", "--store", store()], { env: { OPENAI_API_KEY: "k", OPENAI_BASE_URL: `http://127.0.0.1:1/v1?key=${SECRET}` } });
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    expect(run.stderr).toContain("coach: provider unreachable: http://127.0.0.1:1/v1?key=***: cannot reach the provider");
  });

  it("a provider error that quotes the request's URL is shown with the key masked", async () => {
    const refused = { kind: "status" as const, status: 400, body: JSON.stringify({ error: { message: `bad request for ${llm.url}/chat/completions?api-key=${SECRET}`, type: "invalid_request_error" } }) };
    // Refused streamed and again whole (a refusal of the streamed request alone is asked again without streaming).
    llm.fault("chat", refused, refused);
    const run = await runCoach(["critique", "--provider", "openai", "--question", "Tell me about a failure", "--answer", "I broke the nightly build and fixed it within the hour.", "--json", "--store", store()], {
      env: { OPENAI_API_KEY: "k", OPENAI_BASE_URL: `${llm.url}?api-key=${SECRET}` },
    });
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    const [critique] = jsonLines(run.stdout);
    expect(critique.llm).toMatchObject({ fallback: true, reason: expect.stringContaining(`/chat/completions?api-key=***`) });
  });

  it("a provider error that quotes only the request's path and query, as an express-style 404 does, is shown with the key masked", async () => {
    // "Cannot POST /v1/chat/completions?api-key=...": no scheme or host, so not a URL to the old masking.
    llm.fault("chat", { kind: "status", status: 404, body: `<pre>Cannot POST /v1/chat/completions?api-key=${SECRET}&api-version=2024-06-01</pre>` });
    const run = await runCoach(["critique", "--provider", "openai", "--question", "Tell me about a failure", "--answer", "I broke the nightly build and fixed it within the hour.", "--json", "--store", store()], {
      env: { OPENAI_API_KEY: "k", OPENAI_BASE_URL: `${llm.url}?api-key=${SECRET}&api-version=2024-06-01` },
    });
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    const [critique] = jsonLines(run.stdout);
    expect(critique.llm).toMatchObject({ fallback: true, reason: expect.stringContaining("Cannot POST /v1/chat/completions?api-key=***&api-version=2024-06-01") });
  });

  it("coach serve starts with such a URL (its embeddings asked at /v1/embeddings), logs it masked, and answers chat", async () => {
    const before = llm.requests.length;
    llm.reply({ content: "Lead with the outage you owned." });
    const server = await startServe(["--provider", "openai", "--store", store()], { OPENAI_API_KEY: "k", OPENAI_BASE_URL: `${llm.url}?api-key=${SECRET}` });
    try {
      expect(server.stderr()).toContain(`coach: provider openai at ${llm.url}?api-key=*** (`);
      const events = await readEvents(await fetch(`${server.url}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ message: "What should I lead with?" }) }));
      expect(events.at(-1)!.event).toBe("done");
      expect(JSON.stringify(events)).not.toContain(SECRET);
      const asked = llm.requests.slice(before);
      expect(new Set(asked.map((request) => request.path))).toEqual(new Set(["/v1/embeddings", "/v1/chat/completions"]));
      for (const request of asked) expect(request.query).toEqual({ "api-key": SECRET });
      expect(server.stderr()).not.toContain(SECRET);
    } finally {
      await server.stop();
    }
  }, 60_000);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
