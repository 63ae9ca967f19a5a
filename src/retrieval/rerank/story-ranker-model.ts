import path from "node:path";
import { CoachError } from "../../errors/index.js";
import { readModelFile, type RankerModel } from "../../learning/index.js";
import { PACKAGE_ROOT } from "../../package-root.js";

export const STORY_RANKER_FILE = path.join(PACKAGE_ROOT, "corpus", "models", "story-ranker.json");

/** The stored re-ranker: weights learned over one embedder's dense scores. */
export interface StoryRankerModel extends RankerModel {
  /** Id of the embedder whose scores it was trained on. */
  embedder: string;
}

let cached: StoryRankerModel | null | undefined;

/**
 * The trained story re-ranker for this embedder, or null when there is no
 * model file or it was trained on another embedder's scores (its weights
 * would misjudge them; signals are then fused by standardised score).
 */
export function loadStoryRanker(embedderId: string): StoryRankerModel | null {
  const model = loadStoryRankerFile();
  return model && model.embedder === embedderId ? model : null;
}

/**
 * The stored re-ranker whatever embedder it was trained on: its theme and
 * word crosses do not depend on the dense scores (the story-fit model reads
 * them for any embedder); null when there is no model file.
 */
export function loadStoryRankerFile(): StoryRankerModel | null {
  if (cached === undefined) {
    cached = readModelFile<StoryRankerModel>(STORY_RANKER_FILE, "npm run train:ranker");
    const weights: unknown = cached?.weights;
    if (cached && (typeof cached.embedder !== "string" || typeof weights !== "object" || weights === null || Object.values(weights).some((weight) => typeof weight !== "number"))) {
      throw new CoachError("INTERNAL", `${STORY_RANKER_FILE} is not a story-ranker model; reinstall, or rebuild it with npm run train:ranker.`, { location: { file: STORY_RANKER_FILE } });
    }
  }
  return cached ?? null;
}
