import { existsSync } from "node:fs";
import { loadBank } from "../bank/index.js";
import { withInferredPrinciples } from "../understanding/index.js";

export interface PrincipleInferenceMetrics {
  dataset: string;
  /** Stories whose bank gives them a principle: the labels hidden and inferred back. */
  stories: number;
  /** Share whose first inferred principle is one the bank gives. */
  firstCorrect: number;
  /** Share where any inferred principle (at most two) is one the bank gives. */
  anyCorrect: number;
  /** Mean number of principles inferred per story. */
  shown: number;
}

/**
 * How well principles are inferred for an unlabelled bank: every story's
 * principles are hidden, inferred from content, and compared with the bank's
 * own. Banks that are not on disk are skipped.
 */
export async function evaluatePrincipleInference(datasets: ReadonlyArray<{ name: string; banks: string[] }>): Promise<PrincipleInferenceMetrics[]> {
  const results: PrincipleInferenceMetrics[] = [];
  for (const dataset of datasets) {
    if (!dataset.banks.every((bank) => existsSync(bank))) continue;
    const stories = (await loadBank(dataset.banks)).stories;
    const hidden = withInferredPrinciples(stories.map((story) => ({ ...story, principles: [], principleSource: "none" as const })));
    let counted = 0;
    let first = 0;
    let any = 0;
    let shown = 0;
    stories.forEach((story, index) => {
      if (story.principles.length === 0) return;
      const inferred = hidden[index]!.principles;
      counted++;
      shown += inferred.length;
      if (inferred[0] && story.principles.includes(inferred[0])) first++;
      if (inferred.some((principle) => story.principles.includes(principle))) any++;
    });
    const count = Math.max(1, counted);
    results.push({ dataset: dataset.name, stories: counted, firstCorrect: first / count, anyCorrect: any / count, shown: shown / count });
  }
  return results;
}
