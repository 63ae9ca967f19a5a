import { mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBank } from "../../src/bank/index.js";
import { readRetrievalCases } from "../../src/evals/retrieval-dataset.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { createInMemoryMatcher } from "../../src/retrieval/index.js";
import { withInferredPrinciples } from "../../src/understanding/index.js";
import { PROJECT_ROOT, SAMPLE_BANK, jsonLines, runCoach } from "../support/run-coach.js";
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

describe("coach eval coach with an LLM driving: recorded, then replayed offline", () => {
  let llm: TestLlmServer;
  const replay = path.join(mkdtempSync(path.join(os.tmpdir(), "coach-replay-chat-")), "llm");
  beforeAll(async () => {
    llm = await startTestLlmServer();
    llm.reply({ content: "Here is what I would do." });
  });
  afterAll(async () => llm.close());

  const run = (baseUrl: string) =>
    runCoach(["eval", "coach", "--json"], { env: { COACH_PROVIDER: "openai", OPENAI_API_KEY: "k", OPENAI_BASE_URL: baseUrl, COACH_EVAL_REPLAY: replay, COACH_MAX_RETRIES: "0" }, timeoutMs: 60_000 });

  it("scores the same conversations from the replay folder when the provider is gone", async () => {
    const live = jsonLines((await run(llm.url)).stdout).filter((line) => line.suite === "coach-llm");
    expect(live).toHaveLength(11);
    const requests = llm.requestsTo("chat").length;
    expect(requests).toBeGreaterThan(0);
    // Interview scenarios stay with the offline engine; the ones the model answers depend on its words.
    expect(live.filter((line) => line.passed).map((line) => line.id)).toEqual(["c001", "c002", "c003", "c005", "c006", "c007", "c009", "c010"]);
    const offline = jsonLines((await run("http://127.0.0.1:1/v1")).stdout).filter((line) => line.suite === "coach-llm");
    expect(offline.map((line) => line.passed)).toEqual(live.map((line) => line.passed));
    expect(llm.requestsTo("chat")).toHaveLength(requests);
  }, 120_000);
});

describe("coach eval critique with a provider that fails every request", () => {
  let llm: TestLlmServer;
  beforeAll(async () => {
    llm = await startTestLlmServer();
  });
  afterAll(async () => llm.close());

  it("says why at once, stops asking after three drafts in a row fail, and exits 1", async () => {
    const missing = JSON.stringify({ error: { message: 'model "llama3.1" not found, try pulling it first', type: "api_error" } });
    llm.fault("chat", ...Array.from({ length: 120 }, () => ({ kind: "status" as const, status: 404, body: missing })));
    const replay = path.join(mkdtempSync(path.join(os.tmpdir(), "coach-replay-failing-")), "llm");
    const run = await runCoach(["eval", "critique", "--json", "--refresh"], {
      env: { COACH_PROVIDER: "openai", OPENAI_API_KEY: "k", OPENAI_BASE_URL: llm.url, COACH_CHAT_MODEL: "llama3.1", COACH_EVAL_REPLAY: replay, COACH_MAX_RETRIES: "0" },
      timeoutMs: 120_000,
    });
    expect(run.code).toBe(1);
    expect(llm.requestsTo("chat")).toHaveLength(3);
    const reasons = run.stderr.split("\n").filter((line) => line.includes("LLM critique unavailable"));
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain('check COACH_CHAT_MODEL (now "llama3.1")');
    expect(run.stderr).toMatch(/the provider failed on 3 drafts in a row and has answered none \(chat \(llama3\.1\): the provider answered HTTP 404: model "llama3\.1" not found.*COACH_CHAT_MODEL.*\); the other 105 are not sent and count as fallbacks\./);
    const line = jsonLines(run.stdout).find((entry) => entry.suite === "critique-llm");
    expect(line).toMatchObject({ cases: 108, answered: 0, fallbacks: 108, firstFallback: expect.stringContaining("HTTP 404") });
  }, 150_000);

  it("a reply replayed from the file is no sign the provider works: the stop still comes after three live failures", async () => {
    const fresh = await startTestLlmServer();
    const replay = path.join(mkdtempSync(path.join(os.tmpdir(), "coach-replay-partly-")), "llm");
    const env = { COACH_PROVIDER: "openai", OPENAI_API_KEY: "k", OPENAI_BASE_URL: fresh.url, COACH_CHAT_MODEL: "test-chat", COACH_EVAL_REPLAY: replay, COACH_MAX_RETRIES: "0" };
    const good = { parts: { situation: { feedback: "s" }, task: { feedback: "t" }, action: { feedback: "a" }, result: { feedback: "r" }, lesson: { feedback: "l" } }, strengths: ["x"], improvements: ["y"], followUps: ["z?"], improvedAnswer: "Same answer." };
    // The first run records one answer; every later request fails.
    fresh.reply({ json: good });
    fresh.fault("chat", { kind: "latency", ms: 0 }, ...Array.from({ length: 300 }, () => ({ kind: "status" as const, status: 500 })));
    const first = jsonLines((await runCoach(["eval", "critique", "--json", "--refresh"], { env, timeoutMs: 120_000 })).stdout).find((entry) => entry.suite === "critique-llm");
    expect(first).toMatchObject({ answered: 1, replayed: 0 });
    fresh.requests.length = 0;
    const second = await runCoach(["eval", "critique", "--json"], { env, timeoutMs: 120_000 });
    expect(jsonLines(second.stdout).find((entry) => entry.suite === "critique-llm")).toMatchObject({ answered: 1, replayed: 1, fallbacks: 107 });
    expect(fresh.requestsTo("chat")).toHaveLength(3);
    expect(second.code).toBe(0);
    await fresh.close();
  }, 150_000);
});

describe("coach eval retrieval with a chat model judging the matches", () => {
  let llm: TestLlmServer;
  beforeAll(async () => {
    llm = await startTestLlmServer();
  });
  afterAll(async () => llm.close());

  it("adds a row for the hybrid's first five ordered by the model's fit: judged all alike, they keep the ranking's order by score", async () => {
    // Every story judged workable: one level, so the ranking's order stands within it.
    llm.reply((body: any) => {
      const content: string = body.messages[1].content;
      const shown: Array<{ story: string }> = JSON.parse(content.slice(content.indexOf("{"))).stories;
      return { json: { stories: shown.map(({ story }) => ({ story, fit: "workable", why: "Fits.", leadWith: "action" })) } };
    });
    const replay = path.join(mkdtempSync(path.join(os.tmpdir(), "coach-replay-judge-")), "llm");
    const env = { COACH_PROVIDER: "openai", OPENAI_API_KEY: "k", OPENAI_BASE_URL: llm.url, COACH_CHAT_MODEL: "test-chat", COACH_EVAL_REPLAY: replay, COACH_MAX_RETRIES: "0" };
    const run = await runCoach(["eval", "retrieval", "--json", "--report", path.join(replay, "..", "report")], { env, timeoutMs: 240_000 });
    expect(run.code).toBe(0);
    const sample = jsonLines(run.stdout).filter((line) => line.suite === "retrieval" && line.dataset === "sample-bank");
    const hybrid = sample.find((line) => line.configuration === "hybrid")!;
    const judged = sample.find((line) => line.configuration === "hybrid + judge (openai:test-chat)")!;
    expect(judged).toBeDefined();
    // One level for all: the five stay the hybrid's five, ordered by the ranking's score (the offline fit's moving a
    // stretch down is the model's call now). The expected figures are counted here from the in-process matcher.
    const cases = await readRetrievalCases(path.join(PROJECT_ROOT, "evals/retrieval/sample-bank.jsonl"));
    const matcher = await createInMemoryMatcher(withInferredPrinciples((await loadBank([SAMPLE_BANK])).stories), new InterviewEmbedder());
    let firstAt1 = 0;
    let within3 = 0;
    let reciprocal = 0;
    let reordered = 0;
    for (const entry of cases) {
      // A story counts by any of its tellings, as the eval counts it.
      const five = (await matcher.match(entry.question, { k: 5 })).matches.map((match, rank) => ({ ids: [match.id, ...match.alsoTold.map((other) => other.id)], score: match.score, rank }));
      const firstHit = (list: typeof five) => list.findIndex((match) => match.ids.some((id) => entry.acceptable.includes(id)));
      const before = firstHit(five);
      five.sort((a, b) => b.score - a.score || a.rank - b.rank);
      const hit = firstHit(five);
      if (hit !== before) reordered++;
      if (hit === 0) firstAt1++;
      if (hit >= 0 && hit < 3) within3++;
      if (hit >= 0) reciprocal += 1 / (hit + 1);
    }
    // Else the figures below could not tell the two orders apart.
    expect(reordered).toBeGreaterThan(0);
    // The JSON lines round figures to three places.
    expect(judged.hitAt1).toBeCloseTo(firstAt1 / cases.length, 3);
    expect(judged.hitAt3).toBeCloseTo(within3 / cases.length, 3);
    expect(judged.mrr).toBeCloseTo(reciprocal / cases.length, 3);
    expect(judged.hitAt5).toBe(hybrid.hitAt5);
    expect(llm.requestsTo("chat").length).toBeGreaterThan(100);

    // The model now calls every first story a stretch: it drops to the end of the five, so hit@1 falls and hit@5 stays.
    llm.reply((body: any) => {
      const content: string = body.messages[1].content;
      const shown: Array<{ story: string }> = JSON.parse(content.slice(content.indexOf("{"))).stories;
      return { json: { stories: shown.map(({ story }) => ({ story, fit: story === "S1" ? "stretch" : "workable", why: "Fits.", leadWith: "action" })) } };
    });
    const demoted = await runCoach(["eval", "retrieval", "--json", "--refresh", "--report", path.join(replay, "..", "report")], { env, timeoutMs: 240_000 });
    const line = jsonLines(demoted.stdout).find((entry) => entry.suite === "retrieval" && entry.dataset === "sample-bank" && entry.configuration === "hybrid + judge (openai:test-chat)");
    expect(line.hitAt1).toBeLessThan(hybrid.hitAt1);
    expect(line.hitAt5).toBe(hybrid.hitAt5);
  }, 480_000);
});
