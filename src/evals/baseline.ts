import { readFile } from "node:fs/promises";
import { z } from "zod";

/** Committed figures the gate compares against: metric path to value. */
export const BaselineSchema = z.object({
  note: z.string().optional(),
  figures: z.record(z.string(), z.number()),
  /** Per dataset and configuration, the cases that had a hit in the top 3 when the baseline was set. */
  hits: z.record(z.string(), z.array(z.string())).default({}),
});
export type Baseline = z.infer<typeof BaselineSchema>;

export interface GateFinding {
  figure: string;
  baseline: number;
  current: number;
  tolerance: number;
  passed: boolean;
}

// Figures are kept to three decimals: a baseline rounded up by half a unit must not turn one lost case into two.
const ROUNDING = 0.0005;

/** Figures held to their baseline exactly, whatever their number of cases. */
const EXACT_FIGURES = ["coach.scenarios."];

/**
 * Compares current figures with the baseline. A figure fails when it falls
 * below its baseline by more than its tolerance: one case's worth (1/n) for
 * per-case rates, so a change that loses more than one question fails;
 * none for the coach's scripted conversations.
 */
export function checkAgainstBaseline(current: Record<string, { value: number; cases: number }>, baseline: Baseline): GateFinding[] {
  return Object.entries(baseline.figures).map(([figure, value]) => {
    const entry = current[figure];
    // Scripted conversations are behaviours the coach promises, each one: none may be lost.
    const exact = EXACT_FIGURES.some((prefix) => figure.startsWith(prefix));
    const tolerance = entry ? (exact ? 0 : 1 / Math.max(1, entry.cases)) + ROUNDING + 1e-9 : 0;
    return { figure, baseline: value, current: entry?.value ?? Number.NaN, tolerance, passed: entry !== undefined && entry.value >= value - tolerance };
  });
}

export async function readBaseline(file: string): Promise<Baseline | null> {
  try {
    return BaselineSchema.parse(JSON.parse(await readFile(file, "utf8")));
  } catch {
    return null;
  }
}
