import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { jsonLines, runCoach } from "../support/run-coach.js";

const QUESTIONS = ["Tell me about a time you failed.", "Describe a conflict with a peer.", "Tell me about a time you saved money.", "Tell me about a production incident.", "Tell me about a time you mentored someone."];

/** `count` different questions, one a line (a number keeps each its own: repeats would be planned once). */
function questionLines(count: number): string {
  return Array.from({ length: count }, (_, index) => `${QUESTIONS[index % QUESTIONS.length]} (${index})`).join("\n");
}

describe("coach match --distinct plans one loop of at most 50 questions", () => {
  let cwd: string;
  beforeAll(() => {
    cwd = mkdtempSync(path.join(os.tmpdir(), "coach-plan-limit-"));
    writeFileSync(path.join(cwd, "fifty.txt"), `${questionLines(50)}\n\n\n`);
    writeFileSync(path.join(cwd, "fifty-one.txt"), `${questionLines(51)}\n`);
  });

  it("refuses 51 questions from a file or standard input before any work, naming where they came from (exit 3)", async () => {
    const limit = "51 questions; --distinct plans one interview loop, at most 50 questions (a loop is usually 4 to 8). Put each loop in its own file and plan it on its own, or drop --distinct to match every question separately.";
    const fromFile = await runCoach(["match", "--questions", "fifty-one.txt", "--distinct", "--json"], { cwd });
    expect(fromFile.code).toBe(3);
    expect(fromFile.stdout).toBe("");
    expect(fromFile.stderr.trim()).toBe(`coach: fifty-one.txt: ${limit}`);
    const fromStdin = await runCoach(["match", "--distinct"], { cwd, input: questionLines(51) });
    expect(fromStdin.code).toBe(3);
    expect(fromStdin.stderr.trim()).toBe(`coach: standard input: ${limit}`);
  });

  it("plans 50 (blank lines do not count), and matches 51 without --distinct", async () => {
    const planned = await runCoach(["match", "--questions", "fifty.txt", "--distinct", "--json"], { cwd });
    expect(planned.code).toBe(0);
    expect(jsonLines(planned.stdout)).toHaveLength(50);
    const separately = await runCoach(["match", "--questions", "fifty-one.txt", "--json"], { cwd });
    expect(separately.code).toBe(0);
    expect(jsonLines(separately.stdout)).toHaveLength(51);
  });
});
