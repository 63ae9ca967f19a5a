import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { RETRIEVAL_CONFIGURATIONS } from "../../src/evals/run-retrieval-eval.js";
import { readRetrievalCases } from "../../src/evals/retrieval-dataset.js";
import { PROJECT_ROOT, SEEDS_PATH } from "../support/run-coach.js";
import { startTestLlmServer } from "../support/test-llm-server.js";

/** Runs `coach eval retrieval` in process with a terminal's stderr; the bar's counts as drawn. */
async function drawnCounts(env: Record<string, string>): Promise<number[][]> {
  const cwd = mkdtempSync(path.join(os.tmpdir(), "coach-eval-progress-"));
  let drawn = "";
  const stderr = Object.assign(new PassThrough(), { isTTY: true });
  stderr.on("data", (chunk) => (drawn += chunk));
  const stdout = new PassThrough();
  stdout.resume();
  const code = await runCli(["eval", "retrieval", "--report", path.join(cwd, "report")], { stdout, stderr, stdin: new PassThrough(), env: { COACH_EVAL_REPLAY: path.join(cwd, "replay"), ...env }, cwd });
  expect(code).toBe(0);
  return [...drawn.matchAll(/\rretrieval eval \[[#-]+\] (\d+)\/(\d+)/g)].map((match) => [Number(match[1]), Number(match[2])]);
}

// Each question of the sample bank's set is one step per configuration: the bar must count them all, and end full.
function expectCountedUp(counts: number[][], stepsPerSampleQuestion: number): void {
  expect(counts.length).toBeGreaterThan(0);
  const [done, total] = counts.at(-1)!;
  expect(total! % stepsPerSampleQuestion).toBe(0);
  expect(done).toBe(total);
  expect(counts.every(([step, of]) => of === total && step! <= total!)).toBe(true);
  // Drawn at every step, so no long stretch passes without it moving.
  expect(new Set(counts.map(([step]) => step)).size).toBe(total);
}

describe("coach eval's progress bar at a terminal", () => {
  it("counts up to every configuration over every question, not to 0 (it showed a full bar over '952/0')", async () => {
    const counts = await drawnCounts({});
    expectCountedUp(counts, RETRIEVAL_CONFIGURATIONS.length);
    expect(counts.at(-1)![1]! / RETRIEVAL_CONFIGURATIONS.length).toBeGreaterThanOrEqual(136);
  }, 120_000);

  it("with a provider, counts its embeddings' two rows and its model's judging too, the slow part (test LLM server)", async () => {
    const llm = await startTestLlmServer();
    try {
      llm.reply((body: any) => {
        const content: string = body.messages[1].content;
        const shown: Array<{ story: string }> = JSON.parse(content.slice(content.indexOf("{"))).stories;
        return { json: { stories: shown.map(({ story }) => ({ story, fit: "workable", why: "Fits.", leadWith: "action" })) } };
      });
      const counts = await drawnCounts({ COACH_PROVIDER: "openai", OPENAI_API_KEY: "k", OPENAI_BASE_URL: llm.url, COACH_CHAT_MODEL: "test-chat", COACH_MAX_RETRIES: "0" });
      // Per question: the offline configurations, the provider's dense and hybrid, and the judged hybrid. The seed
      // banks' sets run only with ../shared/seeds beside the checkout.
      const sets = readdirSync(path.join(PROJECT_ROOT, "evals", "retrieval")).filter((file) => file.endsWith(".jsonl") && (existsSync(SEEDS_PATH) || file === "sample-bank.jsonl"));
      const perSet = await Promise.all(sets.map(async (file) => ({ file, cases: await readRetrievalCases(path.join(PROJECT_ROOT, "evals", "retrieval", file)) })));
      const questions = perSet.reduce((sum, set) => sum + set.cases.length, 0);
      // A question asked again over the same bank (two seed sets share a few) is judged from the replay folder.
      const distinct = new Set(perSet.flatMap((set) => set.cases.map((entry) => `${set.file === "sample-bank.jsonl"}:${entry.question}`))).size;
      expect(counts.at(-1)![1]).toBe(questions * (RETRIEVAL_CONFIGURATIONS.length + 3));
      expectCountedUp(counts, RETRIEVAL_CONFIGURATIONS.length + 3);
      // Every question was judged, one request each but for those asked before, while the bar was drawn.
      expect(llm.requestsTo("chat").length).toBe(distinct);
    } finally {
      await llm.close();
    }
  }, 300_000);
});
