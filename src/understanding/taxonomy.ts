import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { PRINCIPLES, normalizePrinciple, type Principle } from "../principles/index.js";
import { PACKAGE_ROOT } from "../package-root.js";

const CueSchema = z.union([z.string().min(1), z.object({ cue: z.string().min(1), w: z.number().positive().optional(), unless: z.array(z.string()).optional() })]);

const CompetenciesFileSchema = z.object({
  version: z.number().int(),
  competencies: z.array(z.object({ id: z.string().min(1), name: z.string().min(1), description: z.string(), principles: z.array(z.string()).min(1) })),
});

const FamiliesFileSchema = z.object({ version: z.number().int(), families: z.array(z.array(z.string()).min(2)) });

const CuesFileSchema = z.object({
  version: z.number().int(),
  templateWords: z.array(z.string()),
  families: z.array(z.array(z.string()).min(2)),
  competencyCues: z.record(z.string(), z.array(CueSchema)),
  // Per competency, cues (as written in competencyCues) that lean a text towards it but do not show it in a sentence alone.
  hintCues: z.record(z.string(), z.array(z.string())).optional(),
  // Per competency, hints that only set a theme's scene (a role, an artefact, a span of time): in a quoted line they
  // count only beside another cue of the theme, never two of them alone ("analysts" and "query" show no root cause).
  contextCues: z.record(z.string(), z.array(z.string())).optional(),
  // Per competency, phrases in which a cue word has another sense, so a quoted line does not show the theme by it
  // ("latency budget" is no money). Quotes only: ranking reads the cues as they are.
  quoteUnless: z.record(z.string(), z.array(z.string())).optional(),
  principleCues: z.record(z.string(), z.array(CueSchema)),
});

/**
 * A cue phrase: words, where "word*" matches any word starting so, "*" any one
 * word, and "a|b|c" any of the forms listed (one cue, counted once however many
 * of its forms a text uses): "intern|interns|internship|internships" where
 * "intern*" would also take "internal".
 */
export interface Cue {
  pattern: string[];
  weight: number;
  /** Other phrases that, near the match, mean a different sense ("faster" beside "onboarding"). */
  unless: string[][];
  source: string;
  /** The competency (or principle) the cue signals. */
  owner: string;
  /**
   * Leans a text towards its theme, but alone does not show it in a sentence
   * ("confidence" for mentoring: often the speaker's own): a quoted line needs
   * a specific cue, or two different hints.
   */
  hint: boolean;
  /** A hint that only sets the theme's scene ("analysts", "demo"): it adds to a quoted line's evidence only beside another of the theme's cues. */
  context: boolean;
}

export interface Competency {
  id: string;
  name: string;
  description: string;
  principles: Principle[];
  cues: Cue[];
  /** Phrases in which one of its cue words means something else ("latency budget"): such a match shows nothing in a quoted line. */
  quoteUnless: string[][];
}

/** The coach's know-how about interviews: competencies, their cue phrases, vocabulary families. */
export interface Taxonomy {
  /** Changes whenever the data files change; part of every cache key that depends on them. */
  version: string;
  competencies: Competency[];
  principleCues: Map<Principle, Cue[]>;
  families: string[][];
  templateWords: Set<string>;
}

export const TAXONOMY_FOLDER = path.join(PACKAGE_ROOT, "corpus", "taxonomy");

let cached: Taxonomy | undefined;

/** Loads and validates the taxonomy data files once per process. */
export function loadTaxonomy(): Taxonomy {
  if (cached) return cached;
  const competenciesFile = CompetenciesFileSchema.parse(JSON.parse(readFileSync(path.join(TAXONOMY_FOLDER, "competencies.json"), "utf8")));
  const cuesFile = CuesFileSchema.parse(JSON.parse(readFileSync(path.join(TAXONOMY_FOLDER, "cues.json"), "utf8")));
  const extraFile = path.join(TAXONOMY_FOLDER, "families-extra.json");
  const extra = existsSync(extraFile) ? FamiliesFileSchema.parse(JSON.parse(readFileSync(extraFile, "utf8"))) : { version: 0, families: [] };
  const competencies = competenciesFile.competencies.map((entry) => ({
    id: entry.id,
    name: entry.name,
    description: entry.description,
    principles: entry.principles.map((name) => {
      const principle = normalizePrinciple(name);
      if (!principle) throw new Error(`corpus/taxonomy/competencies.json: ${entry.id}: unknown principle "${name}"`);
      return principle;
    }),
    cues: compileCompetencyCues(entry.id, cuesFile.competencyCues[entry.id] ?? [], cuesFile.hintCues?.[entry.id] ?? [], cuesFile.contextCues?.[entry.id] ?? []),
    quoteUnless: (cuesFile.quoteUnless?.[entry.id] ?? []).map(splitPattern),
  }));
  const principleCues = new Map<Principle, Cue[]>();
  for (const [name, cues] of Object.entries(cuesFile.principleCues)) {
    const principle = normalizePrinciple(name);
    if (!principle) throw new Error(`corpus/taxonomy/cues.json: unknown principle "${name}"`);
    principleCues.set(principle, cues.map((cue) => compileCue(cue, principle)));
  }
  for (const principle of PRINCIPLES) if (!principleCues.has(principle)) principleCues.set(principle, []);
  cached = {
    version: `c${competenciesFile.version}.q${cuesFile.version}.f${extra.version}`,
    competencies,
    principleCues,
    families: [...cuesFile.families, ...extra.families].map((family) => family.map((word) => word.toLowerCase())),
    templateWords: new Set(cuesFile.templateWords.map((word) => word.toLowerCase())),
  };
  return cached;
}

function compileCompetencyCues(id: string, raw: ReadonlyArray<z.infer<typeof CueSchema>>, hints: readonly string[], contexts: readonly string[]): Cue[] {
  const cues = raw.map((cue) => compileCue(cue, id));
  const sources = new Set(cues.map((cue) => cue.source));
  // A hint that names no cue is a typo that would silently let a vague cue quote lines again.
  for (const hint of hints) if (!sources.has(hint)) throw new Error(`corpus/taxonomy/cues.json: hintCues.${id}: "${hint}" is not one of its cues`);
  const hinted = new Set(hints);
  // A scene-setting cue is a kind of hint; one that is not a hint would count fully alone, the opposite of its purpose.
  for (const context of contexts) if (!hinted.has(context)) throw new Error(`corpus/taxonomy/cues.json: contextCues.${id}: "${context}" is not one of its hintCues`);
  const scene = new Set(contexts);
  return cues.map((cue) => (hinted.has(cue.source) ? { ...cue, hint: true, context: scene.has(cue.source) } : cue));
}

function compileCue(raw: z.infer<typeof CueSchema>, owner: string): Cue {
  const entry = typeof raw === "string" ? { cue: raw } : raw;
  return {
    pattern: splitPattern(entry.cue),
    weight: entry.w ?? 1,
    unless: (entry.unless ?? []).map(splitPattern),
    source: entry.cue,
    owner,
    hint: false,
    context: false,
  };
}

function splitPattern(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .replace(/[-/]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
}
