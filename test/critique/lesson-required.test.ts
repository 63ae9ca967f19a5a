import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";
import { questionAsksForLesson } from "../../src/critique/lesson-required.js";
import { profileText } from "../../src/understanding/index.js";

const asksForLesson = (question: string) => questionAsksForLesson(question, profileText(question, "question"));

describe("which questions ask for a lesson", () => {
  it.each([
    "Tell me about a time you failed.",
    "Tell me about a project that failed.",
    "Tell me about a time you caused a problem in production.",
    "Tell me about a time you shipped a bug to production.",
    "Tell me about a deal you lost.",
    "Tell me about a time your forecast was wrong.",
    "Tell me about a time something you were responsible for went wrong.",
    "What's the worst decision you've made at work?",
    "Tell me about a time you took a big risk that didn't pay off.",
    "Tell me about a time you admitted a mistake to your team.",
    "Describe a release that you'd handle differently if you did it again.",
    "Tell me about a time you led a migration. What would you do differently?",
    "Walk me through a project that slipped. When did you know, and who did you tell?",
    "Tell me about a time you had to tell your manager a launch date was going to slip.",
    "Tell me about a time you tried and failed.",
    "Tell me about a risk you took that failed.",
    "Tell me about a time you let quality slip.",
    "Tell me about a time you shipped late.",
    "Tell me about a time you brought down production.",
    "Tell me about a time the data proved you wrong.",
    "Tell me about a time you made a mistake that others had missed.",
  ])("asks: %s", (question) => {
    expect(asksForLesson(question)).toBe(true);
  });

  // Each names a failure word or theme that is not the speaker's own failure.
  it.each([
    "Give me an example of a time you blew past a target.",
    "Tell me about a time you acted on behalf of the whole company rather than just your own team.",
    "Tell me about a time you brought down your team's cloud bill. What did you change?",
    "Tell me about a time you noticed your team was regularly working late.",
    "Tell me about a time you had to deal with a customer who was wrong. How did you handle it?",
    "Tell me about a time you told a client something they didn't want to hear.",
    "Have you ever had a vendor fail to deliver something you needed? How did you keep moving?",
    "Describe a time you made a service noticeably more reliable, with fewer failures or errors.",
    "Tell me about a time you helped a colleague build confidence after a setback.",
    "Give me an example of when you let someone make a mistake so they'd learn from it.",
    "Describe a time you went along with a plan you thought was wrong.",
    "Tell me about a time you had a week to do what normally takes a month. What did you do differently?",
    "Tell me about a time you were racing the clock. How did you keep quality from slipping?",
    "Tell me about a time a coworker made a mistake. How did you handle it?",
    "Tell me about a time a teammate let you down.",
    "Tell me about a time you told your manager they were wrong.",
    "Tell me about a time you fixed someone else's mistake.",
    "Give me an example of when you sent work back to a supplier or vendor because it fell short.",
    "Give me an example of a habit you broke because someone called you out on it.",
  ])("does not ask: %s", (question) => {
    expect(asksForLesson(question)).toBe(false);
  });
});

describe("the critique of a success story", () => {
  it("does not ask a story about beating a target for a lesson", () => {
    const critique = critiqueAnswer(
      "Give me an example of a time you blew past a target.",
      "At Acme in 2023 I owned our quarterly onboarding target of 40 new merchants. I rebuilt the signup flow, cut the form from 14 fields to 5, and personally called the 30 merchants who had stalled. We onboarded 71 merchants that quarter, 78% over target.",
    );
    expect(critique.lesson.required).toBe(false);
    expect(critique.issues.map((issue) => issue.code)).not.toContain("MISSING_LESSON");
  });

  it("still asks a failure story for its lesson", () => {
    const critique = critiqueAnswer(
      "Tell me about a project that failed.",
      "At Acme in 2023 I led the rewrite of our billing export. I chose to rebuild it from scratch instead of fixing the old job, and I set a six-week plan. The rewrite ran four months late and the finance team missed two month-end closes.",
    );
    expect(critique.lesson.required).toBe(true);
    expect(critique.issues.map((issue) => issue.code)).toContain("MISSING_LESSON");
  });
});
