import { readEvalDataset } from "./read-eval-dataset.js";
import path from "node:path";
import { z } from "zod";
import { loadBank } from "../bank/index.js";
import { storyTold } from "../coach/story-told.js";
import { InputError } from "../errors/index.js";
import { computeStoryFeatures, type StoryFeatures } from "../retrieval/index.js";

/** One answer of a retellings set (see evals/README.md): a bank story retold in the teller's own words, or an answer about another experience. */
export const RetellingCaseSchema = z.object({
  id: z.string().min(1),
  /** The bank, relative to the project folder. */
  bank: z.string().min(1),
  kind: z.enum(["retelling", "partial", "improvised", "same-theme"]),
  /** The story retold; null for an experience not in the bank. */
  story: z.string().min(1).nullable(),
  /** For a same-theme answer, the bank story it resembles. */
  near: z.string().optional(),
  question: z.string().min(1),
  answer: z.string().min(1),
  closeness: z.string().optional(),
});
export type RetellingCase = z.infer<typeof RetellingCaseSchema>;

export interface StoryToldMetrics {
  dataset: string;
  /** Retellings, whole or partial, and the share credited to the story retold. */
  retold: number;
  recognised: number;
  /** Answers about experiences not in the bank, and the share credited to no story. */
  other: number;
  notCredited: number;
  /** Retellings credited to another story than the one retold. */
  misattributed: number;
}

/**
 * How well the chat tells which bank story an answer retells (`storyTold`), on
 * a retellings set. With `oneExperience`, each answer is read against a bank
 * of only the experience it retells (or, for another experience, the one it
 * resembles, else the bank's first): a candidate's first story.
 */
export async function evaluateStoryTold(name: string, file: string, root: string, { oneExperience = false } = {}): Promise<StoryToldMetrics> {
  const cases = await readEvalDataset(file, RetellingCaseSchema, "a retelling");
  const banks = new Map<string, StoryFeatures[]>();
  for (const bank of new Set(cases.map((entry) => entry.bank))) banks.set(bank, [...computeStoryFeatures((await loadBank([path.resolve(root, bank)])).stories)]);
  const counts = { retold: 0, recognised: 0, other: 0, notCredited: 0, misattributed: 0 };
  for (const entry of cases) {
    const whole = banks.get(entry.bank)!;
    const features = oneExperience ? alone(whole, entry.story ?? entry.near ?? whole[0]!.story.id) : whole;
    const told = storyTold(entry.answer, features);
    if (entry.story === null) {
      counts.other++;
      if (!told) counts.notCredited++;
      continue;
    }
    const wanted = whole.find((candidate) => candidate.story.id === entry.story);
    if (!wanted) throw new InputError("INPUT_NOT_PARSEABLE", `${file}: ${entry.id} names story "${entry.story}", which ${entry.bank} does not hold.`, { file });
    counts.retold++;
    if (told?.story.experience === wanted.story.experience) counts.recognised++;
    else if (told) counts.misattributed++;
  }
  return {
    dataset: oneExperience ? `${name}-one-experience` : name,
    retold: counts.retold,
    recognised: counts.recognised / Math.max(1, counts.retold),
    other: counts.other,
    notCredited: counts.notCredited / Math.max(1, counts.other),
    misattributed: counts.misattributed / Math.max(1, counts.retold),
  };
}

/** The tellings of the experience of the story with this id (no tellings when the id is unknown: the caller reports it). */
function alone(features: readonly StoryFeatures[], id: string): StoryFeatures[] {
  const experience = features.find((candidate) => candidate.story.id === id)?.story.experience;
  return features.filter((candidate) => candidate.story.experience === experience);
}
