import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { MatchResponseSchema } from "../../src/server/api-response-schemas.js";
import { startServe } from "../support/serve.js";
import { longProseStory } from "../support/long-prose-story.js";

interface Finished {
  status: number;
  body: any;
}

/**
 * The order in which the server answered requests: each is recorded when its
 * reply starts to arrive, since a long reply (an upload's stories) takes
 * longer to read in full than a short one sent just after it.
 */
class Answers {
  readonly order: string[] = [];

  /** POSTs JSON; `sent` resolves once the whole body is handed to the socket. */
  post(label: string, url: string, body: unknown): { sent: Promise<void>; finished: Promise<Finished> } {
    let sent!: () => void;
    const sentPromise = new Promise<void>((resolve) => (sent = resolve));
    const finished = new Promise<Finished>((resolve, reject) => {
      const request = http.request(url, { method: "POST", headers: { "content-type": "application/json" } }, (response) => {
        this.order.push(label);
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, body: JSON.parse(text) }));
      });
      request.on("error", reject);
      request.end(JSON.stringify(body), () => sent());
    });
    return { sent: sentPromise, finished };
  }

  async fetch(label: string, url: string, init?: RequestInit): Promise<Finished> {
    const response = await fetch(url, init);
    this.order.push(label);
    return { status: response.status, body: await response.json() };
  }
}

const getJson = async (url: string): Promise<Finished> => new Answers().fetch("", url);

const matchInit = (question: string): RequestInit => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question, k: 1 }) });
const match = async (url: string, question: string): Promise<Finished> => new Answers().fetch("", `${url}/api/match`, matchInit(question));

/** Resolves once the upload is checked and stored (its rebuild then starts), or with false once the upload has finished first. */
async function uploadStored(store: string, file: string, upload: Promise<unknown>): Promise<boolean> {
  let finished = false;
  void upload.then(() => (finished = true));
  while (!finished) {
    if (existsSync(path.join(store, "uploads", file))) return true;
    await sleep(10);
  }
  return false;
}

describe("a server indexing an upload", () => {
  it("answers other requests from the banks it served before while a slow upload is parsed and indexed, then serves the upload", async () => {
    const store = mkdtempSync(path.join(os.tmpdir(), "coach-off-thread-"));
    const server = await startServe(["--store", store]);
    try {
      const question = "Tell me about a time you failed";
      const before = MatchResponseSchema.parse((await match(server.url, question)).body).matches[0]!.id;
      const sampleStories = (await getJson(`${server.url}/api/health`)).body.stories;
      expect(sampleStories).toBe(33);

      // About 1 MB of one story's prose: seconds of CPU (parsing, principles, embedding, profiling). The old server did
      // it all on its event loop, and profiled the stories last, after writing the index, just before it replied.
      const answers = new Answers();
      const upload = answers.post("upload", `${server.url}/api/banks`, { name: "long", content: longProseStory(1_000_000) }).finished;
      // Once the upload is stored, the banks are parsed, embedded and profiled again (seconds): ask then.
      expect(await uploadStored(store, "long.md", upload)).toBe(true);
      await sleep(150);
      const health = answers.fetch("health", `${server.url}/api/health`);
      const matched = answers.fetch("match", `${server.url}/api/match`, matchInit(question));
      const [duringHealth, duringMatch, uploaded] = await Promise.all([health, matched, upload]);
      // Answered while the upload was indexed, from the banks served before: a server that did the work on its event
      // loop answered them only after, from the new bank.
      expect(duringHealth.body.stories).toBe(sampleStories);
      expect(MatchResponseSchema.parse(duringMatch.body).matches[0]!.id).toBe(before);
      // Both answered before the upload (between themselves in either order).
      expect(answers.order.slice(0, 2).sort()).toEqual(["health", "match"]);
      expect(answers.order[2]).toBe("upload");

      expect(uploaded.status).toBe(200);
      expect(uploaded.body.stories.map((story: { id: string }) => story.id)).toEqual(["long-one-long-story"]);
      expect((await getJson(`${server.url}/api/health`)).body.stories).toBe(1);
      expect((await getJson(`${server.url}/api/banks`)).body.banks).toEqual([{ name: "long", kind: "upload", deletable: true, stories: 1 }]);
      expect(MatchResponseSchema.parse((await match(server.url, question)).body).matches[0]!.id).toBe("long-one-long-story");

      // A bank of 200,000 empty headings: seconds of parsing, then refused. Other requests are answered meanwhile.
      const refusal = answers.post("refused", `${server.url}/api/banks`, { name: "headings", content: "#\n".repeat(200_000) });
      await refusal.sent;
      await sleep(300);
      const [answered, refusedUpload] = await Promise.all([answers.fetch("health while refusing", `${server.url}/api/health`), refusal.finished]);
      expect(answers.order.slice(-2)).toEqual(["health while refusing", "refused"]);
      expect(answered.body.stories).toBe(1);
      expect(refusedUpload.status).toBe(400);
      expect(refusedUpload.body.error).toEqual({ code: "INPUT_EMPTY", message: 'bank "headings": no stories found (a story is a heading followed by Situation/Task/Action/Result text).' });
      // Refused, it changed nothing: the upload's file is gone again and the same bank is served.
      expect(readdirSync(path.join(store, "uploads"))).toEqual(["long.md"]);
      expect((await getJson(`${server.url}/api/banks`)).body.banks).toEqual([{ name: "long", kind: "upload", deletable: true, stories: 1 }]);
      expect(MatchResponseSchema.parse((await match(server.url, question)).body).matches[0]!.id).toBe("long-one-long-story");
    } finally {
      await server.stop();
    }
  }, 90_000);
});
