import { beforeAll, describe, expect, it } from "vitest";
import { loadBank } from "../../src/bank/index.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { createInMemoryMatcher, type StoryMatcher } from "../../src/retrieval/index.js";
import { withInferredPrinciples } from "../../src/understanding/index.js";
import { PROJECT_ROOT, SAMPLE_BANK } from "../support/run-coach.js";
import path from "node:path";

const FAILURE_STORY = "by-principle-tell-me-about-a-time-you-failed";
// Titled "Learned accounting so I could stop guessing what finance meant.": a story about learning a skill.
const ACCOUNTING_STORY = "numbered-learned-accounting-so-i-could-stop-guessing-what-finance";

describe("a question that asks what you learned from a mistake", () => {
  let matcher: StoryMatcher;
  beforeAll(async () => {
    matcher = await createInMemoryMatcher(withInferredPrinciples((await loadBank([SAMPLE_BANK])).stories), new InterviewEmbedder());
  });

  it("finds the failure story first, not the story about learning accounting", async () => {
    const result = await matcher.match("Tell me about a mistake you made and what you learned from it.", { k: 3 });
    expect(result.matches[0]!.id).toBe(FAILURE_STORY);
    expect(result.competencies[0]!.name).toBe("failure");
    expect(result.competencies.map((entry) => entry.name)).not.toContain("learning");
  });

  it("reads the request for a lesson in every common wording", async () => {
    for (const question of [
      "Tell me about a mistake you made. What did you learn from the mistake?",
      "Tell me about a mistake you made. What did you learn, and what would you do differently?",
      "Tell me about a mistake you made. What did you learn from it? What would you do differently?",
      "Tell me about a mistake you made (and what you learned).",
    ]) {
      const result = await matcher.match(question, { k: 3 });
      expect(result.matches[0]!.id, question).toBe(FAILURE_STORY);
    }
  });

  it("still finds the accounting story when learning is what is asked", async () => {
    const result = await matcher.match("Tell me about a time you learned a new domain to do your job better.", { k: 3 });
    expect(result.matches.map((match) => match.id)).toContain(ACCOUNTING_STORY);
    expect(result.competencies[0]!.name).toBe("learning");
  });
});

describe("a question about the speaker failing, over a bank where a system kept failing", () => {
  it("finds the story of the speaker's failed migration before the story of fixing a failing export", async () => {
    // The billing story says "failed", "failure logs" and "failures" four times, all about the export; the
    // migration story says "Failed" once, in its title, and "I underestimated", "rolled it back".
    const stories = withInferredPrinciples((await loadBank([path.join(PROJECT_ROOT, "test", "fixtures", "system-failure-bank.md")])).stories);
    const matcher = await createInMemoryMatcher(stories, new InterviewEmbedder());
    const result = await matcher.match("Tell me about a time you failed.", { k: 3 });
    expect(result.matches.map((match) => match.title).slice(0, 2)).toEqual(["Failed migration to Kubernetes", "Took over the flaky billing pipeline"]);
  });
});
