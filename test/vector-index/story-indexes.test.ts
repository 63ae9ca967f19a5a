import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ExactStoryIndex } from "../../src/vector-index/exact-story-index.js";
import { HnswStoryIndex } from "../../src/vector-index/hnsw-story-index.js";
import { randomVectors, storyIndexContract } from "./story-index-contract.js";

storyIndexContract("exact scan", (items) => new ExactStoryIndex(items));
storyIndexContract("hnswlib, in memory", (items) => HnswStoryIndex.build(items));
storyIndexContract("hnswlib, written to disk and read back", (items) => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "coach-hnsw-")), "vectors.hnsw");
  HnswStoryIndex.build(items).save(file);
  return HnswStoryIndex.load(file, items.map((item) => item.id), items[0]!.vector.length);
});

describe("hnswlib index against the exact scan", () => {
  it("returns the same top 10 on 500 random stories (recall 1.0 at this size)", () => {
    const items = randomVectors(500, 32, 3);
    const exact = new ExactStoryIndex(items);
    const hnsw = HnswStoryIndex.build(items);
    for (const query of randomVectors(20, 32, 42)) {
      expect(hnsw.search(query.vector, 10).map((hit) => hit.id)).toEqual(exact.search(query.vector, 10).map((hit) => hit.id));
    }
  });

  it("refuses an index file whose story count disagrees with the manifest", () => {
    const items = randomVectors(5, 4, 1);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "coach-hnsw-")), "vectors.hnsw");
    HnswStoryIndex.build(items).save(file);
    expect(() => HnswStoryIndex.load(file, ["a", "b"], 4)).toThrow(expect.objectContaining({ code: "STORE_CORRUPT" }));
    expect(() => HnswStoryIndex.load(path.join(path.dirname(file), "missing.hnsw"), ["a"], 4)).toThrow(expect.objectContaining({ code: "STORE_CORRUPT" }));
  });
});
