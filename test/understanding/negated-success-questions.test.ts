import { describe, expect, it } from "vitest";
import { profileText, topEntries } from "../../src/understanding/index.js";

// A user audit: the commonest ways of asking for a setback say what did not happen ("a project that didn't go as
// planned", "a goal you weren't able to meet"). The cues knew "missed" and "failed" but few negations, so such
// questions were read as "no clear theme", or worse, as feedback received ("you weren't" became "I was not").
const topTheme = (question: string) => topEntries(profileText(question, "question").competencies, 1)[0];

describe("a question asking for something that did not succeed", () => {
  it.each([
    ["Tell me about a project that didn't go as planned.", "failure"],
    ["Tell me about a time a project didn't go the way you wanted.", "failure"],
    ["Tell me about a time things did not go according to plan.", "failure"],
    ["Tell me about a time you were unsuccessful.", "failure"],
    ["Tell me about a time you didn't succeed.", "failure"],
    ["Tell me about a time you let someone down.", "failure"],
    ["Tell me about a time you didn't get the result you wanted.", "failure"],
    ["Tell me about a time you weren't able to deliver what you promised.", "missed-goal"],
    ["Tell me about a time you were not able to meet a goal.", "missed-goal"],
    ["Tell me about a time you didn't achieve what you set out to do.", "missed-goal"],
    ["Tell me about a time you couldn't keep a promise to a customer.", "missed-goal"],
  ])("reads %j as %s", (question, theme) => {
    const top = topTheme(question)!;
    expect(top.name).toBe(theme);
    // Clearly: as clearly as "Tell me about a time you failed." is read (one plain cue).
    expect(top.score).toBeGreaterThan(0.6);
  });

  it("does not read 'you weren't able to' as feedback received, nor 'fell short of expectations' as feedback given", () => {
    for (const question of ["Tell me about a time you weren't able to deliver what you promised.", "Describe a time you fell short of expectations."]) {
      const themes = profileText(question, "question").competencies;
      expect(themes.get("feedback-received") ?? 0, question).toBeLessThan(0.3);
      expect(themes.get("feedback-given") ?? 0, question).toBeLessThan(0.3);
    }
    // The cues still fire where they mean what they say.
    expect(profileText("I was not communicating my progress, my manager said.", "story").evidence.get("feedback-received")?.map((match) => match.cue.source)).toContain("i was not");
    expect(profileText("I set clear expectations with him in a one on one.", "story").evidence.get("feedback-given")?.map((match) => match.cue.source)).toContain("clear expectations");
  });

  it("reads a question about a success as one", () => {
    expect(topTheme("Tell me about your most successful project.")!.name).toBe("exceeded-goal");
    expect(topTheme("What's your biggest win this year?")!.name).toBe("exceeded-goal");
  });
});

describe("'let ... down' (review)", () => {
  const failureCues = (text: string) => profileText(text, "story").evidence.get("failure")?.map((match) => match.cue.source) ?? [];
  it("is a failure when someone was let down", () => {
    expect(failureCues("I let my team down by skipping the handover.").filter((cue) => cue.startsWith("let "))).toHaveLength(1);
    expect(failureCues("I let her down.").filter((cue) => cue.startsWith("let "))).toHaveLength(1);
  });
  it.each(["We let traffic die down before starting the migration.", "I let things calm down before I raised it with him.", "I never let a customer down."])("is no failure in %j", (text) => {
    expect(failureCues(text)).toEqual([]);
  });
});

describe("a conflict in the other sense (user audit)", () => {
  const conflictCues = (text: string) => profileText(text, "story").evidence.get("conflict")?.map((match) => match.cue.source) ?? [];
  it("is not a disagreement in 'merge conflicts' or 'dependency conflicts'", () => {
    // A story of a missed code review ranked first for "a conflict with a coworker" on its branch's merge conflicts.
    expect(conflictCues("The branch sat for two weeks and got merge conflicts.")).toEqual([]);
    expect(conflictCues("We resolved the dependency conflicts in the build.")).toEqual([]);
  });
  it("still is one between people", () => {
    expect(conflictCues("I had a conflict with my manager about the roadmap.")).toEqual(["conflict*"]);
  });
});
