import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBank } from "../../src/bank/index.js";
import { readRetrievalCases } from "../../src/evals/retrieval-dataset.js";
import { runJudgedRetrievalEval } from "../../src/evals/run-retrieval-eval.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { createInMemoryMatcher, judgedMatch, JUDGED_STORIES, LlmMatchJudge } from "../../src/retrieval/index.js";
import { LlmCache } from "../../src/store/llm-cache.js";
import { withInferredPrinciples } from "../../src/understanding/index.js";
import { openaiTestProvider } from "../support/openai-test-provider.js";
import { PROJECT_ROOT, SAMPLE_BANK } from "../support/run-coach.js";
import { startTestLlmServer, type TestLlmServer } from "../support/test-llm-server.js";

const SPEC = { name: "sample-bank", file: path.join(PROJECT_ROOT, "evals/retrieval/sample-bank.jsonl"), banks: [SAMPLE_BANK] };

describe("the retrieval eval with a model judging the matches (test LLM server)", () => {
  let server: TestLlmServer;
  const provider = openaiTestProvider(() => server, { COACH_CHAT_MODEL: "test-chat", COACH_MAX_RETRIES: "0" });
  beforeAll(async () => {
    server = await startTestLlmServer();
  });
  afterAll(async () => server.close());

  it("stops asking a model that has failed three questions and answered none itself, though a reply was replayed from the file", async () => {
    const cases = await readRetrievalCases(SPEC.file);
    const judge = new LlmMatchJudge({ chat: await provider.chat(), cache: new LlmCache(mkdtempSync(path.join(os.tmpdir(), "judged-eval-"))) });
    // The replay file holds the first question's judgement, recorded when the model worked.
    server.reply((body: any) => {
      const content: string = body.messages[1].content;
      const shown: Array<{ story: string }> = JSON.parse(content.slice(content.indexOf("{"))).stories;
      return { json: { stories: shown.map(({ story }) => ({ story, fit: "workable", why: "Fits.", leadWith: "action" })) } };
    });
    const stories = withInferredPrinciples((await loadBank(SPEC.banks)).stories);
    const recorded = await judgedMatch(await createInMemoryMatcher(stories, new InterviewEmbedder()), judge, cases[0]!.question, JUDGED_STORIES);
    expect(recorded.judge).toMatchObject({ fallback: false, cached: false });
    server.requests.length = 0;
    // Now every request fails.
    server.fault("chat", ...Array.from({ length: 300 }, () => ({ kind: "status" as const, status: 500 })));
    let steps = 0;
    const report = await runJudgedRetrievalEval(SPEC, new InterviewEmbedder(), judge, "judged", () => steps++);
    expect(server.requestsTo("chat")).toHaveLength(3);
    // The progress bar still counts every question, those no longer asked about included.
    expect(steps).toBe(cases.length);
    expect(report.fallbacks).toBe(cases.length - 1);
    expect(report.cases).toHaveLength(cases.length);
  });
});
