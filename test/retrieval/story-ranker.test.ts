import { describe, expect, it } from "vitest";
import { loadBank } from "../../src/bank/index.js";
import type { RankerModel } from "../../src/learning/index.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { createInMemoryMatcher } from "../../src/retrieval/index.js";
import { loadStoryRanker, pairFeatures, STORY_RANKER_FILE } from "../../src/retrieval/rerank/index.js";
import { computeStoryFeatures } from "../../src/retrieval/story-features.js";
import { profileText, withInferredPrinciples } from "../../src/understanding/index.js";
import { retrainToCompare } from "../support/retrain-to-compare.js";
import { SAMPLE_BANK } from "../support/run-coach.js";

const handMade = (weights: Record<string, number>): RankerModel => ({ version: 1, trainedOn: "test", weights, l2: 0, epochs: 0 });

describe("the learned story re-ranker", () => {
  it("the committed model file is what the training script produces from the current data", () => {
    const { committed, retrained } = retrainToCompare("scripts/train-story-ranker.ts", "COACH_RANKER_MODEL_OUT", STORY_RANKER_FILE);
    expect(retrained, "run npm run train:ranker and commit the model").toBe(committed);
  }, 120_000);

  it("is used only with the embedder whose scores it was trained on", () => {
    expect(loadStoryRanker(new InterviewEmbedder().id)).not.toBeNull();
    expect(loadStoryRanker("openai:text-embedding-3-small")).toBeNull();
  });

  it("orders stories by its own weights: trusting only one signal reproduces that signal's ranking", async () => {
    const stories = withInferredPrinciples((await loadBank([SAMPLE_BANK])).stories);
    const embedder = new InterviewEmbedder();
    const question = "Describe a time you helped a colleague grow.";
    const plain = await createInMemoryMatcher(stories, embedder, null);
    const lexicalFirst = await createInMemoryMatcher(stories, embedder, handMade({ "z:lexical": 1 }));
    const themesFirst = await createInMemoryMatcher(stories, embedder, handMade({ "z:themes": 1 }));
    // Fit levels read all four signals, so with one signal they would reorder differently: compare the rankings alone.
    const ids = async (matcher: typeof plain, options = {}) => (await matcher.match(question, { k: 3, fit: false, ...options })).matches.map((match) => match.id);
    const byLexical = await ids(plain, { signals: ["lexical"], expandVocabulary: true });
    const byThemes = await ids(plain, { signals: ["themes", "principles"] });
    expect(byLexical).not.toEqual(byThemes);
    expect(await ids(lexicalFirst)).toEqual(byLexical);
    expect(await ids(themesFirst)).toEqual(byThemes);
    // Asked for score fusion, the ranker stands aside.
    expect(await ids(lexicalFirst, { fusion: "score" })).toEqual(await ids(plain));
  });
});

describe("re-ranker features", () => {
  it("cross the question's themes with the story's, and note a lesson when the question asks about failure", async () => {
    const [story] = computeStoryFeatures(
      (await loadBank([SAMPLE_BANK])).stories.filter((candidate) => candidate.id === "by-principle-tell-me-about-a-time-you-failed"),
    );
    expect(story, "the sample bank has a failure story with a lesson").toBeDefined();
    const question = profileText("Tell me about a time you failed.", "question");
    const features = pairFeatures({ profile: question, terms: ["fail"] }, story!, [{ name: "lexical", z: 1.5, rank: 0 }]);
    expect(features.get("z:lexical")).toBe(1.5);
    expect(features.get("top:lexical")).toBe(1);
    expect(features.get("lesson:failure")).toBeGreaterThan(0.5);
    const storyThemes = [...story!.profile.competencies].filter(([, weight]) => weight >= 0.25).map(([id]) => id);
    expect(storyThemes.length).toBeGreaterThan(0);
    for (const shown of storyThemes) expect(features.has(`cc:failure>${shown}`), shown).toBe(true);
    for (const shown of storyThemes) expect(features.has(`wc:fail>${shown}`), shown).toBe(true);
  });
});
