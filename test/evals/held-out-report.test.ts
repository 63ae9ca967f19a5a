import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { PROJECT_ROOT } from "../support/run-coach.js";

const HELD_OUT = "seed-banks-fresh-3";

/** Every case of a retrieval set: its id and question. */
function casesOf(file: string): Array<{ id: string; question: string }> {
  return readFileSync(path.join(PROJECT_ROOT, "evals/retrieval", file), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
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

    // None of its questions and none of its ids (h001 to h100), read as the reader sees them: JSON strings decoded, HTML
    // entities too. Whole questions: other sets' questions open with the same 40 characters as some of these.
    const heldOutCases = casesOf(`${HELD_OUT}.jsonl`);
    expect(heldOutCases).toHaveLength(100);
    const sampleQuestions = casesOf("sample-bank.jsonl").map((entry) => entry.question);
    const readable = {
      "report.json": JSON.stringify(report, null, 0).replace(/\\"/g, '"'),
      "report.md": readFileSync(path.join(folder, "report.md"), "utf8"),
      "report.html": readFileSync(path.join(folder, "report.html"), "utf8").replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))),
    };
    for (const [file, text] of Object.entries(readable)) {
      for (const entry of heldOutCases) {
        expect(text.includes(entry.question), `${file}: the question of ${entry.id}`).toBe(false);
        expect(new RegExp(`\\b${entry.id}\\b`).test(text), `${file}: ${entry.id}`).toBe(false);
      }
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
