import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";

function folderWith(config?: unknown): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), "coach-hide-scores-config-"));
  if (config !== undefined) writeFileSync(path.join(folder, "coach.config.json"), JSON.stringify(config));
  return folder;
}

describe("the hideScores setting follows the precedence of every setting", () => {
  it("off by default; file, then environment, then the flag win, each named as the source", () => {
    expect(loadConfig({}, {}, folderWith())).toMatchObject({ hideScores: false, sources: { hideScores: "default" } });
    const file = folderWith({ hideScores: true });
    expect(loadConfig({}, {}, file)).toMatchObject({ hideScores: true, sources: { hideScores: "file" } });
    expect(loadConfig({}, { COACH_HIDE_SCORES: "0" }, file)).toMatchObject({ hideScores: false, sources: { hideScores: "env" } });
    expect(loadConfig({ hideScores: true }, { COACH_HIDE_SCORES: "false" }, file)).toMatchObject({ hideScores: true, sources: { hideScores: "flag" } });
    // --show-scores (false) beats the variable and the file too; absent, the environment decides.
    expect(loadConfig({ hideScores: false }, { COACH_HIDE_SCORES: "1" }, file)).toMatchObject({ hideScores: false, sources: { hideScores: "flag" } });
    expect(loadConfig({ hideScores: undefined }, { COACH_HIDE_SCORES: "1" }, folderWith())).toMatchObject({ hideScores: true, sources: { hideScores: "env" } });
  });

  it("an empty variable is unset; anything but 1/true/0/false is refused naming COACH_HIDE_SCORES", () => {
    expect(loadConfig({}, { COACH_HIDE_SCORES: " " }, folderWith({ hideScores: true }))).toMatchObject({ hideScores: true, sources: { hideScores: "file" } });
    for (const value of ["yes", "on", "2", "hide"]) {
      expect(() => loadConfig({}, { COACH_HIDE_SCORES: value }, folderWith())).toThrow(`COACH_HIDE_SCORES: "${value}" is not a switch; use 1 or true (on), 0 or false (off), or --hide-scores or --show-scores instead.`);
    }
    expect(() => loadConfig({}, {}, folderWith({ hideScores: "true" }))).toThrow(/coach\.config\.json: hideScores: true or false is needed, not a string\.$/);
    // Other settings are told in the same words, not the validator's ("Too small: expected number to be >=100").
    expect(() => loadConfig({}, {}, folderWith({ timeoutMs: 50 }))).toThrow(/coach\.config\.json: timeoutMs: too small \(at least 100, not 50\)\.$/);
  });
});
