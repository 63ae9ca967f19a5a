import type { Story } from "../core/story.js";
import { PRINCIPLES, type Principle } from "../principles/index.js";
import type { StoryFeatures } from "./story-features.js";

export type Fit = "strong" | "workable" | "stretch" | "none";

/** One `coach coverage --json` line (contracts). */
export interface PrincipleCoverage {
  principle: Principle;
  fit: Fit;
  stories: Array<{ id: string; title: string; score: number }>;
}

// Fit levels (after interview-coach-skill's Strong Fit / Workable / Stretch / Gap): labelled and shown by the content,
// with an action and a result, is strong; labelled or clearly shown is workable; a passing signal is a stretch.
const STRONG = 0.75;
const WORKABLE = 0.5;
const STRETCH = 0.2;

/** For each principle, the best stories (one per experience) and how well they fit. */
export function assessCoverage(features: readonly StoryFeatures[]): PrincipleCoverage[] {
  return PRINCIPLES.map((principle) => {
    const scored = features
      .map((feature) => ({ feature, score: storyFit(feature, principle) }))
      .filter((entry) => entry.score >= STRETCH)
      .sort((a, b) => b.score - a.score || (a.feature.story.id < b.feature.story.id ? -1 : 1));
    const seen = new Set<string>();
    const stories: PrincipleCoverage["stories"] = [];
    for (const { feature, score } of scored) {
      if (seen.has(feature.story.experience) || stories.length >= 3) continue;
      seen.add(feature.story.experience);
      stories.push({ id: feature.story.id, title: feature.story.title, score: Math.round(score * 1000) / 1000 });
    }
    const best = stories[0]?.score ?? 0;
    const fit: Fit = best >= STRONG ? "strong" : best >= WORKABLE ? "workable" : best >= STRETCH ? "stretch" : "none";
    return { principle, fit, stories };
  });
}

function storyFit(feature: StoryFeatures, principle: Principle): number {
  const labelled = feature.story.principles.includes(principle) && feature.story.principleSource !== "inferred";
  const shown = feature.profile.principles.get(principle) ?? 0;
  const base = labelled ? 0.55 + 0.35 * shown : 0.75 * shown;
  return base * completeness(feature.story);
}

// A story missing its action or result cannot carry a principle well, however on-topic it is.
function completeness(story: Story): number {
  let factor = 1;
  if (!story.parts.action) factor *= 0.6;
  if (!story.parts.result) factor *= 0.75;
  if (story.body.split(/\s+/).length < 40) factor *= 0.85;
  return factor;
}
