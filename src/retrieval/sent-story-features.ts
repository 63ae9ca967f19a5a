import { tokenize, type TextProfile, type Token } from "../understanding/index.js";
import type { StoryFeatures } from "./story-features.js";

/**
 * A story's features as sent from one thread to another: without the token
 * list of its profile, which is most of their size (a 5 MB story has about a
 * million tokens) and cheap to read again from the story's body.
 */
export type SentStoryFeatures = Omit<StoryFeatures, "profile"> & { profile: Omit<TextProfile, "tokens"> };

/** The features to send, without their token list. */
export function withoutTokens(features: StoryFeatures): SentStoryFeatures {
  const { tokens: _tokens, ...profile } = features.profile;
  return { ...features, profile };
}

/**
 * Sent features made whole again: the token list is read from the story's
 * body, as `profileStory` reads it, the first time it is asked for (only a
 * matched story's evidence is quoted).
 */
export function withTokensOnDemand(features: SentStoryFeatures): StoryFeatures {
  let tokens: Token[] | undefined;
  Object.defineProperty(features.profile, "tokens", { enumerable: true, configurable: true, get: () => (tokens ??= tokenize(features.story.body)) });
  return features as StoryFeatures;
}
