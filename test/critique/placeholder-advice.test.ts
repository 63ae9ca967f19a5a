import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import type { ChatModel } from "../../src/core/chat-model.js";
import { LlmCritic } from "../../src/critique/index.js";
import { resolveProvider } from "../../src/providers/index.js";
import { startTestLlmServer, type TestLlmServer } from "../support/test-llm-server.js";

// Audit: an improved answer with two invented figures, both "[N]", gave "To improve" the same line twice.
describe("the advice to fill in the improved answer's placeholders", () => {
  let llm: TestLlmServer;
  beforeAll(async () => {
    llm = await startTestLlmServer();
  });
  afterAll(async () => llm.close());

  it("is said once per placeholder", async () => {
    llm.reply({
      json: {
        parts: { situation: { feedback: "ok" }, task: { feedback: "ok" }, action: { feedback: "ok" }, result: { feedback: "ok" }, lesson: { feedback: "ok" } },
        strengths: ["Clear"],
        improvements: ["Give the result a number."],
        followUps: ["What changed?"],
        improvedAnswer: "In 2019 I led 40 engineers through the migration and saved $5M.",
      },
    });
    const chat = (await resolveProvider(loadConfig({ provider: "openai" }, { OPENAI_API_KEY: "k", OPENAI_BASE_URL: llm.url, COACH_MAX_RETRIES: "0" })).createChatModel()) as ChatModel;
    const critique = await new LlmCritic({ chat }).critique("Tell me about a time you failed.", "I broke the build. I fixed it and learned to run the tests first.");
    const coaching = critique.llm as { improvedAnswer: string; improvements: string[] };
    expect(coaching.improvedAnswer).toBe("In [N] I led [N] through the migration and saved [$X].");
    expect(coaching.improvements).toEqual([
      "Give the result a number.",
      "The improved answer needs your real figure or name where it says [N].",
      "The improved answer needs your real figure or name where it says [$X].",
    ]);
  });
});
