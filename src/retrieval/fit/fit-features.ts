import type { QuotedEvidence } from "../explain-match.js";

/** The story-fit model's inputs, in the order its weights are stored. */
export const FIT_FEATURES = ["themeCross", "lexical", "themeShare", "evidenceShown", "evidenceLacking", "topThemeShown", "questionClarity", "wordCoverage"] as const;

/** What is known of one (question, story) pair that says how well the story answers, whatever the rest of the bank holds. */
export interface FitInput {
  /** The re-ranker's theme and word crosses for the pair (its learned sense of "this kind of story answers this kind of question"). */
  themeCross: number;
  /** The story's BM25 score for the question's words. */
  lexical: number;
  /** The theme signal's score for the story. */
  themes: number;
  /** The most the theme signal could give: the question's theme and principle weights summed as the signal sums them. */
  themeMass: number;
  /** What the story's explanation quotes. */
  evidence: QuotedEvidence;
  /** How strongly the story shows the question's strongest theme (0-1). */
  topThemeShown: number;
  /** How strongly the question asks for its strongest theme (0-1). */
  questionClarity: number;
  /** The rarity-weighted share of the question's own words the story holds (0-1). */
  wordCoverage: number;
}

/**
 * The fit model's feature values for a pair. None depends on the other
 * stories' scores, so a story's fit does not rise because the rest of the bank
 * fits worse; nor on the dense scores, so it reads the same for any embedder.
 */
export function fitValues(input: FitInput): number[] {
  const evidence = input.evidence;
  const lacking = (evidence.kind === "words" || evidence.kind === "none") && evidence.lacking;
  const shown = evidence.kind === "theme" || evidence.kind === "heading" || evidence.kind === "line" || evidence.kind === "asked";
  return [
    input.themeCross,
    Math.log1p(Math.max(0, input.lexical)),
    input.themeMass > 0 ? input.themes / input.themeMass : 0,
    shown ? 1 : 0,
    lacking ? 1 : 0,
    input.topThemeShown,
    input.questionClarity,
    input.wordCoverage,
  ];
}
