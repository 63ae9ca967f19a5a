import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServe, type RunningServer } from "../support/serve.js";

describe("requests the framework refuses are the contract's error body with a 4xx, not a 500 or an HTML page", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServe(["--store", mkdtempSync(path.join(os.tmpdir(), "coach-client-errors-"))]);
  });
  afterAll(async () => server.stop());

  async function answer(url: string, init: RequestInit = {}): Promise<{ status: number; type: string | null; body: any }> {
    const response = await fetch(`${server.url}${url}`, init);
    return { status: response.status, type: response.headers.get("content-type"), body: await response.json() };
  }
  const match = (headers: Record<string, string>) => ({ method: "POST", headers, body: JSON.stringify({ question: "Tell me about a failure" }) });

  it("a path that is not valid percent-encoding: 400 INVALID_URL", async () => {
    for (const url of ["/api/sessions/%E0%A4%A", "/api/sessions/%ZZ/export"]) {
      const { status, body } = await answer(url);
      expect(status, url).toBe(400);
      expect(body, url).toEqual({ error: { code: "INVALID_URL", message: "the URL's path is not valid percent-encoding (UTF-8 bytes written as %XX)." } });
    }
    expect((await answer("/api/banks/%E0%A4%A", { method: "DELETE" })).body.error.code).toBe("INVALID_URL");
  });

  it("a body in a charset or content-encoding the server cannot read: 415; a body not in the encoding it names: 400", async () => {
    const latin1 = await answer("/api/match", match({ "content-type": "application/json; charset=latin1" }));
    expect(latin1).toMatchObject({ status: 415, body: { error: { code: "UNSUPPORTED_MEDIA_TYPE", message: 'the body\'s charset "latin1" is not supported; send the JSON as UTF-8 (content-type: application/json).' } } });
    const snappy = await answer("/api/match", match({ "content-type": "application/json", "content-encoding": "snappy" }));
    expect(snappy).toMatchObject({ status: 415, body: { error: { code: "UNSUPPORTED_MEDIA_TYPE" } } });
    const notGzip = await answer("/api/match", match({ "content-type": "application/json", "content-encoding": "gzip" }));
    expect(notGzip).toMatchObject({ status: 400, body: { error: { code: "BAD_REQUEST" } } });
    // None of these is the server's failure: nothing for its log.
    expect(server.stderr()).not.toMatch(/internal error/);
  });

  it("an unknown route outside /api: 404 as JSON; the page itself still HTML", async () => {
    for (const [method, url] of [["GET", "/nope"], ["GET", "/favicon.ico"], ["POST", "/"]]) {
      const { status, type, body } = await answer(url!, { method });
      expect(status, `${method} ${url}`).toBe(404);
      expect(type).toMatch(/^application\/json/);
      expect(Object.keys(body.error).sort()).toEqual(["code", "message"]);
      expect(body.error.code).toBe("NOT_FOUND");
    }
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
  });
});
