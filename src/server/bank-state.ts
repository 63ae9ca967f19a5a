import type { StoryMatcher, StoryFeatures } from "../retrieval/index.js";
import type { EnsureIndexResult } from "../store/index.js";

/** What the server answers from: the indexed stories and a matcher over them. */
export interface BankState {
  indexed: EnsureIndexResult;
  matcher: StoryMatcher;
  features: StoryFeatures[];
}
