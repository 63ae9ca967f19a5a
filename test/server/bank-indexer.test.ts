import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { IndexError, InputError, ProviderError } from "../../src/errors/index.js";
import { resolveProvider } from "../../src/providers/index.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { computeStoryFeatures, createMatcher } from "../../src/retrieval/index.js";
import { loadIndex, storeLayout } from "../../src/store/index.js";
import { BankIndexer } from "../../src/server/bank-indexer.js";
import { SAMPLE_BANK } from "../support/run-coach.js";
import { startTestLlmServer, type TestLlmServer } from "../support/test-llm-server.js";

const newStore = () => path.join(mkdtempSync(path.join(os.tmpdir(), "coach-indexer-")), ".coach");

/** An upload as the server keeps it: a file in the store's uploads folder. */
function uploaded(store: string, file: string, content: string): string {
  mkdirSync(path.join(store, "uploads"), { recursive: true });
  const where = path.join(store, "uploads", file);
  writeFileSync(where, content);
  return where;
}

const manifestText = (store: string) => readFileSync(storeLayout(store).manifest, "utf8");

// The worker runs src/server/index-worker.ts through tsx here; `coach serve` runs the bundle's index-worker.mjs
// (test/server/upload-off-thread.test.ts).
describe("BankIndexer: bank indexes built in a worker thread", () => {
  const embedder = new InterviewEmbedder();
  const indexer = new BankIndexer(embedder);

  it("serves what the same build in this thread would: stories, features, lexical index and vectors", async () => {
    const store = newStore();
    const { state, uploadWarnings } = await indexer.build({ store, banks: [SAMPLE_BANK] });
    expect(uploadWarnings).toEqual([]);
    expect(state.indexed.status).toBe("built");
    const stored = await loadIndex(store);
    expect(state.indexed.stories).toEqual(stored.stories);
    expect(state.indexed.stories).toHaveLength(33);
    const features = computeStoryFeatures(stored.stories);
    state.features.forEach((sent, position) => {
      // The copy keeps a story and its features one object, as in the thread that computed them.
      expect(sent.story).toBe(state.indexed.stories[position]);
      const here = features[position]!;
      expect(sent.competencyVector).toEqual(here.competencyVector);
      expect(sent.principleVector).toEqual(here.principleVector);
      expect(sent.principles).toEqual(here.principles);
      expect(sent.terms).toEqual(here.terms);
      expect(sent.profile.evidence).toEqual(here.profile.evidence);
      // Left behind in the worker, read again from the story's body when asked for.
      expect(sent.profile.tokens).toEqual(here.profile.tokens);
    });
    const inThread = createMatcher(stored.stories, stored.index, embedder);
    for (const question of ["Tell me about a time you failed", "Describe a time you disagreed with your manager", "How do you deal with a tight deadline?"]) {
      // Ids, scores, and the evidence quoted in each match's "why".
      expect(await state.matcher.match(question, { k: 5 })).toEqual(await inThread.match(question, { k: 5 }));
    }
  });

  it("refuses an upload with no story before the stored index changes, with the server's message", async () => {
    const store = newStore();
    await indexer.build({ store, banks: [SAMPLE_BANK] });
    const before = manifestText(store);
    const file = uploaded(store, "notes.md", "# just notes\n\n- nothing here");
    const refused = indexer.build({ store, banks: [SAMPLE_BANK, file], upload: { file, name: "notes" } });
    await expect(refused).rejects.toBeInstanceOf(InputError);
    await expect(refused).rejects.toMatchObject({ code: "INPUT_EMPTY", message: 'bank "notes": no stories found (a story is a heading followed by Situation/Task/Action/Result text).' });
    expect(manifestText(store)).toBe(before);
  });

  it("names an upload by its file name, never by where the store is, in its warnings and errors", async () => {
    const store = newStore();
    const file = uploaded(store, "mine.md", readFileSync(path.join(SAMPLE_BANK, "numbered.md"), "utf8"));
    const { state, uploadWarnings } = await indexer.build({ store, banks: [SAMPLE_BANK, file], upload: { file, name: "mine" } });
    expect(state.indexed.stories).toHaveLength(33 + 13);
    expect(uploadWarnings.length).toBeGreaterThan(0);
    for (const warning of uploadWarnings) {
      expect(warning.file).toBe("mine.md");
      expect(warning.message).not.toContain(store);
    }
    const bad = uploaded(store, "bad.json", '{"stories": [');
    const refused = indexer.build({ store, banks: [SAMPLE_BANK, bad], upload: { file: bad, name: "bad" } });
    await expect(refused).rejects.toMatchObject({ code: "INPUT_NOT_PARSEABLE", message: expect.stringMatching(/^bad\.json:1: not valid JSON/), location: { file: "bad.json" } });
  });

  it("stops a worker that makes no progress within its limit: the build fails with INDEX_TIMEOUT and writes nothing", async () => {
    // Starting a worker takes far longer than a millisecond without a step done, on any machine.
    const hasty = new BankIndexer(embedder, 1);
    const store = newStore();
    const file = uploaded(store, "mine.md", readFileSync(path.join(SAMPLE_BANK, "numbered.md"), "utf8"));
    const refused = hasty.build({ store, banks: [SAMPLE_BANK, file], upload: { file, name: "mine" } });
    await expect(refused).rejects.toBeInstanceOf(IndexError);
    await expect(refused).rejects.toMatchObject({
      code: "INDEX_TIMEOUT",
      limitMs: 1,
      message: `bank "mine": indexing the upload took too long (no progress for 1 ms), so it was stopped; the banks and the index are unchanged. Try again, or split the bank into smaller ones; the server's COACH_INDEX_TIMEOUT_MS sets the limit.`,
    });
    expect(readdirSync(store)).toEqual(["uploads"]);
    // Stopped, it refuses later work the way a server shutting down does.
    await hasty.stop();
    await expect(hasty.build({ store, banks: [SAMPLE_BANK] })).rejects.toMatchObject({ code: "INDEX_STOPPED", message: "indexing the banks was stopped because the server is shutting down; the banks and the index are unchanged. Try again once the server is back." });
  });

  it("fails the builds of a worker that stops, and starts another for the next build", async () => {
    const store = newStore();
    const build = indexer.build({ store, banks: [SAMPLE_BANK] });
    await (indexer as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    await expect(build).rejects.toThrow(/the index worker stopped/);
    expect((await indexer.build({ store, banks: [SAMPLE_BANK] })).state.indexed.stories).toHaveLength(33);
  });
});

describe("BankIndexer with a provider's embedder", () => {
  let llm: TestLlmServer;
  beforeAll(async () => {
    llm = await startTestLlmServer({ dimensions: 64 });
  });
  afterAll(async () => llm.close());

  const openai = () => resolveProvider(loadConfig({ provider: "openai" }, { OPENAI_API_KEY: "k", OPENAI_BASE_URL: llm.url, COACH_MAX_RETRIES: "0" })).createEmbedder();

  it("embeds through the main thread's embedder, and its refusal keeps its code and details", async () => {
    const embedder = await openai();
    const indexer = new BankIndexer(embedder);
    const store = newStore();
    llm.requests.length = 0;
    const { state } = await indexer.build({ store, banks: [SAMPLE_BANK] });
    expect(llm.requestsTo("embeddings").length).toBeGreaterThan(0);
    expect(state.indexed.manifest.embedder).toMatchObject({ id: embedder.id, dimensions: 64 });
    expect((await state.matcher.match("Tell me about a time you failed", { k: 1 })).matches).toHaveLength(1);

    llm.fault("embeddings", { kind: "status", status: 429, retryAfterSeconds: 7 });
    // A story not in the embedding cache yet, so the provider is asked.
    const file = uploaded(store, "mine.md", "# Cut the build time\n\n**Situation:** Builds took 40 minutes.\n**Action:** I split the test suite across four runners.\n**Result:** Builds took 9 minutes.\n");
    const refused = indexer.build({ store, banks: [SAMPLE_BANK, file], upload: { file, name: "mine" } });
    await expect(refused).rejects.toBeInstanceOf(ProviderError);
    await expect(refused).rejects.toMatchObject({ code: "PROVIDER_RATE_LIMITED", retryAfterSeconds: 7 });
  });

  it("does not count the wait for the provider against the limit: the provider's own timeout bounds it", async () => {
    const indexer = new BankIndexer(await openai(), 6_000);
    llm.fault("embeddings", { kind: "latency", ms: 7_500 });
    const { state } = await indexer.build({ store: newStore(), banks: [SAMPLE_BANK] });
    expect(state.indexed.stories).toHaveLength(33);
    await indexer.stop();
  }, 30_000);
});
