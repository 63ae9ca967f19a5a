import { beforeAll, describe, expect, it } from "vitest";
import { loadBank } from "../../src/bank/index.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { createInMemoryMatcher, type StoryMatcher } from "../../src/retrieval/index.js";
import type { Story } from "../../src/core/story.js";
import { withInferredPrinciples } from "../../src/understanding/index.js";
import { SAMPLE_BANK } from "../support/run-coach.js";

const NOTHING_SHARED = { code: "UNMATCHED", message: "No story shares a word or a theme with this question, so none fits better than another: only the first in your bank is shown, not 3." };

describe("a question that shares no word and no theme with any story, in a bank the re-ranker orders", () => {
  let matcher: StoryMatcher;
  let stories: Story[];
  beforeAll(async () => {
    stories = withInferredPrinciples((await loadBank([SAMPLE_BANK])).stories);
    matcher = await createInMemoryMatcher(stories, new InterviewEmbedder());
  });

  it("shows the bank's first story alone, says nothing is shared, and claims no fit", async () => {
    for (const question of ["asdf qwer zxcv", "What is the capital of France?"]) {
      const result = await matcher.match(question);
      // Before: three stories in the re-ranker's order of noise (0.50-0.60), as if they fitted.
      expect(result.matches.map((match) => match.id), question).toEqual([stories[0]!.id]);
      expect(result.notices).toEqual([NOTHING_SHARED]);
      expect(result.matches[0]!.why).toMatch(/^Nothing in the question's words or themes points to this story or any other; lead with/);
    }
  });

  it("still ranks a question that shares a theme, or only a word, as before: three stories", async () => {
    expect((await matcher.match("Tell me about a time you failed")).matches).toHaveLength(3);
    expect((await matcher.match("Tell me about the billing system")).matches).toHaveLength(3);
  });
});
