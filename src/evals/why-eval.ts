import { readEvalDataset } from "./read-eval-dataset.js";
import path from "node:path";
import { z } from "zod";
import { loadBank } from "../bank/index.js";
import type { Embedder } from "../core/embedder.js";
import { InputError } from "../errors/index.js";
import { createInMemoryMatcher, type QuotedEvidence } from "../retrieval/index.js";
import { withInferredPrinciples } from "../understanding/index.js";

/** One labelled question and story: which of the story's lines show that it fits (evals/README.md, "Why quotes"). */
export const WhyLabelSchema = z.object({
  case: z.string().min(1),
  /** The bank folder, relative to the package root. */
  bank: z.string().min(1),
  question: z.string().min(1),
  story: z.string().min(1),
  /** A heading line (title, a question it answers, tags) names what is asked. */
  heading: z.boolean(),
  shows: z.array(z.string()),
  best: z.string().nullable(),
  misleading: z.array(z.string()),
});
export type WhyLabel = z.infer<typeof WhyLabelSchema>;

export interface WhyMetrics {
  dataset: string;
  cases: number;
  /** Share of pairs where the why quotes a line as showing the fit (a sentence or the heading). */
  quoted: number;
  /** How many pairs that is: what fair and misleading are shares of. */
  quotedPairs: number;
  /** Of those, the share whose line the reader marked as showing it (the heading: when the reader said it names what is asked). */
  fair: number;
  /** Of those, the share whose sentence the reader marked as misleading (negated, another sense, someone else's act...). */
  misleading: number;
  /** Of those quoting a sentence, the share quoting the reader's best sentence. */
  best: number;
  /** Share of pairs with a line that shows the fit where the why says no line does. */
  missed: number;
  /** Share of all pairs where the why is right: a fair quote, or "no line shows" when none does. */
  right: number;
}

/** Reads a why-label file, naming the line of any malformed label. */
export async function readWhyLabels(file: string): Promise<WhyLabel[]> {
  return readEvalDataset(file, WhyLabelSchema, "a why label");
}

/**
 * How well `why` quotes a story's evidence, against a reader's labels: for
 * each labelled pair, the line the match's explanation would quote for that
 * story (whatever its rank), judged against the lines the reader marked.
 */
export async function evaluateWhy(name: string, labels: readonly WhyLabel[], packageRoot: string, embedder: Embedder): Promise<WhyMetrics> {
  const counts = { cases: 0, quoted: 0, fair: 0, misleading: 0, sentences: 0, best: 0, withShows: 0, missed: 0, right: 0 };
  const byBank = new Map<string, WhyLabel[]>();
  for (const label of labels) byBank.set(label.bank, [...(byBank.get(label.bank) ?? []), label]);
  for (const [bank, bankLabels] of byBank) {
    const stories = withInferredPrinciples((await loadBank([path.resolve(packageRoot, bank)])).stories);
    const matcher = await createInMemoryMatcher(stories, embedder);
    for (const label of bankLabels) {
      const evidence = matcher.quotedEvidence(label.question, label.story);
      if (!evidence) throw new InputError("INPUT_NOT_PARSEABLE", `${name}: case ${label.case} names story "${label.story}", which ${bank} does not have.`, {});
      counts.cases++;
      const verdict = judge(evidence, label);
      if (label.shows.length > 0) counts.withShows++;
      if (verdict.claims === "lack") {
        if (label.shows.length > 0) counts.missed++;
        else counts.right++;
        continue;
      }
      if (verdict.claims === "nothing") continue;
      counts.quoted++;
      if (verdict.fair) counts.fair++, counts.right++;
      if (verdict.misleading) counts.misleading++;
      if (verdict.sentence !== undefined) {
        counts.sentences++;
        if (verdict.sentence === label.best) counts.best++;
      }
    }
  }
  const share = (count: number, of: number) => count / Math.max(1, of);
  return {
    dataset: name,
    cases: counts.cases,
    quoted: share(counts.quoted, counts.cases),
    quotedPairs: counts.quoted,
    fair: share(counts.fair, counts.quoted),
    misleading: share(counts.misleading, counts.quoted),
    best: share(counts.best, counts.sentences),
    missed: share(counts.missed, counts.withShows),
    right: share(counts.right, counts.cases),
  };
}

interface Verdict {
  claims: "line" | "lack" | "nothing";
  sentence?: string;
  fair?: boolean;
  misleading?: boolean;
}

/** What the explanation claims, and whether the reader agrees. */
export function judge(evidence: QuotedEvidence, label: WhyLabel): Verdict {
  // Exhaustive over the kinds: a new kind fails to compile here.
  switch (evidence.kind) {
    case "heading":
    case "asked":
      return { claims: "line", fair: label.heading };
    case "none":
      return { claims: evidence.lacking ? "lack" : "nothing" };
    case "words":
      // "Shares "x" with the question: "...", but no line shows failure" claims the lack, not the line.
      if (evidence.lacking) return { claims: "lack" };
      return sentenceVerdict(evidence.sentence.text, label);
    case "theme":
    case "line":
      return sentenceVerdict(evidence.sentence.text, label);
  }
}

function sentenceVerdict(sentence: string, label: WhyLabel): Verdict {
  return { claims: "line", sentence, fair: label.shows.includes(sentence), misleading: label.misleading.includes(sentence) };
}
