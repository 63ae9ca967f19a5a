import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isCoachError } from "../../src/errors/index.js";
import { readModelFile } from "../../src/learning/index.js";

describe("readModelFile", () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), "coach-model-file-"));

  it("reads a model, and gives null for a missing file", () => {
    const file = path.join(folder, "ok.json");
    writeFileSync(file, '{"labels": ["a"], "bias": [0.5]}\n');
    expect(readModelFile(file, "npm run train:x")).toEqual({ labels: ["a"], bias: [0.5] });
    expect(readModelFile(path.join(folder, "absent.json"), "npm run train:x")).toBeNull();
  });

  it("refuses a damaged file, naming it and the command that rebuilds it", () => {
    const file = path.join(folder, "cut.json");
    writeFileSync(file, '{"labels": ["a"], "bias": [0.');
    let caught: unknown;
    try {
      readModelFile(file, "npm run train:x");
    } catch (error) {
      caught = error;
    }
    expect(isCoachError(caught)).toBe(true);
    expect((caught as Error).message).toContain(file);
    expect((caught as Error).message).toContain("npm run train:x");
  });
});
