import { PRINCIPLES, findPrincipleMentions, type Principle } from "../principles/index.js";
import { CueScanner, type CueMatch } from "./match-cues.js";
import { classifyQuestion } from "./question-classifier.js";
import { tokenize, type Token } from "./normalize-text.js";
import { loadTaxonomy, type Taxonomy } from "./taxonomy.js";

/** What a text is about: competency and principle scores (0-1, best 1), with the evidence. */
export interface TextProfile {
  /** Competency id to score. */
  competencies: Map<string, number>;
  principles: Map<Principle, number>;
  /** The cue matches behind each competency, for explanations. */
  evidence: Map<string, CueMatch[]>;
  tokens: Token[];
}

// Weight of a competency's first, second and third principle; a fourth and later weigh 0.25.
const PRINCIPLE_RANK_WEIGHTS: readonly number[] = [1, 0.55, 0.35];

/** How much a theme shows the principle at this rank of its list (0 is the first). */
export function principleRankWeight(rank: number): number {
  return PRINCIPLE_RANK_WEIGHTS[rank] ?? 0.25;
}
const HEADLINE_WEIGHT = 1.5;
const LEARNED_SHARE = 0.8;
// A principle named outright in a question ("How have you shown Frugality?") outweighs inferred ones.
const NAMED_PRINCIPLE_WEIGHT = 3;

interface Scanners {
  taxonomy: Taxonomy;
  /** One scanner over every competency's cues: a text is read once, not once per competency. */
  competency: CueScanner;
  principle: CueScanner;
}

let scanners: Scanners | undefined;

function getScanners(): Scanners {
  if (scanners) return scanners;
  const taxonomy = loadTaxonomy();
  scanners = {
    taxonomy,
    competency: new CueScanner(taxonomy.competencies.flatMap((entry) => entry.cues)),
    principle: new CueScanner([...taxonomy.principleCues.values()].flat()),
  };
  return scanners;
}

/**
 * Profiles a question or a story: which competencies and principles it shows.
 * Questions count each cue once; stories count repeats with diminishing returns.
 */
export function profileText(text: string, kind: "question" | "story", extra?: { headline?: string; boosts?: Map<string, number> }): TextProfile {
  const { taxonomy, competency, principle } = getScanners();
  const tokens = tokenize(text);
  const headline = extra?.headline ?? "";
  const headlineTokens = headline ? tokenize(headline) : [];
  const raw = new Map<string, number>(extra?.boosts ?? []);
  const evidence = new Map<string, CueMatch[]>();
  const bodyMatches = groupByOwner(competency.scan(tokens, text));
  // What the author says a story is for (its heading or question) counts more than a passing mention.
  const headlineMatches = headlineTokens.length > 0 ? groupByOwner(competency.scan(headlineTokens, headline)) : new Map<string, CueMatch[]>();
  for (const id of new Set([...bodyMatches.keys(), ...headlineMatches.keys()])) {
    const matches = bodyMatches.get(id) ?? [];
    if (matches.length > 0) evidence.set(id, matches);
    raw.set(id, (raw.get(id) ?? 0) + sumWeights(matches, kind) + HEADLINE_WEIGHT * sumWeights(headlineMatches.get(id) ?? [], "question"));
  }
  const competencies = squash(raw, kind);
  const learned = kind === "question" ? classifyQuestion(text) : undefined;
  if (learned) {
    // Cue phrases and the learned classifier each catch phrasings the other misses; combine as independent evidence.
    for (const [id, probability] of learned.competencies) {
      const cue = competencies.get(id) ?? 0;
      const combined = 1 - (1 - cue) * (1 - LEARNED_SHARE * probability);
      if (combined > 0.01) competencies.set(id, combined);
    }
  }

  const principleRaw = new Map<Principle, number>();
  for (const entry of taxonomy.competencies) {
    const score = competencies.get(entry.id);
    if (!score) continue;
    entry.principles.forEach((name, rank) => principleRaw.set(name, (principleRaw.get(name) ?? 0) + score * principleRankWeight(rank)));
  }
  for (const [name, matches] of groupByOwner(principle.scan(tokens, text))) {
    principleRaw.set(name as Principle, (principleRaw.get(name as Principle) ?? 0) + 0.5 * sumWeights(matches, kind));
  }
  if (learned) {
    for (const [name, probability] of learned.principles) principleRaw.set(name as Principle, (principleRaw.get(name as Principle) ?? 0) + LEARNED_SHARE * probability);
  }
  if (kind === "question") {
    for (const name of findPrincipleMentions(text)) principleRaw.set(name, (principleRaw.get(name) ?? 0) + NAMED_PRINCIPLE_WEIGHT);
  }
  return { competencies, principles: normalizeToTop(principleRaw), evidence, tokens };
}

function groupByOwner(matches: readonly CueMatch[]): Map<string, CueMatch[]> {
  const groups = new Map<string, CueMatch[]>();
  for (const match of matches) groups.set(match.cue.owner, [...(groups.get(match.cue.owner) ?? []), match]);
  return groups;
}

function sumWeights(matches: readonly CueMatch[], kind: "question" | "story"): number {
  const byCue = new Map<string, { weight: number; count: number }>();
  for (const match of matches) {
    const entry = byCue.get(match.cue.source) ?? { weight: match.cue.weight, count: 0 };
    entry.count++;
    byCue.set(match.cue.source, entry);
  }
  let total = 0;
  for (const { weight, count } of byCue.values()) total += kind === "question" ? weight : weight * (1 + Math.log(count));
  return total;
}

// Saturating scores: one clear cue is enough for a question; a story needs a few mentions for a theme to count fully,
// and a theme it mentions a dozen times does not drown the others.
function squash(raw: Map<string, number>, kind: "question" | "story"): Map<string, number> {
  const rate = kind === "question" ? 1.2 : 0.45;
  return new Map([...raw].map(([id, value]) => [id, 1 - Math.exp(-rate * value)]));
}

function normalizeToTop<K>(raw: Map<K, number>): Map<K, number> {
  const top = Math.max(0, ...raw.values());
  if (top === 0) return new Map();
  return new Map([...raw].filter(([, value]) => value > 0).map(([key, value]) => [key, value / top]));
}

/** The highest-scoring entries of a score map, best first (ties by name for stable output). */
export function topEntries<K extends string>(scores: Map<K, number>, count: number): Array<{ name: K; score: number }> {
  return [...scores]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([name, score]) => ({ name, score: Math.round(score * 1000) / 1000 }));
}

/** A dense vector over all competencies then all principles, in a fixed order. */
export function profileVector(profile: TextProfile): number[] {
  const { taxonomy } = getScanners();
  return [
    ...taxonomy.competencies.map((competency) => profile.competencies.get(competency.id) ?? 0),
    ...PRINCIPLES.map((principle) => profile.principles.get(principle) ?? 0),
  ];
}
