import { describe, expect, it } from "vitest";
import { CoachEngine } from "../../src/coach/index.js";
import { newSession } from "../../src/coach/session.js";
import { runCoachScenarios } from "../../src/evals/coach-eval.js";
import { loadBank } from "../../src/bank/index.js";
import { OfflineCritic } from "../../src/critique/index.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { computeStoryFeatures, createInMemoryMatcher } from "../../src/retrieval/index.js";
import { readQuestionBank } from "../../src/understanding/question-bank.js";
import { SAMPLE_BANK } from "../support/run-coach.js";

describe("the scripted-conversation runner", () => {
  it("fails a scenario whose expectation the coach does not meet, and passes one it does", async () => {
    const stories = (await loadBank([SAMPLE_BANK])).stories;
    const embedder = new InterviewEmbedder();
    const engine = new CoachEngine({
      matcher: await createInMemoryMatcher(stories, embedder),
      critic: new OfflineCritic(),
      features: computeStoryFeatures(stories),
      questions: readQuestionBank(),
    });
    const results = await runCoachScenarios(
      [
        { id: "ok", description: "help lists the mock interview", messages: ["help"], expect: [{ turn: 1, replyMatches: "mock interview" }] },
        { id: "bad", description: "an expectation that cannot hold", messages: ["help"], expect: [{ turn: 1, replyMatches: "^this text is never said$" }] },
      ],
      engine,
      (id) => newSession(id),
    );
    expect(results.map((result) => result.passed)).toEqual([true, false]);
    expect(results[1]!.failures[0]).toMatch(/reply 1 does not match/);
  });
});
