import { beforeAll, describe, expect, it } from "vitest";
import { parseBankFiles } from "../../src/bank/index.js";
import { CoachEngine, SessionStore } from "../../src/coach/index.js";
import { questionInStoryRequest } from "../../src/coach/chat-commands.js";
import { OfflineCritic } from "../../src/critique/index.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { computeStoryFeatures, createInMemoryMatcher } from "../../src/retrieval/index.js";
import { withInferredPrinciples } from "../../src/understanding/index.js";
import { readQuestionBank } from "../../src/understanding/question-bank.js";

describe("the question in a request for stories", () => {
  it("is what follows the request's own words, however the request is put", () => {
    const failed = "Tell me about a time you failed";
    expect(questionInStoryRequest(`Which of my stories fits: ${failed}`)).toBe(failed);
    expect(questionInStoryRequest(`Which story fits: ${failed}?`)).toBe(`${failed}?`);
    expect(questionInStoryRequest(`which story for: ${failed}`)).toBe(failed);
    expect(questionInStoryRequest(`which stories fit this question: ${failed}`)).toBe(failed);
    expect(questionInStoryRequest(`please, which story fits best - ${failed}`)).toBe(failed);
    expect(questionInStoryRequest(`Find me a story for: ${failed}`)).toBe(failed);
    expect(questionInStoryRequest("Story for: biggest failure?")).toBe("biggest failure?");
    expect(questionInStoryRequest(`What story should I use for "${failed}"?`)).toBe(`${failed}?`);
  });

  it("is the whole message when it is no such request, or the request names no question", () => {
    expect(questionInStoryRequest("Tell me about a time you failed")).toBe("Tell me about a time you failed");
    expect(questionInStoryRequest("Stories of failure?")).toBe("Stories of failure?");
    expect(questionInStoryRequest("Which story fits?")).toBe("Which story fits?");
    expect(questionInStoryRequest("What stories are in my bank?")).toBe("What stories are in my bank?");
  });
});

describe("the chat asked which of the user's stories fits a question", () => {
  let engine: CoachEngine;
  beforeAll(async () => {
    const bank = "## Missed a launch date\nS: We promised the billing export for March.\nA: I skipped the load test to save a day.\nR: We slipped two weeks.\nL: I learned never to trade a test for a date.\n";
    const stories = withInferredPrinciples(parseBankFiles([{ path: "one.md", sha256: "x", bytes: Buffer.from(bank) }]).stories);
    engine = new CoachEngine({ matcher: await createInMemoryMatcher(stories, new InterviewEmbedder()), critic: new OfflineCritic(), features: computeStoryFeatures(stories), questions: readQuestionBank() });
  });

  it("matches the question alone, not the request's words with it", async () => {
    const reply = await engine.respond(new SessionStore("/nonexistent").create(), "Which of my stories fits: Tell me about a time you failed");
    // Before: 'For "Which of my stories fits: Tell me about a time you failed"'.
    expect(reply.text).toContain('For "Tell me about a time you failed" (');
  });
});
