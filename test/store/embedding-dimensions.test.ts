import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import type { Embedder } from "../../src/core/embedder.js";
import { resolveProvider } from "../../src/providers/index.js";
import { createMatcher } from "../../src/retrieval/index.js";
import { ensureIndex, loadIndex, storeLayout } from "../../src/store/index.js";
import { SAMPLE_BANK } from "../support/run-coach.js";
import { startTestLlmServer, type TestLlmServer } from "../support/test-llm-server.js";

/** A fresh OpenAI embedder for the server, as a new `coach` process would create it. */
function openaiEmbedder(server: TestLlmServer, env: Record<string, string> = {}): Promise<Embedder> {
  return resolveProvider(loadConfig({ provider: "openai" }, { OPENAI_API_KEY: "k", OPENAI_BASE_URL: server.url, COACH_MAX_RETRIES: "0", ...env })).createEmbedder();
}

/** Every vector in the store's embedding cache files, as lengths. */
function cachedVectorLengths(store: string): number[] {
  const folder = path.join(store, "cache", "embeddings");
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .flatMap((name) => Object.values(JSON.parse(readFileSync(path.join(folder, name), "utf8")).entries as Record<string, string>))
    .map((base64) => Buffer.from(base64, "base64").byteLength / 4);
}

describe("embeddings of another size never break the store (test LLM server, hnswlib on disk)", () => {
  let llm: TestLlmServer;
  let store: string;
  let bank: string;

  beforeAll(async () => {
    llm = await startTestLlmServer({ dimensions: 64 });
  });
  afterAll(async () => llm.close());

  beforeEach(() => {
    const root = mkdtempSync(path.join(os.tmpdir(), "coach-dimensions-"));
    store = path.join(root, ".coach");
    bank = path.join(root, "bank");
    mkdirSync(bank);
    cpSync(SAMPLE_BANK, bank, { recursive: true });
    llm.dimensions = 64;
    llm.requests.length = 0;
  });

  it("after the provider's size changes, refuses the question naming the way out, and a forced rebuild makes matching work", async () => {
    llm.dimensions = 2;
    expect((await ensureIndex({ store, banks: [bank], embedder: await openaiEmbedder(llm) })).manifest.embedder.dimensions).toBe(2);

    // The same server and model name now answer with 64-dimension vectors.
    llm.dimensions = 64;
    llm.requests.length = 0;
    const opened = await ensureIndex({ store, banks: [bank], embedder: await openaiEmbedder(llm) });
    // Opening a current index asks the provider nothing.
    expect(opened.status).toBe("unchanged");
    expect(llm.requestsTo("embeddings")).toHaveLength(0);
    const embedder = await openaiEmbedder(llm);
    const refused = createMatcher(opened.stories, opened.index, embedder).match("Tell me about a time you failed", { k: 3 });
    await expect(refused).rejects.toMatchObject({ code: "PROVIDER_BAD_RESPONSE" });
    await expect(refused).rejects.toThrow(/returned 64-dimension vectors where the index has 2; rebuild it with coach index <your bank> --force/);

    // The embedder now knows the size: the next opening rebuilds without being forced, and matching works.
    const result = await ensureIndex({ store, banks: [bank], embedder });
    expect(result.status).toBe("rebuilt");
    expect(result.manifest.embedder.dimensions).toBe(64);
    expect(result.embedded).toBe(33);
    expect(result.notices.join(" ")).toMatch(/64-dimension vectors.*index has 2/);
    expect(cachedVectorLengths(store).every((length) => length === 64)).toBe(true);
    const matched = await createMatcher(result.stories, result.index, embedder).match("Tell me about a time you failed", { k: 3 });
    expect(matched.matches).toHaveLength(3);
    expect((await ensureIndex({ store, banks: [bank], embedder: await openaiEmbedder(llm) })).status).toBe("unchanged");
  });

  it("a forced rebuild re-embeds cached vectors of another size instead of failing", async () => {
    llm.dimensions = 2;
    await ensureIndex({ store, banks: [bank], embedder: await openaiEmbedder(llm) });
    llm.dimensions = 64;
    const result = await ensureIndex({ store, banks: [bank], embedder: await openaiEmbedder(llm), force: true });
    expect(result.status).toBe("rebuilt");
    expect(result.manifest.embedder.dimensions).toBe(64);
    expect(result.embedded).toBe(33);
    expect((await loadIndex(store)).index.dimensions).toBe(64);
  });

  it("a reply of another size mid-run is PROVIDER_BAD_RESPONSE, writes nothing and leaves the last good index", async () => {
    await ensureIndex({ store, banks: [bank], embedder: await openaiEmbedder(llm) });
    const layout = storeLayout(store);
    const manifestBefore = readFileSync(layout.manifest, "utf8");
    const cacheFolder = path.join(store, "cache", "embeddings");
    const cacheBefore = readdirSync(cacheFolder).map((name) => readFileSync(path.join(cacheFolder, name), "utf8"));

    const file = path.join(bank, "numbered.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("Cold start dropped to 1.8s", "Cold start dropped to 1.7s"));
    // The edited story's vector comes back with 2 dimensions; the next reply is normal again.
    llm.fault("embeddings", { kind: "dimensions", dimensions: 2 });
    const failed = ensureIndex({ store, banks: [bank], embedder: await openaiEmbedder(llm) });
    await expect(failed).rejects.toMatchObject({ code: "PROVIDER_BAD_RESPONSE" });
    await expect(failed).rejects.toThrow(/2-dimension vectors|64-dimension vectors/);

    expect(readFileSync(layout.manifest, "utf8")).toBe(manifestBefore);
    expect(readdirSync(cacheFolder).map((name) => readFileSync(path.join(cacheFolder, name), "utf8"))).toEqual(cacheBefore);
    expect((await loadIndex(store)).index.dimensions).toBe(64);

    // The next run with a well-behaved server embeds only the edited story.
    const next = await ensureIndex({ store, banks: [bank], embedder: await openaiEmbedder(llm) });
    expect(next.status).toBe("rebuilt");
    expect(next.embedded).toBe(1);
    expect(cachedVectorLengths(store).every((length) => length === 64)).toBe(true);
  });

  it("a reply that cannot be used (a vector missing, a value that is not a number, one vector shorter) writes no vector", async () => {
    const rewrites = [
      (reply: any) => ({ ...reply, data: reply.data.slice(1) }),
      // 1e999 is valid JSON that reads as Infinity.
      (reply: any) => JSON.stringify(reply).replace(/"embedding":\[[^,\]]+/, '"embedding":[1e999'),
      (reply: any) => ({ ...reply, data: reply.data.map((item: any, index: number) => (index === 5 ? { ...item, embedding: item.embedding.slice(1) } : item)) }),
    ];
    for (const rewrite of rewrites) {
      llm.fault("embeddings", { kind: "rewrite-embeddings", rewrite });
      const failed = ensureIndex({ store, banks: [bank], embedder: await openaiEmbedder(llm) });
      await expect(failed).rejects.toMatchObject({ code: "PROVIDER_BAD_RESPONSE" });
      expect(cachedVectorLengths(store)).toEqual([]);
      await expect(loadIndex(store)).rejects.toMatchObject({ code: "STORE_CORRUPT" });
    }
  });

  it("keeps vectors from two servers serving the same model name at different sizes apart", async () => {
    const other = await startTestLlmServer({ dimensions: 2 });
    try {
      await ensureIndex({ store, banks: [bank], embedder: await openaiEmbedder(llm) });
      const switched = await ensureIndex({ store, banks: [bank], embedder: await openaiEmbedder(other) });
      expect(switched.status).toBe("rebuilt");
      expect(switched.manifest.embedder.dimensions).toBe(2);
      expect(switched.embedded).toBe(33);
      // Back to the first server: its vectors are still cached, under their own key.
      const back = await ensureIndex({ store, banks: [bank], embedder: await openaiEmbedder(llm) });
      expect(back.status).toBe("rebuilt");
      expect(back.manifest.embedder.dimensions).toBe(64);
      // At most one text is sent, to learn the size the server answers with now.
      expect(back.embedded).toBeLessThanOrEqual(1);
      const matched = await createMatcher(back.stories, back.index, await openaiEmbedder(llm)).match("Tell me about a conflict", { k: 2 });
      expect(matched.matches).toHaveLength(2);
    } finally {
      await other.close();
    }
  });

  it("a question embedded at another size than the index is PROVIDER_BAD_RESPONSE naming both, not an hnswlib error", async () => {
    await ensureIndex({ store, banks: [bank], embedder: await openaiEmbedder(llm) });
    // The size changed after the index was opened, as a long-running `coach serve` may see.
    const stored = await loadIndex(store);
    llm.dimensions = 2;
    const matching = createMatcher(stored.stories, stored.index, await openaiEmbedder(llm)).match("Tell me about a time you failed", { k: 3 });
    await expect(matching).rejects.toMatchObject({ code: "PROVIDER_BAD_RESPONSE" });
    await expect(matching).rejects.toThrow(/returned 2-dimension vectors where the index has 64; rebuild it with coach index <your bank> --force/);
  });

  it("keeps a current index when the provider cannot be reached", async () => {
    const gone = await startTestLlmServer({ dimensions: 64 });
    const embedder = await openaiEmbedder(gone);
    await ensureIndex({ store, banks: [bank], embedder });
    const url = gone.url;
    await gone.close();
    const fresh = await resolveProvider(loadConfig({ provider: "openai" }, { OPENAI_API_KEY: "k", OPENAI_BASE_URL: url, COACH_MAX_RETRIES: "0" })).createEmbedder();
    const result = await ensureIndex({ store, banks: [bank], embedder: fresh });
    expect(result.status).toBe("unchanged");
    expect(result.index.dimensions).toBe(64);
  });
});

describe("switching embedders (test LLM server, hnswlib on disk)", () => {
  let llm: TestLlmServer;
  beforeAll(async () => {
    llm = await startTestLlmServer({ dimensions: 24 });
  });
  afterAll(async () => llm.close());

  it("says the index was built with another embedder before embedding again, and switching back reuses the cached vectors", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "coach-switch-"));
    const store = path.join(root, ".coach");
    const local = resolveProvider(loadConfig({}, {})).createEmbedder();
    const first = await ensureIndex({ store, banks: [SAMPLE_BANK], embedder: await local });
    expect(first.notices).toEqual([]);
    const openai = await openaiEmbedder(llm);
    const switched = await ensureIndex({ store, banks: [SAMPLE_BANK], embedder: openai });
    expect(switched.embedded).toBe(33);
    expect(switched.notices).toContain(`the index was built with ${(await local).id}; embedding the banks with ${openai.id} now (vectors it embedded before are reused).`);
    const back = await ensureIndex({ store, banks: [SAMPLE_BANK], embedder: await resolveProvider(loadConfig({}, {})).createEmbedder() });
    expect(back.embedded).toBe(0);
    expect(back.notices.join(" ")).toContain(`the index was built with ${openai.id}`);
    // The same model at another server is said as such.
    const elsewhere = await resolveProvider(loadConfig({ provider: "openai" }, { OPENAI_API_KEY: "k", OPENAI_BASE_URL: `${llm.url}/`.replace("127.0.0.1", "localhost"), COACH_MAX_RETRIES: "0" })).createEmbedder();
    await ensureIndex({ store, banks: [SAMPLE_BANK], embedder: openai });
    const moved = await ensureIndex({ store, banks: [SAMPLE_BANK], embedder: elsewhere });
    expect(moved.notices.join(" ")).toContain(`the index was built with ${openai.id} at another server or size`);
  });
});
