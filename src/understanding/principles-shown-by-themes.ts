import type { Principle } from "../principles/index.js";
import { principleRankWeight } from "./classify-text.js";
import { loadTaxonomy } from "./taxonomy.js";

/**
 * How plainly a text's themes show each principle, on its own scale (0-1):
 * the strongest theme filed under the principle, weighted by the
 * principle's rank in that theme ("conflict" at 0.8 shows Have Backbone at
 * 0.8 and Earn Trust, its second principle, at 0.44).
 */
export function principlesShownByThemes(competencies: ReadonlyMap<string, number>): Map<Principle, number> {
  const shown = new Map<Principle, number>();
  for (const competency of loadTaxonomy().competencies) {
    const score = competencies.get(competency.id) ?? 0;
    if (score <= 0) continue;
    competency.principles.forEach((principle, rank) => {
      const value = score * principleRankWeight(rank);
      if (value > (shown.get(principle) ?? 0)) shown.set(principle, value);
    });
  }
  return shown;
}
