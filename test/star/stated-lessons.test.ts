import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";
import { statedLesson } from "../../src/star/stated-lessons.js";

const FAILED = "At my first job I pushed a config change on a Friday without load testing it. It took checkout down for two hours. I rolled it back and wrote up what happened.";
const texts = (spans: Array<{ text: string }>) => spans.map((span) => span.text);

describe("a lesson stated on a failure question", () => {
  it.each([
    "I learned to always load test.",
    "I learned never to skip the load test.",
    "The lesson: always load test.",
    "My takeaway: load test every change.",
    "The lesson was to always load test.",
    "What I took away is that every change needs a load test.",
    "Since then I always load test before a release.",
    "Next time I would load test first.",
  ])("hears %j as the lesson, and not as the result", (lesson) => {
    const critique = critiqueAnswer("Tell me about a time you failed", `${FAILED} ${lesson}`);
    expect(critique.lesson).toEqual({ required: true, present: true });
    expect(texts(critique.star.lesson.spans)).toEqual([lesson]);
    expect(texts(critique.star.result.spans)).not.toContain(lesson);
    expect(critique.issues.map((issue) => issue.code)).not.toContain("MISSING_LESSON");
  });

  it("takes the clause after a dash as the lesson it names", () => {
    const critique = critiqueAnswer("Tell me about a time you failed", `${FAILED} The lesson — always load test.`);
    expect(texts(critique.star.lesson.spans)).toEqual(["The lesson", "always load test."]);
    expect(critique.star.result.spans).toEqual([]);
  });

  it("does not take learning mentioned before anything happened as the lesson", () => {
    const critique = critiqueAnswer("Tell me about a time you failed", `I learned to code at a bootcamp in 2019. ${FAILED}`);
    expect(critique.lesson).toEqual({ required: true, present: false });
  });

  it.each([
    // A finding while investigating is an action, not a lesson.
    "I learned that the vendor had shipped the wrong part.",
    // "Now" going on with the story, in the past tense.
    "Now I had to tell the CEO.",
    // What happened since is a result.
    "Since then the team has had no outages.",
    "Since then I've been promoted twice.",
    // A teacher's lesson.
    "The lesson was on fractions.",
    "The deputy head graded the lesson as requiring improvement.",
    "So we'd catch it earlier next time.",
  ])("does not read %j as a stated lesson", (text) => {
    expect(statedLesson(text).stated).toBe(false);
  });
});

// Lessons as non-native speakers state them, in the present tense (audit).
describe("a lesson stated in the present tense", () => {
  const PRESENT_STORY =
    "I am developer in the payments team. I deploy new version on Friday evening without test on staging. The service is down for two hours and customers cannot pay. I rollback the release and I write postmortem for the team.";

  it.each([
    "From this experience I understand I must never deploy on Friday.",
    "I understand now that I must test on staging first.",
    "This teach me to always test on staging.",
    "I learn that I check the staging before every deploy.",
    "From this I learn: never deploy on Friday.",
    "I learn to test on staging before I deploy.",
  ])("hears %j as the lesson of a present-tense story", (lesson) => {
    expect(statedLesson(lesson)).toEqual({ stated: true, opening: true });
    const critique = critiqueAnswer("Tell me about a time you failed.", `${PRESENT_STORY} ${lesson}`);
    expect(texts(critique.star.lesson.spans)).toEqual([lesson]);
    expect(texts(critique.star.task.spans)).not.toContain(lesson);
    expect(critique.issues.map((issue) => issue.code)).not.toContain("MISSING_LESSON");
  });

  it.each(["I understand the problem and I fix it.", "I understand the customer is angry.", "I learn the new system in two days.", "It shows me the logs of the last week."])(
    "does not read %j as a stated lesson",
    (text) => {
      expect(statedLesson(text).stated).toBe(false);
    },
  );
});
