import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BankUploadResponseSchema, StoriesResponseSchema } from "../../src/server/api-response-schemas.js";
import { SAMPLE_BANK } from "../support/run-coach.js";
import { startServe } from "../support/serve.js";

async function json(response: Response | Promise<Response>): Promise<any> {
  return (await response).json();
}

const post = (url: string, body: unknown) => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });

const NUMBERED = readFileSync(path.join(SAMPLE_BANK, "numbered.md"), "utf8");

/** A folder holding `own/mine.md`, a copy of the sample's numbered bank, and a fresh store beside it. */
function ownBank(): { bank: string; store: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), "coach-own-"));
  mkdirSync(path.join(root, "own"));
  const bank = path.join(root, "own", "mine.md");
  copyFileSync(path.join(SAMPLE_BANK, "numbered.md"), bank);
  return { bank, store: path.join(root, "store") };
}

describe("uploaded banks beside the banks a server started with", () => {
  it("an upload answers with the ids and experiences the server then serves, not those of a bank of the same name", async () => {
    const { bank, store } = ownBank();
    const server = await startServe(["--store", store, "--bank", bank]);
    try {
      const before = StoriesResponseSchema.parse(await json(fetch(`${server.url}/api/stories`))).stories;
      expect(before).toHaveLength(13);
      const upload = await post(`${server.url}/api/banks`, { name: "mine", content: NUMBERED });
      expect(upload.status).toBe(200);
      const uploaded = BankUploadResponseSchema.parse(await json(upload)).stories;
      expect(uploaded).toHaveLength(13);
      const served = StoriesResponseSchema.parse(await json(fetch(`${server.url}/api/stories`))).stories;
      expect(served).toHaveLength(26);
      const servedById = new Map(served.map((story) => [story.id, story]));
      const ownIds = new Set(before.map((story) => story.id));
      for (const story of uploaded) {
        // Both files are named mine.md: the upload's stories are the served ones with the collision suffix.
        expect(ownIds.has(story.id), story.id).toBe(false);
        expect(servedById.get(story.id)?.experience, story.id).toBe(story.experience);
        expect(servedById.get(story.id)?.title).toBe(story.title);
      }
      // The same stories retold: the upload shares the experiences of the bank it repeats.
      expect(uploaded.map((story) => story.experience)).toEqual(before.map((story) => story.experience));
    } finally {
      await server.stop();
    }
  });

  it("an upload the store cannot take is STORE_INACCESSIBLE naming the store, and changes nothing", async () => {
    const { bank, store } = ownBank();
    const server = await startServe(["--store", store, "--bank", bank]);
    try {
      writeFileSync(path.join(store, "uploads"), "a file where the uploads folder should be");
      const upload = await post(`${server.url}/api/banks`, { name: "extra", content: NUMBERED });
      expect(upload.status).toBe(500);
      const body = await json(upload);
      expect(body.error.code).toBe("STORE_INACCESSIBLE");
      // The client is told the server's store failed, not where the server keeps it; the server's log has the detail.
      expect(body.error.message).not.toContain(store);
      expect(server.stderr()).toContain("a file stands where a folder should be");
      expect(StoriesResponseSchema.parse(await json(fetch(`${server.url}/api/stories`))).stories).toHaveLength(13);
    } finally {
      await server.stop();
    }
  });

  it("uploads made without --bank are served, listed and deletable after a restart with --bank", async () => {
    const { bank, store } = ownBank();
    const small = JSON.stringify({ stories: [{ title: "Cut the build time", situation: "Builds took 40 minutes.", action: "I split the test suite across four runners.", result: "Builds took 9 minutes." }] });
    let server = await startServe(["--store", store]);
    try {
      expect((await post(`${server.url}/api/banks`, { name: "builds", content: small })).status).toBe(200);
    } finally {
      await server.stop();
    }
    server = await startServe(["--store", store, "--bank", bank]);
    try {
      expect((await json(fetch(`${server.url}/api/banks`))).banks).toEqual([
        { name: "mine.md", kind: "command-line", deletable: false, stories: 13 },
        { name: "builds", kind: "upload", deletable: true, stories: 1 },
      ]);
      expect((await json(fetch(`${server.url}/api/health`))).stories).toBe(14);
      const titles = (await json(fetch(`${server.url}/api/stories`))).stories.map((story: { title: string }) => story.title);
      expect(titles).toContain("Cut the build time");
      expect((await fetch(`${server.url}/api/banks/builds`, { method: "DELETE" })).status).toBe(200);
      expect((await json(fetch(`${server.url}/api/banks`))).banks).toEqual([{ name: "mine.md", kind: "command-line", deletable: false, stories: 13 }]);
      expect((await json(fetch(`${server.url}/api/health`))).stories).toBe(13);
    } finally {
      await server.stop();
    }
  });

  it("the sample bank given with --bank is served beside uploads, like any other bank", async () => {
    const { store } = ownBank();
    const small = JSON.stringify({ stories: [{ title: "Cut the build time", situation: "Builds took 40 minutes.", action: "I split the test suite across four runners.", result: "Builds took 9 minutes." }] });
    const health = async (url: string) => (await json(fetch(`${url}/api/health`))).stories;
    // An upload to an empty store replaces the sample bank served as the fallback.
    let server = await startServe(["--store", store]);
    let sampleStories: number;
    try {
      sampleStories = await health(server.url);
      expect(sampleStories).toBeGreaterThan(13);
      expect((await post(`${server.url}/api/banks`, { name: "builds", content: small })).status).toBe(200);
      expect(await health(server.url)).toBe(1);
    } finally {
      await server.stop();
    }
    // Asked for by name, the sample bank is served beside that upload after a restart...
    server = await startServe(["--store", store, "--bank", SAMPLE_BANK]);
    try {
      expect(await health(server.url)).toBe(sampleStories + 1);
      expect((await json(fetch(`${server.url}/api/banks`))).banks).toEqual([
        { name: "sample-bank", kind: "command-line", deletable: false, stories: sampleStories },
        { name: "builds", kind: "upload", deletable: true, stories: 1 },
      ]);
    } finally {
      await server.stop();
    }
    // ...and beside a first upload to an empty store; deleting that upload leaves it served.
    server = await startServe(["--store", ownBank().store, "--bank", SAMPLE_BANK]);
    try {
      expect(await health(server.url)).toBe(sampleStories);
      expect((await post(`${server.url}/api/banks`, { name: "builds", content: small })).status).toBe(200);
      expect(await health(server.url)).toBe(sampleStories + 1);
      expect((await fetch(`${server.url}/api/banks/builds`, { method: "DELETE" })).status).toBe(200);
      expect(await health(server.url)).toBe(sampleStories);
    } finally {
      await server.stop();
    }
  });

  it("names bank files to clients without the server's paths", async () => {
    const { bank, store } = ownBank();
    const cwd = process.cwd();
    let server = await startServe(["--store", store, "--bank", bank, "--bank", SAMPLE_BANK]);
    try {
      const files = new Set(StoriesResponseSchema.parse(await json(fetch(`${server.url}/api/stories`))).stories.map((story) => story.source.file));
      // A file given by name, and the files of a folder given, relative to that folder.
      expect([...files].sort()).toEqual(["mine.md", "sample-bank/by-principle.md", "sample-bank/numbered.md"]);
    } finally {
      await server.stop();
    }
    // The bundled sample bank, served to an empty store, lives in the package's folder.
    server = await startServe(["--store", mkdtempSync(path.join(os.tmpdir(), "coach-display-"))]);
    try {
      const body = JSON.stringify(await json(fetch(`${server.url}/api/stories`)));
      expect(body).not.toContain(path.dirname(SAMPLE_BANK));
      expect(body).not.toContain(cwd);
      expect(body).toContain('"file":"sample-bank/by-principle.md"');
    } finally {
      await server.stop();
    }
  });
});

describe("bank sizes", () => {
  it("refuses any bank over 5 MB as UTF-8 as too large, and takes any bank under it however its JSON is escaped", async () => {
    const server = await startServe(["--store", mkdtempSync(path.join(os.tmpdir(), "coach-size-"))]);
    try {
      const limit = 5 * 1024 * 1024;
      const tooLarge = async (content: string) => {
        const response = await post(`${server.url}/api/banks`, { name: "big", content });
        expect(response.status).toBe(413);
        const { error } = await json(response);
        expect(error.code).toBe("INPUT_TOO_LARGE");
        expect(error.message).toMatch(/5 MB/);
      };
      // Just over in ASCII; over in two-byte characters, a body over 6 MB; far over, a body over any body limit.
      await tooLarge(`${NUMBERED}\n${"a".repeat(limit + 10 - NUMBERED.length - 1)}`);
      await tooLarge(`${NUMBERED}\n${"é".repeat(3_200_000)}`);
      await tooLarge("x".repeat(40 * 1024 * 1024));
      // Under 5 MB, but over 6 MB once its line breaks are escaped in JSON.
      const escaped = `${NUMBERED}\n${"\n".repeat(3_300_000)}`;
      expect(Buffer.byteLength(escaped)).toBeLessThan(limit);
      expect(JSON.stringify({ name: "escaped", content: escaped }).length).toBeGreaterThan(6 * 1024 * 1024);
      const accepted = await post(`${server.url}/api/banks`, { name: "escaped", content: escaped });
      expect(accepted.status).toBe(200);
      expect((await json(accepted)).stories.length).toBeGreaterThan(0);
      // Other routes keep their own limit.
      const huge = await post(`${server.url}/api/critique`, { question: "Tell me about a fix.", answer: "x".repeat(7 * 1024 * 1024) });
      expect(huge.status).toBe(413);
      expect((await json(huge)).error.code).toBe("BODY_TOO_LARGE");
    } finally {
      await server.stop();
    }
  }, 120_000);
});
