import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";

// A user audit's rambling draft: eight sentences of background, then the story's only step and its outcome.
const QUESTION = "Tell me about a time you improved a process";
const CORE = "Anyway, there were a lot of double bookings. I moved the reservations to an online booking tool. Double bookings stopped.";
const RAMBLE =
  "So, to give you some background, I worked for eight years in hospitality, first as a waiter, then as a shift supervisor, and then as a restaurant manager at a mid-sized Italian restaurant in Leeds that had about forty covers at lunch and eighty at dinner, and we had a team of around twenty-two people including kitchen staff, front of house, and two part-time cleaners. " +
  "The owner was a lovely man but quite old-fashioned, and he liked to do everything on paper, including the rota, the stock orders and the reservations book, which had been the same leather book since the restaurant opened in 1994. " +
  "The restaurant was always busy on Fridays and Saturdays, and the kitchen was quite small, so there were often bottlenecks, and the staff room was tiny, and the point of sale system was about ten years old and would crash sometimes. " +
  CORE;

describe("a rambling answer with its one step at the end", () => {
  const critique = critiqueAnswer(QUESTION, RAMBLE);
  const texts = (part: keyof typeof critique.star) => critique.star[part].spans.map((span) => span.text);

  it("reads the one step as the action, and the relative clause describing the old book as the scene", () => {
    expect(texts("action")).toEqual(["I moved the reservations to an online booking tool."]);
    expect(texts("situation")).toContain("which had been the same leather book since the restaurant opened in 1994.");
    expect(critique.ownership).toEqual({ i: 1, we: 0, weHeavy: false });
  });

  it("reads the state of the restaurant before the step as the setup, and only what changed as the result", () => {
    expect(texts("result")).toEqual(["Double bookings stopped."]);
    expect(texts("situation")).toEqual(expect.arrayContaining(["and the staff room was tiny", "and the kitchen was quite small", "Anyway, there were a lot of double bookings."]));
    expect(critique.issues.find((issue) => issue.code === "SETUP_TOO_LONG")?.message).toMatch(/^Setup takes (8|9)\d%/);
  });

  it("scores below the same story's last three sentences told alone", () => {
    const core = critiqueAnswer(QUESTION, CORE);
    expect(core.score).toBe(65);
    expect(critique.score).toBeLessThan(core.score);
  });
});
