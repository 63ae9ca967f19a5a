import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBank } from "../../src/bank/index.js";
import { PROJECT_ROOT, SEEDS_PATH } from "../support/run-coach.js";

// The second reader's answers are only worth comparing if they answer the set's own questions with the banks' own story ids.
const READER_DIR = path.join(PROJECT_ROOT, "evals", "retrieval", "second-reader");
const jsonLines = (file: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as { id: string; top3?: string[]; acceptable: string[] });

describe("the second reader's answers", () => {
  const files = readdirSync(READER_DIR).filter((file) => file.endsWith(".jsonl"));

  it("exist for the sample set and the three fresh seed-bank sets", () => {
    expect(files.sort()).toEqual(["sample-bank.jsonl", "seed-banks-fresh-2.jsonl", "seed-banks-fresh-3.jsonl", "seed-banks-fresh.jsonl"]);
  });

  // The seed banks' sets need ../shared/seeds beside the checkout.
  it.each(files.filter((file) => file === "sample-bank.jsonl" || existsSync(SEEDS_PATH)))("%s answers each question of its set once, with three distinct stories of its bank and at least one acceptable", async (file) => {
    const bank = file === "sample-bank.jsonl" ? path.join(PROJECT_ROOT, "corpus", "sample-bank") : SEEDS_PATH;
    const storyIds = new Set((await loadBank([bank])).stories.map((story) => story.id));
    const questions = jsonLines(path.join(PROJECT_ROOT, "evals", "retrieval", file)).map((entry) => entry.id);
    const answers = jsonLines(path.join(READER_DIR, file));
    expect(answers.map((answer) => answer.id)).toEqual(questions);
    for (const answer of answers) {
      expect(new Set(answer.top3).size, answer.id).toBe(3);
      expect(answer.acceptable.length, answer.id).toBeGreaterThan(0);
      for (const id of [...answer.top3!, ...answer.acceptable]) expect(storyIds.has(id), `${answer.id}: ${id}`).toBe(true);
    }
  });
});
