import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ProviderError } from "../../src/errors/index.js";
import { ensureIndex } from "../../src/store/index.js";
import { openaiTestProvider } from "../support/openai-test-provider.js";
import { COACH_BIN, PROJECT_ROOT } from "../support/run-coach.js";
import { startTestLlmServer, type TestLlmServer } from "../support/test-llm-server.js";

const TRAINING_BANKS = path.join(PROJECT_ROOT, "corpus/retrieval-training/banks");
const banks = (...names: string[]) => names.map((name) => path.join(TRAINING_BANKS, name));

/** How many vectors the store's embedding cache files hold. */
function cachedVectors(store: string): number {
  const folder = path.join(store, "cache", "embeddings");
  if (!existsSync(folder)) return 0;
  return readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .reduce((sum, name) => sum + Object.keys(JSON.parse(readFileSync(path.join(folder, name), "utf8")).entries).length, 0);
}

/** Texts the server was asked to embed, over all its embeddings requests so far. */
function textsEmbedded(server: TestLlmServer): number {
  return server.requestsTo("embeddings").reduce((sum, request) => sum + (request.body as { input: string[] }).input.length, 0);
}

describe("an interrupted index build keeps the embeddings already paid for (test LLM server)", () => {
  let llm: TestLlmServer;
  let store: string;
  const { embedder } = openaiTestProvider(() => llm, { COACH_MAX_RETRIES: "0" });

  beforeAll(async () => {
    llm = await startTestLlmServer({ dimensions: 32 });
  });
  afterAll(async () => llm.close());
  beforeEach(() => {
    store = path.join(mkdtempSync(path.join(os.tmpdir(), "coach-checkpoints-")), ".coach");
    llm.requests.length = 0;
  });

  /** A healthy re-run over the same banks asks the provider for the texts not yet cached only, and caches them all. */
  async function expectReRunEmbedsOnlyTheRest(bankPaths: string[], cached: number): Promise<void> {
    llm.requests.length = 0;
    const built = await ensureIndex({ store, banks: bankPaths, embedder: await embedder() });
    expect(built.stories.length).toBeGreaterThan(cached);
    expect(built.embedded).toBe(built.stories.length - cached);
    // The first request is the size probe, made of texts not cached.
    expect(textsEmbedded(llm)).toBe(built.stories.length - cached);
    expect(cachedVectors(store)).toBe(built.stories.length);
  }

  it("a provider that fails on the second batch: the first batch is cached, and the re-run embeds only the rest", async () => {
    const three = banks("bank-a", "bank-b", "bank-c");
    llm.fault("embeddings", { kind: "latency", ms: 0 }, { kind: "status", status: 500 });
    await expect(ensureIndex({ store, banks: three, embedder: await embedder() })).rejects.toBeInstanceOf(ProviderError);
    expect(llm.requestsTo("embeddings")).toHaveLength(2);
    // One batch (64 texts) came back before the failure.
    expect(cachedVectors(store)).toBe(64);

    await expectReRunEmbedsOnlyTheRest(three, 64);
  });

  it("Ctrl-C during `coach index` with a slow provider loses at most the batches since the last write", async () => {
    const six = banks("bank-a", "bank-b", "bank-c", "bank-d", "bank-e", "bank-f");
    // Batch 1 quick, batch 2 slow enough that a checkpoint (every second) follows it, batch 3 hangs until Ctrl-C.
    llm.fault("embeddings", { kind: "latency", ms: 0 }, { kind: "latency", ms: 1_500 }, { kind: "hang" });
    const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: os.tmpdir(), OPENAI_API_KEY: "k", OPENAI_BASE_URL: llm.url, COACH_MAX_RETRIES: "0" };
    const args = ["index", ...six, "--provider", "openai", "--store", store];
    const child = spawn(process.execPath, [COACH_BIN, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const closed = new Promise<number | null>((resolve) => child.on("close", (code, signal) => resolve(code ?? (signal ? 130 : null))));
    const deadline = Date.now() + 15_000;
    while (llm.requestsTo("embeddings").length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(llm.requestsTo("embeddings"), stderr).toHaveLength(3);
    child.kill("SIGINT");
    expect(await closed).not.toBe(0);
    expect(cachedVectors(store)).toBe(128);

    await expectReRunEmbedsOnlyTheRest(six, 128);
  }, 30_000);
});
