import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBank } from "../../src/bank/index.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { assessCoverage, computeStoryFeatures, createInMemoryMatcher, type StoryMatcher } from "../../src/retrieval/index.js";
import { withInferredPrinciples } from "../../src/understanding/index.js";
import { PROJECT_ROOT, SEEDS_PATH } from "../support/run-coach.js";

// What a user of the bundled sample bank and of the seed banks reads: the why of a story must agree with its lines and its score.
async function bankMatcher(bankPath: string): Promise<StoryMatcher> {
  return createInMemoryMatcher(withInferredPrinciples((await loadBank([bankPath])).stories), new InterviewEmbedder());
}

async function whyOf(matcher: StoryMatcher, question: string, id: string): Promise<string> {
  const match = (await matcher.match(question, { k: 10 })).matches.find((candidate) => candidate.id === id);
  expect(match, `${id} among the 10 best for "${question}"`).toBeDefined();
  return match!.why;
}

describe("the sample bank's explanations", () => {
  let matcher: StoryMatcher;
  beforeAll(async () => {
    matcher = await bankMatcher(path.join(PROJECT_ROOT, "corpus", "sample-bank"));
  });

  it("quotes the line where the speaker owns a wrong decision as a mistake", async () => {
    // The sentence is 122 characters: its first clause (87) is quoted; with the second it would pass 110. Filed under
    // Are Right, A Lot, which the question does not ask about, so no principle in brackets.
    expect(await whyOf(matcher, "Tell me about a time you made a mistake", "by-principle-tell-me-about-a-time-you-made-a-bad-call-how-did-you-find")).toBe(
      'Shows failure or mistake: "In that postmortem I said plainly that the original decision was mine and it was wrong…"; lead with the situation: "At Ledgerline I argued that we should build our own feature-flag service instead of…".',
    );
  });
});

describe.skipIf(!existsSync(SEEDS_PATH))("the seed banks' explanations and coverage", () => {
  let matcher: StoryMatcher;
  beforeAll(async () => {
    matcher = await bankMatcher(SEEDS_PATH);
  });

  it("says what a highly ranked story lacks, without calling it a weak fit", async () => {
    const result = await matcher.match("Tell me about a time you failed", { k: 5 });
    const pipeline = result.matches.find((match) => match.id === "002-710e9f5f632bee20-fixed-a-broken-data-pipeline")!;
    // High on the score's scale (about 0.75, fourth of the five; it moves by a few thousandths when the models are retrained:
    // 0.752 at cues version 28, 0.749 at 29): what it lacks is said all the same.
    expect(pipeline.score).toBeGreaterThan(0.7);
    expect(pipeline.why).toBe(
      'Shares "failed" with the question: "Daily sales report failed due to a schema change in the upstream API", but no line shows failure or mistake: if it does, add a line that says so; lead with the situation, from that line.',
    );
    for (const match of result.matches) expect(match.why).not.toMatch(/weak fit/i);
  });

  it("leads past the jotted topics above a story's first told sentence", async () => {
    // The failure story's situation opens on three bare bullets ("Airflow upgradation to support pyspark pipeline", ...), a
    // scratch list, then "At Kaleidofin, I was responsible for upgrading our microservices to a new version of the AWS SDK."
    expect(await whyOf(matcher, "Tell me about a time you failed", "000-1d67621a947f9fae-tell-me-about-a-time-you-failed")).toMatch(
      /; lead with the situation: "At Kaleidofin, I was responsible for upgrading our microservices to a new version of the…"\.$/,
    );
  });

  it("names no theme a quoted line does not show", async () => {
    // "achievements" is the question's word, but a hint of exceeding expectations, not a showing of it.
    expect(await whyOf(matcher, "Proudest achievement?", "000-1d67621a947f9fae-give-me-an-example-of-a-tough-or-critical-piece-of-feedback")).toBe(
      'Shares "achievements" with the question: "This approach became my standard practice: always attach measurable KPIs to technical achievements", but no line shows exceeding expectations: if it does, add a line that says so; lead with the result, from that line.',
    );
    expect(await whyOf(matcher, "Tell me about a time you mentored someone", "000-1d67621a947f9fae-tell-me-about-a-time-you-took-on-work-outside-your-comfort")).toBe(
      'No line shows mentoring and developing others: if it does, add a line that says so; lead with the action: "Learned the basics of React and integrated it with our backend APIs".',
    );
    expect(await whyOf(matcher, "Tell me about a time you mentored someone", "000-1d67621a947f9fae-tell-me-about-a-piece-of-direct-feedback-you-recently-gave")).not.toContain("one-on-ones");
  });

  it("rates Have Backbone strong: two stories are filed under it and show the disagreement", async () => {
    const backbone = assessCoverage(computeStoryFeatures(withInferredPrinciples((await loadBank([SEEDS_PATH])).stories))).find((line) => line.principle === "Have Backbone; Disagree and Commit")!;
    expect(backbone.fit).toBe("strong");
    expect(backbone.stories.slice(0, 2).map((story) => story.id).sort()).toEqual([
      "000-1d67621a947f9fae-describe-a-time-when-you-took-an-unpopular-stance-in-a",
      "000-1d67621a947f9fae-tell-me-about-a-time-when-you-strongly-disagreed-with-your",
    ]);
  });
});
