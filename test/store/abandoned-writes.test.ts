import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clearAbandonedWrites } from "../../src/store/index.js";

// The stopped build's process id: a live process, so only clearAbandonedWrites removes its half-built folder.
const PID = process.ppid;

describe("clearAbandonedWrites: the store after a build of this process was stopped part-way", () => {
  it("puts back the last good index left between the two renames of the swap, and removes what the build half-wrote", () => {
    const store = mkdtempSync(path.join(os.tmpdir(), "coach-abandoned-"));
    const file = (...parts: string[]) => path.join(store, ...parts);
    // Stopped between the renames: the old index moved aside, the new one not yet in place.
    mkdirSync(file(`index.old-${PID}-aaaaaa`));
    writeFileSync(file(`index.old-${PID}-aaaaaa`, "manifest.json"), "the last good manifest");
    mkdirSync(file(`index.building-${PID}-bbbbbb`));
    writeFileSync(file(`index.building-${PID}-bbbbbb`, "vectors.hnsw"), "half");
    writeFileSync(file("banks.json"), "{}");
    writeFileSync(file(`banks.json.tmp-${PID}-0badcafe`), "half");
    mkdirSync(file("cache", "embeddings"), { recursive: true });
    writeFileSync(file("cache", "embeddings", "local.json"), "{}");
    writeFileSync(file("cache", "embeddings", `local.json.tmp-${PID}-0badcafe`), "half");
    // Another process's: this process's own (alive) is left to it; an upload is the server's, not the build's.
    mkdirSync(file(`index.building-${process.pid}-cccccc`));
    mkdirSync(file("uploads"));
    writeFileSync(file("uploads", `mine.md.tmp-${PID}-0badcafe`), "the server's");

    return clearAbandonedWrites(store, PID).then(() => {
      expect(readdirSync(store).sort()).toEqual(["banks.json", "cache", "index", `index.building-${process.pid}-cccccc`, "uploads"]);
      expect(readFileSync(file("index", "manifest.json"), "utf8")).toBe("the last good manifest");
      expect(readdirSync(file("cache", "embeddings"))).toEqual(["local.json"]);
      expect(readdirSync(file("uploads"))).toEqual([`mine.md.tmp-${PID}-0badcafe`]);
    });
  });

  it("leaves a store with nothing abandoned as it is, and one that does not exist yet", async () => {
    const store = mkdtempSync(path.join(os.tmpdir(), "coach-abandoned-"));
    mkdirSync(path.join(store, "index"));
    writeFileSync(path.join(store, "banks.json"), "{}");
    await clearAbandonedWrites(store, PID);
    expect(readdirSync(store).sort()).toEqual(["banks.json", "index"]);
    await expect(clearAbandonedWrites(path.join(store, "missing"), PID)).resolves.toBeUndefined();
  });
});
