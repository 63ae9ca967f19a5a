import { beforeAll, describe, expect, it } from "vitest";
import { loadBank } from "../../src/bank/index.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { createInMemoryMatcher, type StoryMatcher } from "../../src/retrieval/index.js";
import { withInferredPrinciples } from "../../src/understanding/index.js";
import { SAMPLE_BANK } from "../support/run-coach.js";

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

  it("still finds the accounting story when learning is what is asked", async () => {
    const result = await matcher.match("Tell me about a time you learned a new domain to do your job better.", { k: 3 });
    expect(result.matches.map((match) => match.id)).toContain(ACCOUNTING_STORY);
    expect(result.competencies[0]!.name).toBe("learning");
  });
});
