import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBank } from "../../src/bank/index.js";
import { createCoach } from "../../src/cli/create-coach.js";
import { SessionStore } from "../../src/coach/index.js";
import { loadConfig } from "../../src/config/index.js";
import { LlmCritic } from "../../src/critique/index.js";
import { resolveProvider } from "../../src/providers/index.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { computeStoryFeatures, createInMemoryMatcher } from "../../src/retrieval/index.js";
import { withInferredPrinciples } from "../../src/understanding/index.js";
import { SAMPLE_BANK } from "../support/run-coach.js";
import { startTestLlmServer, type TestLlmServer } from "../support/test-llm-server.js";

describe("the coach the chat and the server build, with a provider", () => {
  let llm: TestLlmServer;
  beforeAll(async () => {
    llm = await startTestLlmServer();
  });
  afterAll(async () => llm.close());

  it("critiques mock-interview answers offline, even when the critic it is given calls the model", async () => {
    const config = loadConfig({ provider: "openai" }, { OPENAI_API_KEY: "k", OPENAI_BASE_URL: llm.url, COACH_MAX_RETRIES: "0" });
    const stories = withInferredPrinciples((await loadBank([SAMPLE_BANK])).stories);
    const chat = (await resolveProvider(config).createChatModel())!;
    const fallbacks: string[] = [];
    const coach = await createCoach(
      config,
      { matcher: await createInMemoryMatcher(stories, new InterviewEmbedder()), critic: new LlmCritic({ chat }), features: computeStoryFeatures(stories), stories },
      (reason) => fallbacks.push(reason),
    );
    const session = new SessionStore("/nonexistent").create();
    await coach.respond(session, "interview me on Frugality");
    const reply = await coach.respond(session, "At my last job our cloud bill doubled in a year. I owned the platform budget, so I tagged every resource, found 40 idle test clusters and, after two weeks of checking with each cluster's owner, shut them down. The bill fell by 30% the next quarter, and I learned to review costs every month.");
    // A one-question interview ends with this answer: its critique, then the summary.
    expect(reply.cards.map((card) => card.type)).toEqual(["critique", "summary"]);
    expect((reply.cards[0]!.data as { llm: unknown }).llm).toBeNull();
    expect(llm.requestsTo("chat")).toHaveLength(0);
    expect(fallbacks).toEqual([]);
  });
});
