import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { PROJECT_ROOT } from "../support/run-coach.js";

const HELD_OUT = "seed-banks-fresh-3";

function firstQuestion(file: string): string {
  return JSON.parse(readFileSync(path.join(PROJECT_ROOT, "evals/retrieval", file), "utf8").split("\n")[0]!).question;
}

describe("a held-out retrieval set in the eval report", () => {
  it("shows its totals and none of its questions, misses or hits; the other sets keep their cases", async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), "coach-eval-held-out-"));
    const folder = path.join(cwd, "report");
    const stdout = new PassThrough();
    stdout.resume();
    const stderr = new PassThrough();
    stderr.resume();
    const code = await runCli(["eval", "retrieval", "--report", folder], { stdout, stderr, stdin: new PassThrough(), env: {}, cwd });
    expect(code).toBe(0);

    const report = JSON.parse(readFileSync(path.join(folder, "report.json"), "utf8"));
    const heldOut = report.retrieval.find((entry: { dataset: string }) => entry.dataset === HELD_OUT);
    expect(heldOut.heldOut).toBe(true);
    const hybrid = heldOut.configurations.find((entry: { name: string }) => entry.name === "hybrid");
    expect(hybrid.metrics.cases).toBe(100);
    expect(hybrid.metrics.hitAt3).toBeGreaterThan(0);
    for (const entry of heldOut.configurations) expect(entry.cases).toEqual([]);
    const sample = report.retrieval.find((entry: { dataset: string }) => entry.dataset === "sample-bank");
    expect(sample.heldOut).toBeUndefined();
    expect(sample.configurations.find((entry: { name: string }) => entry.name === "hybrid").cases).toHaveLength(136);

    const heldOutQuestion = firstQuestion(`${HELD_OUT}.jsonl`);
    const sampleQuestions = readFileSync(path.join(PROJECT_ROOT, "evals/retrieval/sample-bank.jsonl"), "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line).question as string);
    for (const file of ["report.json", "report.md", "report.html"]) {
      const text = readFileSync(path.join(folder, file), "utf8");
      expect(text, file).not.toContain(heldOutQuestion.slice(0, 40));
      expect(text, file).not.toMatch(/"h0\d\d"|\bh0\d\d:/);
    }
    // The other sets still show theirs (the JSON report lists every case; the pages show the misses first).
    expect(readFileSync(path.join(folder, "report.json"), "utf8")).toContain(JSON.stringify(sampleQuestions[0]).slice(1, 41));
    expect(readFileSync(path.join(folder, "report.html"), "utf8")).toContain("Held out: only its totals are shown");
  }, 240_000);

  it("names none of its questions in the committed baseline", () => {
    const baseline = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "evals/baseline.json"), "utf8"));
    expect(Object.keys(baseline.hits)).toContain("sample-bank/hybrid");
    expect(Object.keys(baseline.hits)).not.toContain(`${HELD_OUT}/hybrid`);
    expect(baseline.figures[`retrieval.${HELD_OUT}.hybrid.hitAt3`]).toBeGreaterThan(0);
  });
});
