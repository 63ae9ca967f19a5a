import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BankListResponseSchema, BankUploadResponseSchema } from "../../src/server/api-response-schemas.js";
import { runCoach, SAMPLE_BANK } from "../support/run-coach.js";
import { startServe, type RunningServer } from "../support/serve.js";

async function json(response: Response | Promise<Response>): Promise<any> {
  return (await response).json();
}

const post = (url: string, body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) =>
  fetch(url, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
const remove = (url: string, name: string) => fetch(`${url}/api/banks/${encodeURIComponent(name)}`, { method: "DELETE" });
const list = async (url: string) => BankListResponseSchema.parse(await json(fetch(`${url}/api/banks`))).banks;

const NUMBERED = readFileSync(path.join(SAMPLE_BANK, "numbered.md"), "utf8");
const ONE_STORY = JSON.stringify({ stories: [{ title: "Cut the build time", situation: "Builds took 40 minutes.", action: "I split the test suite across four runners.", result: "Builds took 9 minutes." }] });

/** The sample's numbered bank (13 stories) as `my-stories.md` in a new folder, with a store beside it. */
function myStories(): { bank: string; store: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), "coach-listing-"));
  const bank = path.join(root, "my-stories.md");
  copyFileSync(path.join(SAMPLE_BANK, "numbered.md"), bank);
  return { bank, store: path.join(root, "store") };
}

describe("the banks a server started with --bank serves, over HTTP", () => {
  let server: RunningServer;
  beforeAll(async () => {
    const { bank, store } = myStories();
    server = await startServe(["--store", store, "--bank", bank]);
  });
  afterAll(async () => server.stop());

  it("lists the --bank file as read-only, and refuses to delete it with 409 saying it is served from the command line", async () => {
    const commandLine = { name: "my-stories.md", kind: "command-line", deletable: false, stories: 13 };
    expect(await list(server.url)).toEqual([commandLine]);
    for (const name of ["my-stories.md", "my-stories"]) {
      const refused = await remove(server.url, name);
      expect(refused.status).toBe(409);
      expect((await json(refused)).error).toEqual({
        code: "BANK_READ_ONLY",
        message:
          '"my-stories.md" is served from the command line (coach serve --bank), not uploaded, so it cannot be deleted over HTTP; restart coach serve without that --bank to stop serving it. Only uploads can be deleted.',
      });
    }
    expect(await list(server.url)).toEqual([commandLine]);
    expect((await json(fetch(`${server.url}/api/health`))).stories).toBe(13);
    const unknown = await remove(server.url, "nope");
    expect(unknown.status).toBe(404);
    expect((await json(unknown)).error).toEqual({ code: "NOT_FOUND", message: 'no bank named "nope"; the served banks are my-stories.md (command-line). GET /api/banks lists them.' });
  });

  it("takes file names for uploads, keeps each under a safe name it tells back, lists them, and deletes them by either name", async () => {
    const spaced = await post(`${server.url}/api/banks`, { name: "My stories.md", content: NUMBERED });
    expect(spaced.status).toBe(200);
    const spacedBody = BankUploadResponseSchema.parse(await json(spaced));
    expect(spacedBody.name).toBe("My-stories");
    expect(spacedBody.notice).toBe('bank "My stories.md" is kept as "My-stories": a bank\'s name keeps only letters, digits, - and _ (at most 64), without a .md, .txt or .json ending; use "My-stories" to replace or delete it.');
    expect(spacedBody.stories).toHaveLength(13);
    expect(spacedBody.stories[0]!.source.file).toBe("My-stories.md");
    // A .json name is a JSON bank without a format given.
    const jsonBank = BankUploadResponseSchema.parse(await json(post(`${server.url}/api/banks`, { name: "x.json", content: ONE_STORY })));
    expect([jsonBank.name, jsonBank.stories.length, jsonBank.stories[0]!.source.file]).toEqual(["x", 1, "x.json"]);
    const plain = await json(post(`${server.url}/api/banks`, { name: "plain", content: ONE_STORY, format: "json" }));
    expect(plain.name).toBe("plain");
    expect(plain).not.toHaveProperty("notice");
    expect(await list(server.url)).toEqual([
      { name: "my-stories.md", kind: "command-line", deletable: false, stories: 13 },
      { name: "My-stories", kind: "upload", deletable: true, stories: 13 },
      { name: "x", kind: "upload", deletable: true, stories: 1 },
      { name: "plain", kind: "upload", deletable: true, stories: 1 },
    ]);
    expect(await json(remove(server.url, "My stories.md"))).toEqual({ removed: "My-stories" });
    expect(await json(remove(server.url, "x.json"))).toEqual({ removed: "x" });
    expect(await json(remove(server.url, "plain"))).toEqual({ removed: "plain" });
    expect(await list(server.url)).toEqual([{ name: "my-stories.md", kind: "command-line", deletable: false, stories: 13 }]);
  });

  it("tells a client that sends a form or no body to send JSON with content-type application/json", async () => {
    const form = await post(`${server.url}/api/match`, "question=hi", { "content-type": "application/x-www-form-urlencoded" });
    expect(form.status).toBe(415);
    expect((await json(form)).error).toEqual({
      code: "UNSUPPORTED_MEDIA_TYPE",
      message: "send the body as JSON with the header content-type: application/json (this request sent application/x-www-form-urlencoded); with curl: -H 'content-type: application/json' -d '{...}'.",
    });
    const untyped = await fetch(`${server.url}/api/critique`, { method: "POST", body: new Uint8Array(Buffer.from('{"question": "q", "answer": "a"}')) });
    expect(untyped.status).toBe(415);
    expect((await json(untyped)).error.message).toContain("(this request sent no content-type)");
    const empty = await fetch(`${server.url}/api/match`, { method: "POST" });
    expect(empty.status).toBe(400);
    expect((await json(empty)).error).toEqual({
      code: "INVALID_BODY",
      message: "body: missing; send a JSON object as the body with the header content-type: application/json (with curl: -H 'content-type: application/json' -d '{...}').",
    });
    expect((await post(`${server.url}/api/match`, { question: "Tell me about a time you failed" })).status).toBe(200);
  });
});

describe("banks served without --bank, over HTTP", () => {
  it("lists the bundled sample bank and the store's own banks as read-only, each refusal saying why", async () => {
    const { bank, store } = myStories();
    let server = await startServe(["--store", store]);
    try {
      expect(await list(server.url)).toEqual([{ name: "sample-bank", kind: "sample", deletable: false, stories: 33 }]);
      const refused = await remove(server.url, "sample-bank");
      expect(refused.status).toBe(409);
      expect((await json(refused)).error.message).toBe('"sample-bank" is the bundled sample bank, served until a bank is uploaded, so it cannot be deleted; upload a bank (POST /api/banks) to replace it.');
    } finally {
      await server.stop();
    }
    expect((await runCoach(["index", bank, "--store", store])).code).toBe(0);
    server = await startServe(["--store", store]);
    try {
      expect(await list(server.url)).toEqual([{ name: "my-stories.md", kind: "store", deletable: false, stories: 13 }]);
      const refused = await remove(server.url, "my-stories.md");
      expect(refused.status).toBe(409);
      expect((await json(refused)).error.message).toMatch(/^"my-stories\.md" is one of the store's own banks \(coach serve was started without --bank\), not uploaded/);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
