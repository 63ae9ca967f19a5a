import type { Embedder } from "../core/embedder.js";
import type { StoryIndex } from "../core/story-index.js";
import type { Story } from "../core/story.js";
import { loadTaxonomy } from "../understanding/index.js";
import type { RankerModel } from "../learning/index.js";
import { loadStoryRanker } from "./rerank/index.js";
import { LexicalIndex, type LexicalIndexData } from "./lexical-index.js";
import { HnswStoryIndex } from "../vector-index/hnsw-story-index.js";
import { computeStoryFeatures, storySearchText, type StoryFeatures } from "./story-features.js";
import { StoryMatcher } from "./story-matcher.js";

/** A matcher over indexed stories: profiles each story and builds the lexical index once. */
export function createMatcher(stories: readonly Story[], index: StoryIndex, embedder: Embedder, ranker: RankerModel | null = loadStoryRanker(embedder.id)): StoryMatcher {
  return new StoryMatcher({ stories, features: computeStoryFeatures(stories), index, embedder, lexical: storyLexicalIndex(stories), ranker });
}

/** The lexical index a matcher searches stories by: title, questions and principles weighted above the body. */
export function storyLexicalIndex(stories: readonly Story[]): LexicalIndex {
  return new LexicalIndex(
    stories.map((story) => story.id),
    stories.map((story) => ({
      id: story.id,
      fields: [
        { text: story.title, weight: 2 },
        { text: story.questions.filter((question) => question !== story.title).join(" "), weight: 1.5 },
        { text: story.principles.join(" "), weight: 1 },
        { text: story.body, weight: 1 },
      ],
    })),
    loadTaxonomy(),
  );
}

/**
 * A matcher over stories whose features and lexical index were computed
 * elsewhere (the server's index worker), so nothing is profiled again here.
 */
export function matcherFromParts(parts: { stories: readonly Story[]; features: readonly StoryFeatures[]; index: StoryIndex; lexical: LexicalIndexData }, embedder: Embedder): StoryMatcher {
  const lexical = new LexicalIndex(
    parts.stories.map((story) => story.id),
    parts.lexical,
    loadTaxonomy(),
  );
  return new StoryMatcher({ stories: parts.stories, features: parts.features, index: parts.index, embedder, lexical, ranker: loadStoryRanker(embedder.id) });
}

/** Embeds the stories and builds an in-memory hnswlib index and matcher (no store): for evals, benchmarks and tests. */
export async function createInMemoryMatcher(stories: readonly Story[], embedder: Embedder, ranker: RankerModel | null = loadStoryRanker(embedder.id)): Promise<StoryMatcher> {
  const vectors = await embedder.embed(stories.map(storySearchText));
  return createMatcher(stories, HnswStoryIndex.build(stories.map((story, position) => ({ id: story.id, vector: vectors[position]! }))), embedder, ranker);
}
