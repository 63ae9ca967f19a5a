import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";

const STRONG = `Last spring our checkout page was timing out for about one in ten shoppers during evening peaks.
As the engineer on call for payments, it was on me to find the cause before the holiday sale.
I traced the slow requests to a missing index on the orders table, added the index, and load-tested the fix against a copy of production traffic.
As a result, p95 checkout latency fell from 4.2 seconds to 600 ms, and abandoned carts dropped by 18% over the sale.`;

describe("offline critique of a drafted answer", () => {
  it("finds all four parts of a complete answer, with spans that slice back to the answer", () => {
    const critique = critiqueAnswer("Tell me about a time you solved a hard technical problem.", STRONG);
    for (const part of ["situation", "task", "action", "result"] as const) {
      expect(critique.star[part].present, part).toBe(true);
      for (const span of critique.star[part].spans) expect(STRONG.slice(span.start, span.end)).toBe(span.text);
    }
    expect(critique.quantified).toBe(true);
    expect(critique.metrics).toEqual(expect.arrayContaining(["4.2 seconds", "600 ms", "18%"]));
    expect(critique.ownership.weHeavy).toBe(false);
    expect(critique.notAStory).toBe(false);
    expect(critique.lesson.required).toBe(false);
    expect(critique.score).toBeGreaterThanOrEqual(75);
    expect(critique.followUps.length).toBeGreaterThanOrEqual(1);
    expect(critique.followUps.length).toBeLessThanOrEqual(3);
  });

  it("counts words and speaking time at 150 words a minute", () => {
    const critique = critiqueAnswer("Q?", STRONG);
    const words = STRONG.split(/\s+/).filter(Boolean).length;
    expect(critique.words).toBe(words);
    expect(critique.speakingSeconds).toBe(Math.round((words / 150) * 60));
  });

  it("does not count figures that only describe the setup or how long the work took", () => {
    const answer = "Our team of 12 engineers supported 3 million users. I spent three months rewriting the billing jobs and moved them to a queue. The jobs became much more reliable and the finance team was happy.";
    const critique = critiqueAnswer("Tell me about a time you improved reliability.", answer);
    expect(critique.star.result.present).toBe(true);
    expect(critique.quantified).toBe(false);
    expect(critique.issues.map((issue) => issue.code)).toContain("NUMBERS_ONLY_IN_SETUP");
    expect(critique.issues.map((issue) => issue.code)).toContain("VAGUE_CLAIM");
  });

  it("flags an answer told as 'we' with no personal action", () => {
    const answer = "When our release pipeline kept failing, we met as a team to decide what to do. We rewrote the deploy scripts, we added retries and we moved builds to bigger machines. Our failure rate dropped from 30% to 2%.";
    const critique = critiqueAnswer("Tell me about a time you improved a process.", answer);
    expect(critique.ownership.weHeavy).toBe(true);
    expect(critique.ownership.we).toBeGreaterThan(critique.ownership.i);
    expect(critique.issues.map((issue) => issue.code)).toContain("WE_HEAVY");
  });

  it("requires a lesson for a failure question and finds one when it is there", () => {
    const without = "At my first job I pushed a config change on a Friday without review. It took the login service down for two hours. I rolled it back and wrote up what happened.";
    const withLesson = `${without} I learned to never ship config changes without a second pair of eyes, and now I always ask for review.`;
    expect(critiqueAnswer("Tell me about a time you made a mistake.", without).lesson).toEqual({ required: true, present: false });
    expect(critiqueAnswer("Tell me about a time you made a mistake.", withLesson).lesson).toEqual({ required: true, present: true });
    expect(critiqueAnswer("Tell me about a time you made a mistake.", without).issues[0]!.severity).toBe("high");
  });

  it("hears a lesson told as a changed habit, and not in a teacher's lesson", () => {
    const base = "At my first job I pushed a config change on a Friday without review. It took the login service down for two hours. I rolled it back and wrote up what happened.";
    expect(critiqueAnswer("Tell me about a time you made a mistake.", `${base} Ever since, I ask for a second reviewer on every config change.`).lesson.present).toBe(true);
    const teacher = "In my second year of teaching I planned a lesson on fractions around a video that would not play. The deputy head graded the lesson as requiring improvement. I rebuilt it with paper strips and taught it again the next week, and the class scored 80% on the quiz.";
    expect(critiqueAnswer("Tell me about a time you failed.", teacher).lesson).toEqual({ required: true, present: false });
  });

  it("asks for a lesson when the question is about your own error, not when it is about catching someone else's", () => {
    const answer = "Last year I noticed the dosage on an insulin order was ten times the usual. I stopped, called the prescriber and had it corrected before the round. The patient got the right dose.";
    expect(critiqueAnswer("Tell me about a time you made an error in your analysis.", answer).lesson.required).toBe(true);
    expect(critiqueAnswer("Tell me about a time you caught an error before it reached a patient.", answer).lesson.required).toBe(false);
    expect(critiqueAnswer("Tell me about a time you exceeded a target.", answer).lesson.required).toBe(false);
  });

  it("recognises generic and hypothetical answers as not a story and credits no parts", () => {
    const critique = critiqueAnswer(
      "Tell me about a time you disagreed with a colleague.",
      "I always try to understand the other person's point of view first. In my experience, it's important to stay calm, and I would usually bring data to the discussion so we can decide together.",
    );
    expect(critique.notAStory).toBe(true);
    expect(critique.star.situation.present || critique.star.result.present || critique.star.task.present).toBe(false);
    expect(critique.followUps[0]).toMatch(/one specific time/);
    expect(critique.issues.find((issue) => issue.code === "NOT_A_STORY")!.message).toMatch(/usually do or would do/);
  });

  it("tells a thin account of a real occasion to tell its events, not to stop describing habits", () => {
    // A past event ("last year") with no situation, steps or outcome anyone could follow.
    const critique = critiqueAnswer("Tell me about a time you failed.", "We had a big outage last year. We worked hard and fixed it and everyone was happy. I think it went well.");
    const issue = critique.issues.find((entry) => entry.code === "NOT_A_STORY");
    expect(issue?.message).toMatch(/too thin/);
    expect(issue?.message).not.toMatch(/usually do/);
  });

  it("honours explicit labels in any order", () => {
    const answer = "Result: We shipped on time and cut support tickets by 40%.\nSituation: Support was drowning in password-reset tickets.\nAction: I built a self-service reset flow.\nTask: I was asked to reduce ticket volume.";
    const critique = critiqueAnswer("Tell me about a time you simplified something for customers.", answer);
    expect(critique.star.result.spans[0]!.text).toBe("We shipped on time and cut support tickets by 40%.");
    expect(critique.star.situation.spans[0]!.text).toBe("Support was drowning in password-reset tickets.");
    expect(critique.star.task.present).toBe(true);
    expect(critique.quantified).toBe(true);
  });

  it("handles odd input: empty, only numbers, emoji, another language, too long", () => {
    expect(() => critiqueAnswer("Q?", "   ")).toThrow(expect.objectContaining({ code: "USAGE" }));
    expect(() => critiqueAnswer("", "an answer")).toThrow(expect.objectContaining({ code: "USAGE" }));
    expect(() => critiqueAnswer("Q?", "word ".repeat(50_000))).toThrow(expect.objectContaining({ code: "INPUT_TOO_LARGE" }));
    const numbers = critiqueAnswer("Tell me about a result.", "42 17 99.5 1000");
    expect(numbers.star.action.present).toBe(false);
    expect(numbers.score).toBeLessThan(40);
    const emoji = critiqueAnswer("Tell me about a time you helped a customer.", "🙂🚀🔥 👍");
    expect(emoji.words).toBe(0);
    expect(emoji.issues.length).toBeGreaterThan(0);
    const german = critiqueAnswer("Erzählen Sie von einem Fehler.", "Ich habe letztes Jahr einen Fehler gemacht und daraus gelernt.");
    expect(german.score).toBeGreaterThanOrEqual(0);
    expect(german.score).toBeLessThanOrEqual(100);
  });

  it("counts a 300-word answer as 300 words and about two minutes", () => {
    const long = `${STRONG} `.repeat(4).split(/\s+/).slice(0, 300).join(" ");
    const critique = critiqueAnswer("Tell me about a hard problem.", long);
    expect(critique.words).toBe(300);
    expect(critique.speakingSeconds).toBe(120);
  });
});

describe("an answer whose themes do not show the question's (read from the words alone)", () => {
  it("is advised to make the link plain, at low severity: the themes alone cannot tell an answer off the point", () => {
    const answer = "Last spring our AWS bill had doubled to $90,000 a month. I owned the platform budget, so I pulled the cost reports, found idle staging clusters and oversized databases, shut the clusters down at night and right-sized three databases. The bill fell to $52,000 a month within six weeks.";
    const critique = critiqueAnswer("Tell me about a time you mentored someone.", answer);
    expect(critique.issues.find((issue) => issue.code === "OFF_TOPIC")).toEqual({
      code: "OFF_TOPIC",
      severity: "low",
      message: "Say in a sentence how this example shows what the question asks about: the link is not plain from your words.",
    });
    expect(critiqueAnswer("Tell me about a time you cut costs.", answer).issues.map((issue) => issue.code)).not.toContain("OFF_TOPIC");
  });
});

describe("an opening that states the problem with a figure", () => {
  it("is the scene, not the result: an answer that never says how it ended is told so, and its setup figure does not count", () => {
    const answer =
      "At my last company our checkout conversion dropped about 4% over two weeks and nobody could explain it. I was the analyst on the payments squad, so I owned finding the cause. I split the funnel by browser and payment method, found the drop was almost all on one mobile browser, and traced it to a new card form that failed silently. I wrote it up with the session recordings and walked the front-end lead through it.";
    const critique = critiqueAnswer("Tell me about a time you dug into data to find the root cause of a problem.", answer);
    expect(critique.star.result.present).toBe(false);
    expect(critique.quantified).toBe(false);
    expect(critique.issues.map((issue) => issue.code)).toContain("MISSING_RESULT");
    expect(critique.star.situation.spans[0]!.text).toContain("dropped about 4%");
  });
});
