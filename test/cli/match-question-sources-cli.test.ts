import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { jsonLines, runCoach } from "../support/run-coach.js";

// contracts: questions come from the argument, else --questions FILE (one per line, blank lines skipped), else stdin.
describe("where coach match takes its questions from", () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), "coach-question-sources-"));
  const file = path.join(folder, "loop.txt");
  writeFileSync(file, "Tell me about a time you failed\r\n\r\n   \nDescribe a conflict with a peer\n\n");

  it("reads a --questions file one question per line, skipping blank lines, CRLF or not", async () => {
    const run = await runCoach(["match", "--questions", file, "--json"]);
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout).map((line) => line.question)).toEqual(["Tell me about a time you failed", "Describe a conflict with a peer"]);
    // JSON Lines and nothing else: no blank line between records.
    expect(run.stdout.split("\n").filter((line) => line.trim() === "")).toEqual([""]);
  });

  it("reads standard input when neither is given", async () => {
    const run = await runCoach(["match", "--json"], { input: "Why did you leave your last team?\n\nTell me about a time you failed\n" });
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout).map((line) => line.question)).toEqual(["Why did you leave your last team?", "Tell me about a time you failed"]);
  });

  it("answers the argument when a --questions file is given too, and says on stderr that the file was not read", async () => {
    const run = await runCoach(["match", "Tell me about a time you went above and beyond", "--questions", file, "--json"]);
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout).map((line) => line.question)).toEqual(["Tell me about a time you went above and beyond"]);
    expect(run.stderr).toContain(`coach: --questions ${file} is not read: a question was given as an argument, and the argument comes first.`);
  });

  it("names the question a notice is about when there are several (a user audit: which one needed no story?)", async () => {
    const loop = path.join(folder, "mixed.txt");
    writeFileSync(loop, "Tell me about a time you failed\nWhy Amazon?\n");
    const run = await runCoach(["match", "--questions", loop, "-k", "1"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`coach: ${loop}:2: This is a motivation question`);
    // One question alone needs no name.
    const alone = await runCoach(["match", "Why Amazon?", "-k", "1"]);
    expect(alone.stderr).toContain("coach: This is a motivation question");
  });
});
