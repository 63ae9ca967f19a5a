import type { Story } from "../core/story.js";
import { PRINCIPLES, type Principle } from "../principles/index.js";
import { principlesShownByThemes } from "../understanding/index.js";
import type { StoryFeatures } from "./story-features.js";
import { filedUnder } from "./filed-under.js";

export type Fit = "strong" | "workable" | "stretch" | "none";

/** One `coach coverage --json` line (contracts). */
export interface PrincipleCoverage {
  principle: Principle;
  fit: Fit;
  stories: Array<{ id: string; title: string; score: number }>;
  /**
   * Where the fit is workable only because the bank does not file its best
   * story under the principle: that story, which would be strong if it were
   * filed (a `Tags:` line or a heading). Absent otherwise.
   */
  strongIfFiled?: { id: string; title: string };
}

// Fit levels (after interview-coach-skill's Strong Fit / Workable / Stretch / Gap): filed under the principle and shown by
// the content, with an action and a result, is strong; filed or clearly shown is workable; a passing signal is a stretch.
const STRONG = 0.75;
const WORKABLE = 0.5;
const STRETCH = 0.2;
const LEVELS: readonly Fit[] = ["strong", "workable", "stretch", "none"];

/**
 * For each principle, the best stories (one per experience) and how well
 * they fit. Only a story the bank files under the principle can be strong;
 * one whose content alone shows it is at best workable. The first story
 * listed is the one that earns the level.
 */
export function assessCoverage(features: readonly StoryFeatures[]): PrincipleCoverage[] {
  const shown = features.map(contentShows);
  return PRINCIPLES.map((principle) => {
    const scored = features
      .map((feature, position) => {
        const plain = shown[position]!.get(principle) ?? 0;
        const score = storyFit(feature, principle, plain);
        return { feature, plain, score, level: storyLevel(filedUnder(feature.story, principle), score, feature.story) };
      })
      .filter((entry) => entry.level !== "none")
      .sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || b.score - a.score || (a.feature.story.id < b.feature.story.id ? -1 : 1));
    const seen = new Set<string>();
    const stories: PrincipleCoverage["stories"] = [];
    for (const { feature, score } of scored) {
      if (seen.has(feature.story.experience) || stories.length >= 3) continue;
      seen.add(feature.story.experience);
      stories.push({ id: feature.story.id, title: feature.story.title, score: Math.round(score * 1000) / 1000 });
    }
    const fit = scored[0]?.level ?? "none";
    // The story that earns the level, scored as if the bank filed it under the principle: strong then, filing is the one change to make.
    const best = scored[0];
    const filing = fit === "workable" && best && !filedUnder(best.feature.story, principle) && storyLevel(true, storyFit(best.feature, principle, best.plain, true), best.feature.story) === "strong";
    return { principle, fit, stories, ...(filing ? { strongIfFiled: { id: best.feature.story.id, title: best.feature.story.title } } : {}) };
  });
}

function storyLevel(filed: boolean, score: number, story: Story): Fit {
  if (filed && score >= STRONG) return "strong";
  // Filed under the principle, with an action and a result, is workable however short: "stretch" would tell the
  // candidate to write a story they already have.
  if (score >= WORKABLE || (filed && story.parts.action && story.parts.result)) return "workable";
  if (score >= STRETCH) return "stretch";
  return "none";
}

/**
 * How plainly a story's content shows each principle (0-1): its share of the
 * story's strongest principle, or, when higher, the strongest theme filed
 * under it. The share alone undersells a principle few themes lead to: a
 * disagreement story that also shows customers, quality and feedback shares
 * out Earn Trust, which a dozen themes feed, and Have Backbone, which only
 * conflict leads to, comes out a third as strong though the conflict is plain.
 */
function contentShows(feature: StoryFeatures): Map<Principle, number> {
  const shown = new Map(feature.profile.principles);
  for (const [principle, value] of principlesShownByThemes(feature.profile.competencies)) shown.set(principle, Math.max(value, shown.get(principle) ?? 0));
  return shown;
}

function storyFit(feature: StoryFeatures, principle: Principle, shown: number, labelled = filedUnder(feature.story, principle)): number {
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
