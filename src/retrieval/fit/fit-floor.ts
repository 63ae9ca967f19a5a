import type { FitLevel } from "./fit-model.js";

/** What the fit model does not see, from the story and the question. */
export interface FitFloorFacts {
  /** The question asks only how a principle was shown, and the user filed this story under it. */
  filedUnderAskedPrinciple: boolean;
  /** The question asks for a success ("Proudest achievement?") and not a setback. */
  successAsked: boolean;
  /** The story reads as a setback ("ended the half well short of 18%"). */
  storyIsSetback: boolean;
  /** The story's result states a figure. */
  resultHasFigure: boolean;
}

/**
 * The fit level raised to workable where the user's own filing or a
 * quantified success answers the question, whatever the model's cues found.
 */
export function withFitFloor(fit: FitLevel, facts: FitFloorFacts): FitLevel {
  if (fit !== "stretch") return fit;
  // The user's own filing is the answer (filedFirst): never a stretch, nor moved below one.
  if (facts.filedUnderAskedPrinciple) return "workable";
  if (facts.successAsked && !facts.storyIsSetback && facts.resultHasFigure) return "workable";
  return fit;
}
