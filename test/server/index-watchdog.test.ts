import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { startServe } from "../support/serve.js";
import { longProseStory } from "../support/long-prose-story.js";

const SMALL_BANK = "# Cut the build time\n\n**Situation:** Builds took 40 minutes.\n**Action:** I split the test suite across four runners.\n**Result:** Builds took 9 minutes.\n";
const QUESTION = "Tell me about a time you failed";
const SAMPLE_LISTING = [{ name: "sample-bank", kind: "sample", deletable: false, stories: 33 }];

const post = (url: string, body: unknown) => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const getJson = async (url: string) => (await fetch(url)).json();
const firstMatch = async (url: string) => ((await (await post(`${url}/api/match`, { question: QUESTION, k: 1 })).json()) as { matches: Array<{ id: string }> }).matches[0]!.id;

/** What the store holds: its top-level entries, the uploads, the record of banks and the index's manifest. */
function storeSnapshot(store: string) {
  return {
    entries: readdirSync(store).sort(),
    uploads: readdirSync(path.join(store, "uploads")),
    banks: readFileSync(path.join(store, "banks.json"), "utf8"),
    manifest: readFileSync(path.join(store, "index", "manifest.json"), "utf8"),
  };
}

describe("coach serve's index watchdog", () => {
  it("stops an upload whose indexing makes no progress within COACH_INDEX_TIMEOUT_MS, changes nothing, and indexes the next upload with a fresh worker", async () => {
    const store = path.join(mkdtempSync(path.join(os.tmpdir(), "coach-watchdog-")), ".coach");
    const server = await startServe(["--store", store], { COACH_INDEX_TIMEOUT_MS: "8000" });
    try {
      expect((await getJson(`${server.url}/api/banks`)).banks).toEqual(SAMPLE_LISTING);
      expect(await firstMatch(server.url)).toBe("by-principle-tell-me-about-a-time-you-failed");
      // A small upload and its deletion first: the uploads folder exists, as it does once a server has taken one.
      expect((await post(`${server.url}/api/banks`, { name: "small", content: SMALL_BANK })).status).toBe(200);
      expect((await fetch(`${server.url}/api/banks/small`, { method: "DELETE" })).status).toBe(200);
      const before = storeSnapshot(store);
      expect(before.entries).toEqual(["banks.json", "cache", "index", "uploads"]);
      expect(before.uploads).toEqual([]);

      const started = Date.now();
      // A 4.5 MB story takes about 2 s to parse, then about 25 s each to infer principles, embed and profile on a 2-core
      // machine, with no step done in between: far past a limit of 8 s without progress.
      const stalled = await post(`${server.url}/api/banks`, { name: "long", content: longProseStory(4_500_000) });
      const waited = Date.now() - started;
      expect(stalled.status).toBe(503);
      expect(await stalled.json()).toEqual({
        error: {
          code: "INDEX_TIMEOUT",
          message: `bank "long": indexing the upload took too long (no progress for 8 s), so it was stopped; the banks and the index are unchanged. Try again, or split the bank into smaller ones; the server's COACH_INDEX_TIMEOUT_MS sets the limit.`,
        },
      });
      // Stopped about 8 s after its last step (parsing), long before the build would have ended (over a minute).
      expect(waited).toBeGreaterThan(8_000);
      expect(waited).toBeLessThan(40_000);
      // The operator's log says so too.
      expect(server.stderr()).toContain('coach: bank "long": indexing the upload took too long (no progress for 8 s)');

      // Nothing changed: the same banks and answers, and the store as it was, with nothing half-written left in it.
      expect((await getJson(`${server.url}/api/banks`)).banks).toEqual(SAMPLE_LISTING);
      expect((await getJson(`${server.url}/api/health`)).stories).toBe(33);
      expect(await firstMatch(server.url)).toBe("by-principle-tell-me-about-a-time-you-failed");
      expect(storeSnapshot(store)).toEqual(before);

      // The next upload is indexed by a fresh worker.
      const next = await post(`${server.url}/api/banks`, { name: "small", content: SMALL_BANK });
      expect(next.status).toBe(200);
      expect(((await next.json()) as { stories: Array<{ id: string }> }).stories.map((story) => story.id)).toEqual(["small-cut-the-build-time"]);
      expect((await getJson(`${server.url}/api/banks`)).banks).toEqual([{ name: "small", kind: "upload", deletable: true, stories: 1 }]);
      expect(await firstMatch(server.url)).toBe("small-cut-the-build-time");
    } finally {
      await server.stop();
    }
  }, 90_000);

  it("on SIGTERM, stops an upload still being indexed after a short grace period: it is answered 503 INDEX_STOPPED, the store is unchanged, and the server exits 0", async () => {
    const store = path.join(mkdtempSync(path.join(os.tmpdir(), "coach-watchdog-")), ".coach");
    const server = await startServe(["--store", store]);
    const exited = new Promise<number | null>((resolve) => server.child.once("exit", (code) => resolve(code)));
    try {
      expect((await post(`${server.url}/api/banks`, { name: "small", content: SMALL_BANK })).status).toBe(200);
      const before = storeSnapshot(store);
      const upload = post(`${server.url}/api/banks`, { name: "long", content: longProseStory(4_500_000) });
      // Checked (about 2 s), written, then parsed and indexed: well under way after 4 s, with over a minute to go.
      await sleep(4_000);
      expect(storeSnapshot(store).uploads.sort()).toEqual(["long.md", "small.md"]);
      const signalled = Date.now();
      server.child.kill("SIGTERM");
      const stopped = await upload;
      expect(stopped.status).toBe(503);
      expect(await stopped.json()).toEqual({
        error: {
          code: "INDEX_STOPPED",
          message: `bank "long": indexing the upload was stopped because the server is shutting down; the banks and the index are unchanged. Upload it again once the server is back.`,
        },
      });
      expect(await exited).toBe(0);
      // The grace period is 5 s; the old server waited for the whole build.
      const took = Date.now() - signalled;
      expect(took).toBeGreaterThan(4_500);
      expect(took).toBeLessThan(15_000);
      expect(storeSnapshot(store)).toEqual(before);
    } finally {
      await server.stop();
    }
  }, 90_000);
});
