import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { storeLayout } from "../../src/store/index.js";
import { jsonLines, runCoach, SAMPLE_BANK } from "../support/run-coach.js";

const hashFolder = (folder: string) =>
  readdirSync(folder)
    .sort()
    .map((name) => createHash("sha256").update(readFileSync(path.join(folder, name))).digest("hex"))
    .join(",");

describe("a vector index file damaged in place", () => {
  // hnswlib reads such a file without complaint; the first search then read far outside it and the process died
  // of a segmentation fault (exit 139, no message). The manifest's hash of the file now catches it first.
  it("is rebuilt from the bank with a notice, never searched, and the bank is left as it was", { timeout: 60_000 }, async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "coach-damaged-vectors-"));
    const store = path.join(root, ".coach");
    const bank = path.join(root, "bank");
    cpSync(SAMPLE_BANK, bank, { recursive: true });
    const before = hashFolder(bank);
    expect((await runCoach(["index", bank, "--store", store])).code).toBe(0);

    // The first node's neighbour count, just past the 96-byte header, made huge: the length and header stay valid.
    const vectors = storeLayout(store).vectors;
    const bytes = readFileSync(vectors);
    bytes.writeUInt32LE(0xffff, 96);
    writeFileSync(vectors, bytes);

    const run = await runCoach(["match", "Tell me about a time you failed", "-k", "1", "--json", "--store", store]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/vectors\.hnsw: the vector index is damaged.*rebuilding it from the bank/);
    expect(jsonLines(run.stdout)[0].matches).toHaveLength(1);
    expect(hashFolder(bank)).toBe(before);

    // Rebuilt for good: the next run finds the index current and says nothing about it.
    const again = await runCoach(["match", "Tell me about a time you failed", "-k", "1", "--json", "--store", store]);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toMatch(/damaged|rebuilding/);
  });
});
