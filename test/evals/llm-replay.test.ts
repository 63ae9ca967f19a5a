import { mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonLines, runCoach } from "../support/run-coach.js";
import { startTestLlmServer, type TestLlmServer } from "../support/test-llm-server.js";

describe("coach eval critique with an LLM: replayed offline from recorded replies", () => {
  let llm: TestLlmServer;
  const replay = path.join(mkdtempSync(path.join(os.tmpdir(), "coach-replay-")), "llm");
  beforeAll(async () => {
    llm = await startTestLlmServer();
    // Every reply invents one figure ("37%") that no draft contains, so each answered draft has one caught.
    llm.reply(() => ({
      json: {
        parts: { situation: { feedback: "s" }, task: { feedback: "t" }, action: { feedback: "a" }, result: { feedback: "r" }, lesson: { feedback: "l" } },
        strengths: ["x"],
        improvements: ["y"],
        followUps: ["z?"],
        improvedAnswer: "It improved by 37% overall.",
      },
    }));
  });
  afterAll(async () => llm.close());

  const run = (baseUrl: string, extra: string[] = []) =>
    runCoach(["eval", "critique", "--json", ...extra], {
      env: { COACH_PROVIDER: "openai", OPENAI_API_KEY: "k", OPENAI_BASE_URL: baseUrl, COACH_EVAL_REPLAY: replay, COACH_MAX_RETRIES: "0" },
      timeoutMs: 120_000,
    });

  it("records replies, replays them with the provider unreachable, and --refresh asks again", async () => {
    const first = jsonLines((await run(llm.url)).stdout).find((line) => line.suite === "critique-llm");
    expect(first).toMatchObject({ cases: 108, answered: 108, replayed: 0, fallbacks: 0, inventionsCaught: 108, draftsWithInventions: 108 });
    expect(readdirSync(replay)).toHaveLength(108);

    const offline = jsonLines((await run("http://127.0.0.1:1/v1")).stdout).find((line) => line.suite === "critique-llm");
    expect(offline).toMatchObject({ answered: 108, replayed: 108, fallbacks: 0 });

    const refreshed = jsonLines((await run("http://127.0.0.1:1/v1", ["--refresh"])).stdout).find((line) => line.suite === "critique-llm");
    expect(refreshed).toMatchObject({ answered: 0, fallbacks: 108 });
  }, 180_000);
});
