import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { evaluateCritique, readCritiqueCases } from "../../src/evals/critique-eval.js";
import { renderHtmlReport } from "../../src/evals/report/render-html-report.js";
import { runRetrievalEval } from "../../src/evals/run-retrieval-eval.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { CHROMIUM_ARGS, CHROMIUM_PATH, HAVE_CHROMIUM } from "../support/chromium.js";
import { PROJECT_ROOT, SAMPLE_BANK } from "../support/run-coach.js";

describe.skipIf(!HAVE_CHROMIUM)("the HTML eval report in headless Chromium", () => {
  it("renders its charts from nothing but the file itself, and a screenshot is saved", async () => {
    const retrieval = await runRetrievalEval({ name: "sample-bank", file: path.join(PROJECT_ROOT, "evals/retrieval/sample-bank.jsonl"), banks: [SAMPLE_BANK] }, new InterviewEmbedder());
    const critique = evaluateCritique(await readCritiqueCases(path.join(PROJECT_ROOT, "evals/critique/drafts.jsonl")));
    const html = renderHtmlReport({ generatedAt: "test", retrieval: [retrieval], classifier: [], critique: [{ dataset: "drafts", ...critique }] });
    const folder = path.join(PROJECT_ROOT, "test-artifacts");
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, "report.html");
    writeFileSync(file, html);

    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const requests: string[] = [];
      page.on("request", (request) => requests.push(request.url()));
      await page.goto(`file://${file}`);
      const charts = await page.locator("svg.chart").count();
      expect(charts).toBe(2);
      // One bar per configuration and k (three ks), and one per flaw for the critique.
      const bars = await page.$$eval("svg.chart rect.bar", (nodes) => nodes.map((node) => ({ height: node.getBoundingClientRect().height, value: Number(node.getAttribute("data-value")) })));
      expect(bars).toHaveLength(retrieval.configurations.length * 3 + critique.metrics.length);
      const hybridHit3 = retrieval.configurations.find((entry) => entry.name === "hybrid")!.metrics.hitAt3;
      expect(bars.some((bar) => Math.abs(bar.value - hybridHit3) < 0.001)).toBe(true);
      for (const bar of bars.filter((entry) => entry.value > 0.05)) expect(bar.height).toBeGreaterThan(2);
      // Taller bars for larger values: the drawing matches the numbers.
      const sorted = [...bars].sort((a, b) => a.value - b.value);
      expect(sorted.at(-1)!.height).toBeGreaterThan(sorted[0]!.height);
      expect(await page.locator("table.confusion").count()).toBe(critique.metrics.length);
      expect(await page.locator("table.cases tr.miss").count()).toBe(retrieval.configurations.find((entry) => entry.name === "hybrid")!.cases.filter((item) => item.firstHit === null || item.firstHit > 3).length);
      expect(requests.filter((url) => !url.startsWith("file://"))).toEqual([]);
      await page.screenshot({ path: path.join(folder, "report.png") });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: path.join(folder, "report-phone.png") });
    } finally {
      await browser.close();
    }
  }, 60_000);
});
