import path from "node:path";
import { CoachError } from "../../errors/index.js";
import { predictDenseLogistic, readModelFile, type DenseLogisticModel } from "../../learning/index.js";
import { PACKAGE_ROOT } from "../../package-root.js";
import { FIT_FEATURES } from "./fit-features.js";

export const STORY_FIT_FILE = path.join(PACKAGE_ROOT, "corpus", "models", "story-fit.json");

/** How well a story answers a question, in the words `coach coverage` uses for a principle. */
export type FitLevel = "strong" | "workable" | "stretch";

/** The stored story-fit model: the chance a story answers a question, and where the levels change. */
export interface StoryFitModel extends DenseLogisticModel {
  /** At or above `strong` a story is a strong fit; under `stretch` a stretch; between, workable. */
  thresholds: { strong: number; stretch: number };
}

let cached: StoryFitModel | null | undefined;

/** The trained story-fit model, or null when its file is absent (matches then carry no fit). */
export function loadStoryFitModel(): StoryFitModel | null {
  if (cached === undefined) {
    cached = readModelFile<StoryFitModel>(STORY_FIT_FILE, "npm run train:fit");
    if (cached && (String(cached.features) !== String(FIT_FEATURES) || typeof cached.thresholds?.strong !== "number" || typeof cached.thresholds?.stretch !== "number")) {
      throw new CoachError("INTERNAL", `${STORY_FIT_FILE} does not match this version's story-fit features; reinstall, or rebuild it with npm run train:fit.`, { location: { file: STORY_FIT_FILE } });
    }
  }
  return cached ?? null;
}

/** The model's chance (0-1) that a story with these feature values answers the question. */
export function fitProbability(model: StoryFitModel, values: readonly number[]): number {
  return predictDenseLogistic(model, values);
}

/**
 * The level a story's fit reads as: the model's, kept within what its
 * explanation says. A story with a line that shows an asked theme is at least
 * workable, and one the question asks a theme of that no line shows at most
 * workable: the model, trained on banks its cues were tuned on, weighs the
 * quoted line at nothing, and a user reads "strong" beside "no line shows
 * hiring" as a contradiction.
 */
export function fitLevel(model: StoryFitModel, values: readonly number[]): FitLevel {
  const probability = fitProbability(model, values);
  const level: FitLevel = probability >= model.thresholds.strong ? "strong" : probability < model.thresholds.stretch ? "stretch" : "workable";
  if (level === "stretch" && values[EVIDENCE_SHOWN] === 1) return "workable";
  if (level === "strong" && values[EVIDENCE_LACKING] === 1) return "workable";
  return level;
}

const EVIDENCE_SHOWN = FIT_FEATURES.indexOf("evidenceShown");
const EVIDENCE_LACKING = FIT_FEATURES.indexOf("evidenceLacking");
