import { beforeAll, describe, expect, it } from "vitest";
import { parseBankFiles } from "../../src/bank/index.js";
import { CoachEngine, SessionStore } from "../../src/coach/index.js";
import { OfflineCritic } from "../../src/critique/index.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { computeStoryFeatures, createInMemoryMatcher, type MatchResponse } from "../../src/retrieval/index.js";
import { withInferredPrinciples } from "../../src/understanding/index.js";
import { readQuestionBank } from "../../src/understanding/question-bank.js";

// Two stories about different events: two experiences, fewer than the three the chat asks for.
const BANK = `## Missed a launch date
S: Our team promised the billing export for March.
T: I owned the export service.
A: I skipped the load test to save a day, and the export timed out on launch.
R: We slipped two weeks; I added load tests to our release checklist.
L: I learned never to trade a test for a date.

## Settled a dispute over the schema
S: Two teams wanted different schemas for the orders table.
A: I met both leads, wrote up the trade-offs and proposed a versioned schema.
R: Both teams adopted it within a week.
`;

const TWO_OF_THREE = "Your bank has 2 experiences (tellings of the same events count once), so 2 are shown, not 3.";
const INTRODUCTION =
  "This is an introduction question, not a behavioural one: answer with a short summary of your background: what you do now, what you did before, and why this role. No story is needed.";
const UNMATCHED = "No story shares a word or a theme with this question, so none fits better than another: only the first in your bank is shown, not 3.";

/** Checks how a reply opens, showing both texts when it does not. */
const expectStart = (text: string, start: string) => expect(text.slice(0, start.length)).toBe(start);

describe("the chat's story search tells the user the match's notices", () => {
  let engine: CoachEngine;
  beforeAll(async () => {
    const stories = withInferredPrinciples(parseBankFiles([{ path: "two.md", sha256: "x", bytes: Buffer.from(BANK) }]).stories);
    const matcher = await createInMemoryMatcher(stories, new InterviewEmbedder());
    engine = new CoachEngine({ matcher, critic: new OfflineCritic(), features: computeStoryFeatures(stories), questions: readQuestionBank() });
  });
  const newSession = () => new SessionStore("/nonexistent").create();

  it("says an introduction question needs no story, above the one story it shows", async () => {
    const session = newSession();
    const tokens: string[] = [];
    const reply = await engine.respond(session, "Tell me about yourself", { token: (token) => tokens.push(token) });
    // No signal separates the stories, so the first in the bank is shown at 1 / (1 + e^0) = 0.50.
    expectStart(reply.text, `${INTRODUCTION}\n${UNMATCHED}\n\nFor "Tell me about yourself" (no clear theme):\n1. Missed a launch date (0.50)\n   Optional for an introduction question`);
    expect((reply.cards[0]!.data as MatchResponse).notices).toEqual([INTRODUCTION, UNMATCHED]);
    // Streamed and saved as said.
    expect(tokens.join("")).toBe(reply.text);
    expect(session.messages.at(-1)!.text).toBe(reply.text);
  });

  it("says why two stories are shown, not three, when asked which story fits", async () => {
    const reply = await engine.respond(newSession(), "Which story for: tell me about a time you failed?");
    expectStart(reply.text, `${TWO_OF_THREE}\n\nFor "tell me about a time you failed?" (`);
    expect(reply.text).toMatch(/\n1\. .+\n {3}.+\n2\. .+/);
  });

  it("gives the notices with a hint in a mock interview, before the question it waits on", async () => {
    // The session id seeds the question asked: a fixed one asks a known question (a random one sometimes asked one
    // that only one story shares words with, which has a notice of its own).
    const session = { ...newSession(), id: "s-notices01" };
    await engine.respond(session, "interview me on Frugality");
    const asked = session.interview!.turns[0]!.question;
    expect(asked).toBe("Tell me about a time being thrifty backfired. What did it cost and what would you do differently?");
    const reply = await engine.respond(session, "which story fits?");
    expectStart(reply.text, `${TWO_OF_THREE}\n\nFor "${asked}" (`);
    const waiting = `\n\nStill on question 1 of 1: ${asked}`;
    expect(reply.text.slice(-waiting.length)).toBe(waiting);
  });
});
