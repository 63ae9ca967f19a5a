import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";
import { detectNotAStory } from "../../src/critique/analyze-language.js";
import { tellsOwnStep } from "../../src/star/role-cues.js";

// Audit (session 19): "I single-handedly rebuilt the entire recommendation engine in one weekend, which increased
// revenue by 900%..." was told MISSING_ACTION: the cue rules let a plain adverb ("I quickly rebuilt") stand between
// the speaker and the verb but not a hyphenated one, so the clause was no step of the speaker's.
describe("a hyphenated adverb between the speaker and the step", () => {
  it("leaves the step the speaker's", () => {
    expect(tellsOwnStep("I single-handedly migrated the payroll system")).toBe(true);
    expect(tellsOwnStep("we half-heartedly patched the old exporter")).toBe(true);
    expect(detectNotAStory("I single-handedly migrated the payroll system.").pastActions).toBe(1);
  });

  it("credits the step as the action of a short story", () => {
    const answer =
      "I single-handedly migrated our payroll system over a long weekend, which cut processing costs by 30%. The finance director thanked me at the all-hands meeting.";
    const critique = critiqueAnswer("What is your proudest achievement?", answer);
    expect(critique.notAStory).toBe(false);
    expect(critique.star.action.present).toBe(true);
    expect(critique.star.action.spans.map((span) => span.text)).toEqual(["I single-handedly migrated our payroll system over a long weekend"]);
    expect(critique.issues.map((issue) => issue.code)).not.toContain("MISSING_ACTION");
    expect(critique.quantified).toBe(true);
  });
});
