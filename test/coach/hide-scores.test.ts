import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBank } from "../../src/bank/index.js";
import { CoachEngine, LlmCoach, SessionStore } from "../../src/coach/index.js";
import { loadConfig } from "../../src/config/index.js";
import { OfflineCritic } from "../../src/critique/index.js";
import { resolveProvider } from "../../src/providers/index.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { computeStoryFeatures, createInMemoryMatcher, type StoryMatcher, type StoryFeatures } from "../../src/retrieval/index.js";
import { withInferredPrinciples } from "../../src/understanding/index.js";
import { readQuestionBank } from "../../src/understanding/question-bank.js";
import { SAMPLE_BANK } from "../support/run-coach.js";
import { startTestLlmServer, type TestLlmServer } from "../support/test-llm-server.js";

// No result, and 22 words (about 9 s at 150 words a minute): MISSING_RESULT, then TOO_SHORT (both high: far too short).
const THIN = "Our reports disagreed with finance, so I traced both queries back to the source tables and found they used different date fields.";
// Situation, task, action and a result with a figure, but 32 words (12.8 s, shown as 13): only TOO_SHORT (far too short), which the mock interviewer probes.
const COMPLETE = "Last year our cloud bill doubled while traffic stayed flat. I owned the platform budget, so I found idle clusters and rightsized the databases. The bill fell by 40% within a month.";
const TOO_SHORT_13 =
  "About 13 s spoken: far too short for an interview answer, with room for a clause on each part at most. Aim for 1-2 minutes: the situation in a sentence or two, then your steps, then how it turned out.";

let matcher: StoryMatcher;
let features: readonly StoryFeatures[];
beforeAll(async () => {
  const stories = withInferredPrinciples((await loadBank([SAMPLE_BANK])).stories);
  matcher = await createInMemoryMatcher(stories, new InterviewEmbedder());
  features = computeStoryFeatures(stories);
});
const engine = (hideScores: boolean) => new CoachEngine({ matcher, critic: new OfflineCritic(), features, questions: readQuestionBank(), hideScores });

describe("low-anxiety mode in the chat: the coaching in words, no 0-100 scores", () => {
  it("a mock interview's feedback and summary say what to work on per principle instead of scoring it", async () => {
    const coach = engine(true);
    // A fixed session id fixes the questions asked (the id seeds the choice): neither wants a lesson.
    const session = { ...new SessionStore("/nonexistent").create(), id: "s-hidescores01" };
    await coach.respond(session, "interview me on Dive Deep and Frugality");
    expect(session.interview!.turns.map((turn) => turn.question)).toEqual([
      "Walk me through how you got to the bottom of a sudden drop in a key metric.",
      "Have you ever reused existing tools or parts instead of buying new ones? What happened?",
    ]);
    const probed = await coach.respond(session, THIN);
    // Nine seconds is a line or two: the interviewer does not pretend it gave the picture.
    expect(probed.text).toBe("That's only a line or two. What was the outcome? How did you know it had worked?");
    const skipped = await coach.respond(session, "skip");
    expect(skipped.text.split("\n")[0]).toBe("Skipped the follow-up; your first answer stands as you gave it.");
    // Complete but far too short: asked for the rest, like the thin answer; skipping it keeps the answer's feedback.
    const probedAgain = await coach.respond(session, COMPLETE);
    expect(probedAgain.text).toBe("That's very brief. Walk me through it in more detail: what was going on, what did you do step by step, and how did it end?");
    const end = await coach.respond(session, "skip");
    expect(end.text).toBe(
      [
        "Skipped the follow-up; your first answer stands as you gave it.",
        "",
        "Interview summary:",
        // The turn's issues in severity order, as practice advice (src/coach/practise-advice.ts).
        "- Dive Deep: answered; work on: end every answer on the outcome, and give enough detail for a minute or two (follow-up not answered)",
        "- Frugality: answered; work on: give enough detail for a minute or two (follow-up not answered)",
        "Practise next: give enough detail for a minute or two; end every answer on the outcome.",
      ].join("\n"),
    );
    for (const message of session.messages.filter((entry) => entry.role === "coach")) {
      expect(message.text).not.toMatch(/\/100|\bscore\b|\d%/i);
    }
    // The cards keep every score (the contract's card data), for pages and scripts that choose what to show.
    const summary = end.cards.find((card) => card.type === "summary")!.data as { turns: Array<{ score: number | null }> };
    expect(summary.turns.map((turn) => typeof turn.score)).toEqual(["number", "number"]);
    expect(typeof (probedAgain.cards.find((card) => card.type === "critique")!.data as { score: unknown }).score).toBe("number");
  });

  it("a critique reply lists the parts told, the issues and a follow-up, without its score", async () => {
    const session = new SessionStore("/nonexistent").create();
    const reply = await engine(true).respond(session, `critique: ${COMPLETE}`);
    expect(reply.text).toBe(
      [
        'Against "Tell me about a time you made a difference at work.": situation yes, task yes, action yes, result yes, lesson no.',
        `- ${TOO_SHORT_13}`,
        "An interviewer would ask: What was the hardest decision along the way, and what alternatives did you consider?",
      ].join("\n"),
    );
    // Without the mode, the same reply carries its score (the sentence the mode takes out).
    const scored = await engine(false).respond(new SessionStore("/nonexistent").create(), `critique: ${COMPLETE}`);
    expect(scored.text.split("\n")[0]).toMatch(/^Against "Tell me about a time you made a difference at work\.": score \d+\/100 \(situation yes, task yes, action yes, result yes, lesson no\)\.$/);
  });
});

describe("low-anxiety mode with a language model", () => {
  let llm: TestLlmServer;
  beforeAll(async () => {
    llm = await startTestLlmServer();
  });
  afterAll(async () => llm.close());

  it("gives the model the critique without its score, and asks it to give none", async () => {
    const critic = new OfflineCritic();
    const chat = (await resolveProvider(loadConfig({ provider: "openai" }, { OPENAI_API_KEY: "k", OPENAI_BASE_URL: llm.url, COACH_MAX_RETRIES: "0" })).createChatModel())!;
    const coach = new LlmCoach({ chat, offline: engine(true), matcher, critic, features, bankTexts: [], hideScores: true });
    llm.reply({ toolCalls: [{ name: "critique_answer", arguments: { question: "Tell me about saving money.", answer: COMPLETE } }] }, { content: "Your answer has every part. Make it longer." });
    const reply = await coach.respond(new SessionStore("/nonexistent").create(), "Is this answer good?");
    expect(reply.text).toBe("Your answer has every part. Make it longer.");
    const second = llm.requestsTo("chat")[1]!.body.messages;
    expect(JSON.parse(second.find((message: any) => message.role === "tool").content)).toEqual({
      issues: [TOO_SHORT_13],
      followUps: ["What was the hardest decision along the way, and what alternatives did you consider?"],
    });
    expect(second[0].content).toMatch(/\n\nThe candidate asked not to see scores\. Give no score, grade, rating or percentage of quality;/);
    expect(second.filter((message: any) => message.role === "system")).toHaveLength(1);
  });
});
