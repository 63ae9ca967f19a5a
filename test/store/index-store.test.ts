import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { Embedder } from "../../src/core/embedder.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { loadBank } from "../../src/bank/index.js";
import { ensureIndex, loadIndex, storeLayout } from "../../src/store/index.js";
import { SAMPLE_BANK } from "../support/run-coach.js";

/** The real local embedder, counting the texts it is asked to embed. */
class CountingEmbedder implements Embedder {
  readonly inner = new InterviewEmbedder();
  readonly id = this.inner.id;
  readonly fingerprint = this.inner.fingerprint;
  readonly dimensions = this.inner.dimensions;
  embedded: string[] = [];
  async embed(texts: readonly string[]) {
    this.embedded.push(...texts);
    return this.inner.embed(texts);
  }
}

const hashFolder = (folder: string) =>
  readdirSync(folder)
    .sort()
    .map((name) => createHash("sha256").update(readFileSync(path.join(folder, name))).digest("hex"))
    .join(",");

describe("the story index in the store", () => {
  let store: string;
  let bank: string;
  let embedder: CountingEmbedder;

  beforeEach(() => {
    const root = mkdtempSync(path.join(os.tmpdir(), "coach-store-"));
    store = path.join(root, ".coach");
    bank = path.join(root, "bank");
    mkdirSync(bank);
    cpSync(SAMPLE_BANK, bank, { recursive: true });
    embedder = new CountingEmbedder();
  });

  it("builds once, then does nothing while the bank is unchanged, and never writes to the bank", async () => {
    const before = hashFolder(bank);
    const first = await ensureIndex({ store, banks: [bank], embedder });
    expect(first.status).toBe("built");
    expect(first.stories).toHaveLength(33);
    expect(first.embedded).toBe(33);
    for (const file of ["manifest", "stories", "vectors"] as const) expect(existsSync(storeLayout(store)[file])).toBe(true);
    const second = await ensureIndex({ store, banks: [bank], embedder });
    expect(second.status).toBe("unchanged");
    expect(embedder.embedded).toHaveLength(33);
    expect(hashFolder(bank)).toBe(before);
    const manifest = JSON.parse(readFileSync(storeLayout(store).manifest, "utf8"));
    expect(manifest).toMatchObject({ embedder: { id: embedder.id, dimensions: embedder.dimensions }, space: "cosine", storyIds: first.stories.map((story) => story.id) });
  });

  it("indexing another bank and then this one again embeds nothing: the earlier bank's vectors stay cached", async () => {
    const other = path.join(path.dirname(bank), "other");
    cpSync(path.join(SAMPLE_BANK, "..", "retrieval-training", "banks", "bank-a"), other, { recursive: true });
    await ensureIndex({ store, banks: [bank], embedder });
    const switched = await ensureIndex({ store, banks: [other], embedder });
    expect(switched.embedded).toBe(switched.stories.length);
    embedder.embedded = [];
    const back = await ensureIndex({ store, banks: [bank], embedder });
    expect(back.status).toBe("rebuilt");
    expect(back.embedded).toBe(0);
    expect(embedder.embedded).toHaveLength(0);
  });

  it("a cache file that cannot be written while a slow embedder runs: the run goes on, and ends in STORE_INACCESSIBLE naming the store", async () => {
    const slow = new CountingEmbedder();
    const inner = slow.embed.bind(slow);
    slow.embed = async (texts: readonly string[]) => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      return inner(texts);
    };
    // A folder where the cache file should be: every write of it fails, as on a read-only or full disk.
    mkdirSync(storeLayout(store).embeddingCache(slow.fingerprint), { recursive: true });
    const three = ["bank-a", "bank-b", "bank-c"].map((name) => path.join(SAMPLE_BANK, "..", "retrieval-training", "banks", name));
    const failed = await ensureIndex({ store, banks: three, embedder: slow }).catch((error: unknown) => error);
    expect(failed).toMatchObject({ code: "STORE_INACCESSIBLE" });
    expect((failed as Error).message).toContain(store);
    // Both batches were embedded: the failed checkpoint after the second did not stop the run.
    expect(slow.embedded.length).toBeGreaterThan(64);
  });

  it("rebuilds an index an older parser built, and stories saved without tags still load", async () => {
    await ensureIndex({ store, banks: [bank], embedder });
    const layout = storeLayout(store);
    // What an index from before the parser version was recorded looks like.
    const manifest = JSON.parse(readFileSync(layout.manifest, "utf8"));
    delete manifest.parserVersion;
    writeFileSync(layout.manifest, JSON.stringify(manifest));
    const stories = JSON.parse(readFileSync(layout.stories, "utf8"));
    writeFileSync(layout.stories, JSON.stringify(Array.isArray(stories) ? stories.map(({ tags: _, ...story }: { tags?: string[] }) => story) : stories));
    const result = await ensureIndex({ store, banks: [bank], embedder });
    expect(result.status).toBe("rebuilt");
    expect(result.stories.every((story) => Array.isArray(story.tags))).toBe(true);
    // Texts are unchanged, so the embedding cache answers: nothing is embedded again.
    expect(embedder.embedded).toHaveLength(33);
  });

  it("re-embeds only the story that was edited", async () => {
    await ensureIndex({ store, banks: [bank], embedder });
    const file = path.join(bank, "numbered.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("Cold start dropped to 1.8s", "Cold start dropped to 1.7s"));
    embedder.embedded = [];
    const result = await ensureIndex({ store, banks: [bank], embedder });
    expect(result.status).toBe("rebuilt");
    expect(result.embedded).toBe(1);
    expect(embedder.embedded).toHaveLength(1);
    expect(embedder.embedded[0]).toContain("1.7s");
  });

  it("holds exactly the banks last given: indexing another bank replaces the first", async () => {
    await ensureIndex({ store, banks: [bank], embedder });
    const other = path.join(path.dirname(bank), "other.md");
    writeFileSync(other, "## Cut the cloud bill\n**Situation:** Our bill doubled.\n**Action:** I rightsized the clusters.\n**Result:** Saved $30k a month.\n");
    const result = await ensureIndex({ store, banks: [other], embedder });
    expect(result.stories.map((story) => story.id)).toEqual(["other-cut-the-cloud-bill"]);
    expect((await loadIndex(store)).manifest.banks).toEqual([other]);
  });

  it("rebuilds a corrupt manifest, a truncated vector file or missing stories, saying so", async () => {
    const layout = storeLayout(store);
    for (const damage of [
      () => writeFileSync(layout.manifest, "{ not json"),
      () => writeFileSync(layout.vectors, Buffer.from([1, 2, 3])),
      () => writeFileSync(layout.stories, "[]"),
    ]) {
      await ensureIndex({ store, banks: [bank], embedder });
      damage();
      await expect(loadIndex(store)).rejects.toMatchObject({ code: "STORE_CORRUPT" });
      const result = await ensureIndex({ store, banks: [bank], embedder });
      expect(result.status).toBe("rebuilt");
      expect(result.notices.join(" ")).toMatch(/unreadable/);
      expect((await loadIndex(store)).stories).toHaveLength(33);
    }
  });

  it("recovers the last good index when a swap was interrupted between its two renames", async () => {
    await ensureIndex({ store, banks: [bank], embedder });
    renameSync(storeLayout(store).index, path.join(store, "index.old-12345-abcdef"));
    embedder.embedded = [];
    const result = await ensureIndex({ store, banks: [bank], embedder });
    expect(result.status).toBe("unchanged");
    expect(embedder.embedded).toHaveLength(0);
  });

  it("refuses an empty bank without touching the existing index", async () => {
    await ensureIndex({ store, banks: [bank], embedder });
    const before = readFileSync(storeLayout(store).manifest, "utf8");
    const empty = path.join(path.dirname(bank), "empty.md");
    writeFileSync(empty, "# Nothing here\n");
    await expect(ensureIndex({ store, banks: [empty], embedder })).rejects.toMatchObject({ code: "INPUT_EMPTY" });
    expect(readFileSync(storeLayout(store).manifest, "utf8")).toBe(before);
  });

  it("says a bank of pointer entries points at stories it does not hold", async () => {
    const pointers = path.join(path.dirname(bank), "pointers.md");
    writeFileSync(pointers, "## 1. Took ownership\nSee Q92\n\n## 2. Failure story\nSame as #1.\n");
    await expect(ensureIndex({ store, banks: [pointers], embedder })).rejects.toMatchObject({
      code: "INPUT_EMPTY",
      message: expect.stringContaining('no stories found: every entry is a pointer to a story that is not in the bank ("Took ownership", line 1; "Failure story", line 4).'),
    });
  });
});

describe("a store kept inside the bank folder (--store or COACH_HOME beside the stories)", () => {
  it("is not read as part of the bank: no story, warning or file from it, and the index stays unchanged once built", async () => {
    const bank = mkdtempSync(path.join(os.tmpdir(), "coach-store-inside-"));
    cpSync(SAMPLE_BANK, bank, { recursive: true });
    const store = path.join(bank, "coach-data");
    const embedder = new CountingEmbedder();
    const first = await ensureIndex({ store, banks: [bank], embedder });
    expect(first.status).toBe("built");
    // The store now holds JSON files (manifest, stories, embedding cache) that a folder bank would otherwise try to read.
    expect(existsSync(storeLayout(store).stories)).toBe(true);
    const second = await ensureIndex({ store, banks: [bank], embedder });
    expect(second.status).toBe("unchanged");
    expect(second.stories).toHaveLength(33);
    const bankFiles = readdirSync(SAMPLE_BANK, { recursive: true }).filter((name) => /\.(md|json|txt|markdown)$/.test(String(name)));
    const loaded = await loadBank([bank]);
    expect(loaded.files).toHaveLength(bankFiles.length);
    expect(loaded.warnings.filter((warning) => warning.code === "FILE_SKIPPED")).toEqual([]);
  });
});
