import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { ConfigError } from "../../src/errors/index.js";

function folderWith(config?: unknown): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), "coach-index-timeout-config-"));
  if (config !== undefined) writeFileSync(path.join(folder, "coach.config.json"), JSON.stringify(config));
  return folder;
}

describe("the index watchdog's limit (COACH_INDEX_TIMEOUT_MS, indexTimeoutMs)", () => {
  it("is 5 minutes by default; the file, then the environment, win, each named as the source", () => {
    expect(loadConfig({}, {}, folderWith())).toMatchObject({ indexTimeoutMs: 300_000, sources: { indexTimeoutMs: "default" } });
    const file = folderWith({ indexTimeoutMs: 120_000 });
    expect(loadConfig({}, {}, file)).toMatchObject({ indexTimeoutMs: 120_000, sources: { indexTimeoutMs: "file" } });
    expect(loadConfig({}, { COACH_INDEX_TIMEOUT_MS: "900000" }, file)).toMatchObject({ indexTimeoutMs: 900_000, sources: { indexTimeoutMs: "env" } });
    // An empty variable is unset, as for the other settings.
    expect(loadConfig({}, { COACH_INDEX_TIMEOUT_MS: "" }, file)).toMatchObject({ indexTimeoutMs: 120_000, sources: { indexTimeoutMs: "file" } });
  });

  it("refuses a value that is not a whole number from 100 ms to a day, naming the variable or the file", () => {
    for (const value of ["abc", "1.5", "99", "-1", "0", "86400001", "5m"]) {
      const refusal = () => loadConfig({}, { COACH_INDEX_TIMEOUT_MS: value }, folderWith());
      expect(refusal).toThrow(ConfigError);
      expect(refusal).toThrow(`COACH_INDEX_TIMEOUT_MS: "${value}" is not a whole number from 100 to 86400000.`);
    }
    expect(loadConfig({}, { COACH_INDEX_TIMEOUT_MS: "100" }, folderWith()).indexTimeoutMs).toBe(100);
    expect(loadConfig({}, { COACH_INDEX_TIMEOUT_MS: "86400000" }, folderWith()).indexTimeoutMs).toBe(86_400_000);
    const folder = folderWith({ indexTimeoutMs: 50 });
    expect(() => loadConfig({}, {}, folder)).toThrow(`${path.join(folder, "coach.config.json")}: indexTimeoutMs: `);
  });
});
