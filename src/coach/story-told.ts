import type { StoryFeatures } from "../retrieval/index.js";
import { lexicalTerms, loadTaxonomy } from "../understanding/index.js";

// Content words an answer needs before it can be credited to a bank story it retells (a 60-word answer has about 30).
const MIN_RETOLD_TERMS = 20;

/**
 * The bank story an answer retells: the one holding most of the answer's
 * content words, when it holds at least half of them. A short answer shares
 * half its few words ("rolled back the release") with many a story, so it
 * takes a told story's length to be credited.
 */
export function storyTold(answer: string, bank: readonly StoryFeatures[]): StoryFeatures | undefined {
  const terms = new Set(lexicalTerms(answer, loadTaxonomy().templateWords));
  if (terms.size < MIN_RETOLD_TERMS) return undefined;
  let best: { features: StoryFeatures; share: number } | undefined;
  for (const features of bank) {
    let shared = 0;
    for (const term of terms) if (features.terms.has(term)) shared++;
    const share = shared / terms.size;
    if (!best || share > best.share) best = { features, share };
  }
  return best && best.share >= 0.5 ? best.features : undefined;
}
