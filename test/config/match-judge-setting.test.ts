import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";

function folderWith(config?: unknown): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), "coach-match-judge-config-"));
  if (config !== undefined) writeFileSync(path.join(folder, "coach.config.json"), JSON.stringify(config));
  return folder;
}

describe("the matchJudge setting follows the precedence of every setting", () => {
  it("on by default; file, then environment, then --no-judge win, each named as the source", () => {
    expect(loadConfig({}, {}, folderWith())).toMatchObject({ matchJudge: true, sources: { matchJudge: "default" } });
    const file = folderWith({ matchJudge: false });
    expect(loadConfig({}, {}, file)).toMatchObject({ matchJudge: false, sources: { matchJudge: "file" } });
    expect(loadConfig({}, { COACH_MATCH_JUDGE: "1" }, file)).toMatchObject({ matchJudge: true, sources: { matchJudge: "env" } });
    expect(loadConfig({ matchJudge: false }, { COACH_MATCH_JUDGE: "true" }, file)).toMatchObject({ matchJudge: false, sources: { matchJudge: "flag" } });
  });

  it("anything but 1/true/0/false is refused naming COACH_MATCH_JUDGE and the flag", () => {
    expect(() => loadConfig({}, { COACH_MATCH_JUDGE: "off" }, folderWith())).toThrow('COACH_MATCH_JUDGE: "off" is not a switch; use 1 or true (on), 0 or false (off), or --no-judge instead.');
    expect(() => loadConfig({}, {}, folderWith({ matchJudge: "no" }))).toThrow(/coach\.config\.json: matchJudge: true or false is needed, not a string\.$/);
  });
});
