import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BaselineSchema, checkAgainstBaseline } from "../../src/evals/baseline.js";
import { runRetrievalEval } from "../../src/evals/run-retrieval-eval.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { PROJECT_ROOT, SAMPLE_BANK } from "../support/run-coach.js";

const baseline = BaselineSchema.parse(JSON.parse(readFileSync(path.join(PROJECT_ROOT, "evals/baseline.json"), "utf8")));
const dataset = { name: "sample-bank", file: path.join(PROJECT_ROOT, "evals/retrieval/sample-bank.jsonl"), banks: [SAMPLE_BANK] };

function figuresFor(metrics: { hitAt1: number; hitAt3: number; mrr: number; cases: number }) {
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return Object.fromEntries((["hitAt1", "hitAt3", "mrr"] as const).map((metric) => [`retrieval.sample-bank.hybrid.${metric}`, { value: round(metrics[metric]), cases: metrics.cases }]));
}

describe("the retrieval regression gate", () => {
  const onlyHybrid = (findings: ReturnType<typeof checkAgainstBaseline>) => findings.filter((finding) => finding.figure.startsWith("retrieval.sample-bank.hybrid."));

  it("passes the real hybrid configuration against the committed baseline", async () => {
    const report = await runRetrievalEval(dataset, new InterviewEmbedder(), [{ name: "hybrid", description: "", signals: ["dense", "lexical", "themes", "principles"] }]);
    const findings = onlyHybrid(checkAgainstBaseline(figuresFor(report.configurations[0]!.metrics), baseline));
    expect(findings).toHaveLength(3);
    expect(findings.every((finding) => finding.passed)).toBe(true);
  });

  it("fails a deliberately degraded configuration (plain BM25 posing as the hybrid)", async () => {
    const report = await runRetrievalEval(dataset, new InterviewEmbedder(), [{ name: "lexical", description: "", signals: ["lexical"], expandVocabulary: false }]);
    const findings = onlyHybrid(checkAgainstBaseline(figuresFor(report.configurations[0]!.metrics), baseline));
    expect(findings.filter((finding) => !finding.passed).map((finding) => finding.figure).sort()).toEqual([
      "retrieval.sample-bank.hybrid.hitAt1",
      "retrieval.sample-bank.hybrid.hitAt3",
      "retrieval.sample-bank.hybrid.mrr",
    ]);
  });

  it("allows a drop of exactly one case but not of two", () => {
    const value = baseline.figures["retrieval.sample-bank.hybrid.hitAt3"]!;
    const oneLess = checkAgainstBaseline({ "retrieval.sample-bank.hybrid.hitAt3": { value: value - 1 / 136, cases: 136 } }, { figures: { "retrieval.sample-bank.hybrid.hitAt3": value }, hits: {} });
    const twoLess = checkAgainstBaseline({ "retrieval.sample-bank.hybrid.hitAt3": { value: value - 2 / 136, cases: 136 } }, { figures: { "retrieval.sample-bank.hybrid.hitAt3": value }, hits: {} });
    expect(oneLess[0]!.passed).toBe(true);
    expect(twoLess[0]!.passed).toBe(false);
  });

  it("allows one case against a baseline rounded up to three decimals (79 of 80 kept as 0.988)", () => {
    const baseline = { figures: { "story-fit.x.spared": 0.988 }, hits: {} };
    const check = (hits: number) => checkAgainstBaseline({ "story-fit.x.spared": { value: Math.round((hits / 80) * 1000) / 1000, cases: 80 } }, baseline)[0]!.passed;
    expect(check(78)).toBe(true);
    expect(check(77)).toBe(false);
  });

  it("allows no scripted conversation to be lost (10 of 11 fails)", () => {
    const baseline = { figures: { "coach.scenarios.passRate": 1 }, hits: {} };
    const check = (passed: number) => checkAgainstBaseline({ "coach.scenarios.passRate": { value: Math.round((passed / 11) * 1000) / 1000, cases: 11 } }, baseline)[0]!.passed;
    expect(check(11)).toBe(true);
    expect(check(10)).toBe(false);
  });
});

import { runCoach } from "../support/run-coach.js";
describe("coach eval --check from the command line", () => {
  it("checks only the suites it ran", async () => {
    const run = await runCoach(["eval", "critique", "--check"], { timeoutMs: 60_000 });
    expect(run.code).toBe(0);
    // Critique only: 6 datasets x (8 flaws + macro F1 + macro F1 of the cue rules alone + score order) = 66 figures, and the
    // relevance check's 3 (separation, caught, spared); no retrieval or coach figures.
    expect(run.stderr).toMatch(/eval gate passed \(69 figures/);
  }, 60_000);

  it("an unknown suite or a second argument is a usage error", async () => {
    expect((await runCoach(["eval", "retrieval", "bogus"])).code).toBe(2);
    expect((await runCoach(["eval", "bogus"])).code).toBe(2);
  });
});
