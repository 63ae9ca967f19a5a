import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadBank } from "../../src/bank/index.js";
import { CoachEngine, LlmCoach, SessionStore } from "../../src/coach/index.js";
import { loadConfig } from "../../src/config/index.js";
import { OfflineCritic } from "../../src/critique/index.js";
import { resolveProvider } from "../../src/providers/index.js";
import { computeStoryFeatures, createInMemoryMatcher } from "../../src/retrieval/index.js";
import { readQuestionBank } from "../../src/understanding/question-bank.js";
import { withInferredPrinciples } from "../../src/understanding/index.js";
import { SAMPLE_BANK } from "../support/run-coach.js";
import { startTestLlmServer, type TestLlmServer } from "../support/test-llm-server.js";

const FAILED = { kind: "status" as const, status: 500 };

describe("the chat when the provider's embeddings fail", () => {
  let llm: TestLlmServer;
  let engine: CoachEngine;
  let coach: LlmCoach;
  let fallbacks: string[];
  beforeAll(async () => {
    llm = await startTestLlmServer();
    const provider = resolveProvider(loadConfig({ provider: "openai" }, { OPENAI_API_KEY: "k", OPENAI_BASE_URL: llm.url, COACH_MAX_RETRIES: "0" }));
    const stories = withInferredPrinciples((await loadBank([SAMPLE_BANK])).stories);
    // The bank is embedded while the provider works; it fails later, on the questions.
    const matcher = await createInMemoryMatcher(stories, await provider.createEmbedder());
    const critic = new OfflineCritic();
    const features = computeStoryFeatures(stories);
    engine = new CoachEngine({ matcher, critic, features, questions: readQuestionBank() });
    coach = new LlmCoach({ chat: (await provider.createChatModel())!, offline: engine, matcher, critic, features, bankTexts: stories.map((story) => story.text), onFallback: (reason) => fallbacks.push(reason) });
  });
  afterAll(async () => llm.close());
  beforeEach(() => {
    llm.requests.length = 0;
    fallbacks = [];
  });

  it("the offline coach still finds stories, by words and themes, and says so", async () => {
    llm.fault("embeddings", FAILED);
    const reply = await engine.respond(new SessionStore("/nonexistent").create(), "Which story for: tell me about a time you failed?");
    expect(llm.requestsTo("embeddings")).toHaveLength(1);
    expect(reply.text).toMatch(/^The provider's embeddings failed \(PROVIDER_ERROR\), so these stories are matched by words and themes only\./);
    const card = reply.cards[0];
    expect(card?.type).toBe("matches");
    if (card?.type !== "matches") return;
    expect(card.data.matches).toHaveLength(3);
    // The sample bank's own failure story is found without the vectors.
    expect(card.data.matches.map((match) => match.title)).toContain("Tell Me About a Time You Failed");
  });

  it("the model's story tool gets the stories and the notice, and the model answers: no fallback", async () => {
    llm.fault("embeddings", FAILED);
    llm.reply({ toolCalls: [{ name: "find_stories", arguments: { question: "Tell me about a time you failed" } }] }, { content: "Lead with the failure story." });
    const reply = await coach.respond(new SessionStore("/nonexistent").create(), "Which story for: tell me about a time you failed?");
    expect(reply.text).toBe("Lead with the failure story.");
    expect(fallbacks).toEqual([]);
    const output = JSON.parse(llm.requestsTo("chat")[1]!.body.messages.find((message: { role: string }) => message.role === "tool").content);
    expect(output.notices[0]).toMatch(/embeddings failed/);
    expect(output.matches).toHaveLength(3);
  });

  it("a mock interview answer is still critiqued", async () => {
    const session = new SessionStore("/nonexistent").create();
    await engine.respond(session, "interview me on Frugality");
    llm.fault("embeddings", FAILED);
    const story = (await loadBank([SAMPLE_BANK])).stories.find((candidate) => candidate.title.startsWith("Cut the reporting cluster bill"))!;
    const reply = await engine.respond(session, story.body);
    expect(session.interview!.turns[0]!.score).not.toBeNull();
    expect(reply.cards.some((card) => card.type === "critique")).toBe(true);
  });
});
