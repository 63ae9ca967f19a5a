import { stem } from "../understanding/normalize-text.js";
import { senseTaggedTerms } from "../understanding/sense-terms.js";
import type { Taxonomy } from "../understanding/taxonomy.js";

/** A document for lexical search: its id and weighted fields. */
export interface LexicalDocument {
  id: string;
  fields: Array<{ text: string; weight: number }>;
}

const K1 = 1.2;
const B = 0.75;
// Words from the same vocabulary family as a question word count for this much of a direct hit.
const FAMILY_WEIGHT = 0.35;

/**
 * BM25 over stories with interview-vocabulary expansion: a question about
 * "failing" also finds stories that say "broke" or "rolled back", at lower weight.
 */
export class LexicalIndex {
  private readonly postings = new Map<string, Array<{ doc: number; tf: number }>>();
  private readonly lengths: number[] = [];
  private readonly averageLength: number;
  private readonly familiesByTerm = new Map<string, string[]>();
  private readonly skip: Set<string>;

  constructor(
    readonly ids: readonly string[],
    documents: readonly LexicalDocument[],
    taxonomy: Taxonomy,
  ) {
    this.skip = taxonomy.templateWords;
    documents.forEach((document, index) => {
      const counts = new Map<string, number>();
      let length = 0;
      for (const field of document.fields) {
        for (const term of senseTaggedTerms(field.text, this.skip)) {
          counts.set(term, (counts.get(term) ?? 0) + field.weight);
          length += field.weight;
        }
      }
      this.lengths.push(length);
      for (const [term, tf] of counts) {
        const list = this.postings.get(term) ?? [];
        list.push({ doc: index, tf });
        this.postings.set(term, list);
      }
    });
    this.averageLength = this.lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, this.lengths.length);
    for (const family of taxonomy.families) {
      const stems = [...new Set(family.map(stem))];
      for (const term of stems) this.familiesByTerm.set(term, [...new Set([...(this.familiesByTerm.get(term) ?? []), ...stems.filter((other) => other !== term)])]);
    }
  }

  /** The query's weighted terms: its own words at 1, family members at a lower weight. */
  expand(question: string): Map<string, number> {
    const weights = new Map<string, number>();
    for (const term of senseTaggedTerms(question, this.skip)) weights.set(term, 1);
    for (const term of [...weights.keys()]) {
      for (const related of this.familiesByTerm.get(term) ?? []) {
        if ((weights.get(related) ?? 0) < FAMILY_WEIGHT) weights.set(related, FAMILY_WEIGHT);
      }
    }
    return weights;
  }

  /** BM25 score for every document (0 where nothing matched), in document order. */
  score(question: string, expandVocabulary = true): number[] {
    const scores = new Array<number>(this.ids.length).fill(0);
    const total = this.ids.length;
    const terms = expandVocabulary ? this.expand(question) : new Map(senseTaggedTerms(question, this.skip).map((term) => [term, 1]));
    for (const [term, weight] of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = Math.log(1 + (total - list.length + 0.5) / (list.length + 0.5));
      for (const { doc, tf } of list) {
        const norm = tf + K1 * (1 - B + (B * this.lengths[doc]!) / this.averageLength);
        scores[doc]! += weight * idf * ((tf * (K1 + 1)) / norm);
      }
    }
    return scores;
  }
}
