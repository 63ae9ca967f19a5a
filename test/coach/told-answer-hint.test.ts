import { describe, expect, it } from "vitest";
import { readsAsToldAnswer } from "../../src/coach/chat-commands.js";
import { newSession } from "../../src/coach/session.js";
import { readQuestionBank } from "../../src/understanding/question-bank.js";
import { engineForSampleBank } from "../support/sample-engine.js";

// Audit: after a mock interview, a 25-word answer was matched as if it were a question, with no word on how to have it read.
const TOLD = "I rewrote the paging rules last spring and cut false pages by 60% in two weeks.";

describe("a short answer sent outside a mock interview", () => {
  it("finds stories as before, then says how to have it critiqued", async () => {
    const engine = await engineForSampleBank();
    const reply = await engine.respond(newSession("s-0000000000ab"), TOLD);
    expect(reply.cards.map((card) => card.type)).toEqual(["matches"]);
    expect(reply.text).toMatch(/That reads like an answer rather than a question[^\n]*send "critique: " and the answer/);
  });

  it("adds nothing to a question, a topic given as one, or a short command", async () => {
    const engine = await engineForSampleBank();
    for (const text of ["Tell me about a time you failed", "A time I failed to meet a deadline and what I learned from it", "I want a story about conflict", "coverage"]) {
      const reply = await engine.respond(newSession("s-0000000000ac"), text);
      expect(reply.text, text).not.toMatch(/reads like an answer/);
    }
  });

  it("reads none of the question bank's questions as a told answer", () => {
    const questions = readQuestionBank().map((question) => question.question);
    expect(questions.length).toBeGreaterThan(1000);
    expect(questions.filter(readsAsToldAnswer)).toEqual([]);
    expect(readsAsToldAnswer("We had a big outage last year and I restarted the database myself within twenty minutes.")).toBe(true);
  });

  it("reads a request for a story as one, though it names a step of the speaker's", () => {
    for (const text of [
      "I need a story for when I failed to deliver a project on time for a client",
      "My interviewer asked about a time I disagreed with my boss over a launch date",
      "Looking for a story where I led a team through a difficult migration under a deadline",
      "Something from when I joined a new team and had to learn the codebase fast",
    ]) {
      expect(readsAsToldAnswer(text), text).toBe(false);
    }
    for (const text of ["At the time I was the only backend engineer, so I rewrote the auth service in a week.", "I automated a time-consuming report and cut the monthly close from 5 days to 2."]) {
      expect(readsAsToldAnswer(text), text).toBe(true);
    }
  });
});
