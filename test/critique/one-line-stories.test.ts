import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";
import { detectNotAStory } from "../../src/critique/analyze-language.js";
import { readClauses } from "../../src/star/index.js";

const QUESTION = "Tell me about a time you made something work properly.";
const high = (critique: ReturnType<typeof critiqueAnswer>) => critique.issues.filter((issue) => issue.severity === "high").map((issue) => issue.code);

// Audit (session 19): a one-line past-tense story ("I rewrote the script, which cut the build from 40 to 12 minutes")
// was told it "never tells what you did on one occasion": the model read its opening step as no role, and an adverb
// between "I" and the verb hid the step from the story check. A line that tells an event is a story far too short.
describe("a story told in one line", () => {
  it("is a story, far too short, when its step is followed by the outcome the step made", () => {
    for (const answer of [
      "I rewrote our invoice exporter, which cut the nightly run from 90 to 20 minutes.",
      "I moved the cron jobs onto the queue, cutting failed runs from 30 a week to 2.",
      "Last spring I automated the weekly sales report, saving the analysts 6 hours a week.",
    ]) {
      const critique = critiqueAnswer(QUESTION, answer);
      expect(critique.notAStory, answer).toBe(false);
      expect(critique.star.action.present, answer).toBe(true);
      expect(critique.star.result.present, answer).toBe(true);
      expect(critique.quantified, answer).toBe(true);
      expect(high(critique), answer).toEqual(["TOO_SHORT"]);
      expect(critique.issues.find((issue) => issue.code === "TOO_SHORT")!.message).toMatch(/far too short/);
    }
  });

  it("reads the step before its outcome as the action, and the outcome as the result", () => {
    const clauses = readClauses("I rewrote our invoice exporter, which cut the nightly run from 90 to 20 minutes.");
    expect(clauses.map((clause) => clause.roles)).toEqual([["action"], ["result"]]);
  });

  it("is a story with an adverb between the speaker and the step", () => {
    const critique = critiqueAnswer(QUESTION, "I personally moved the cron jobs onto the queue and cut failed runs from 30 a week to 2.");
    expect(critique.notAStory).toBe(false);
    expect(high(critique)).toEqual(["TOO_SHORT"]);
    expect(detectNotAStory("Then we quickly rolled the release back.").pastActions).toBe(1);
    // An adverb of habit tells a routine, not a step taken once.
    expect(detectNotAStory("I usually checked the logs first.").pastActions).toBe(0);
  });

  it("takes no effort talk for the step, nor a clause that already tells the outcome with its own figure", () => {
    expect(readClauses("I worked really hard, which cut the nightly run from 90 to 20 minutes.")[0]!.roles).toEqual([]);
    const clauses = readClauses("My target was to reduce scrap at the plant by 5% that year. I managed to do much better than that, and I was proud of it: scrap ended the year down 19%, which saved about $120,000.");
    expect(clauses.find((clause) => clause.text.includes("much better"))!.roles).not.toContain("action");
    expect(critiqueAnswer(QUESTION, "Result: the nightly run went from 90 to 20 minutes.").notAStory).toBe(true);
  });
});
