import { familyRelatives } from "../understanding/family-relatives.js";
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
 * A lexical index's term counts as flat arrays: what `toData` gives and the
 * constructor takes back, so an index built in one thread is used in another
 * without reading its stories again (the arrays' buffers can be transferred).
 */
export interface LexicalIndexData {
  /** Every term, with its postings at `starts[i]` up to `starts[i + 1]` in `docs` and `tfs`. */
  terms: string[];
  starts: Uint32Array;
  docs: Uint32Array;
  tfs: Float64Array;
  /** Each document's weighted length. */
  lengths: Float64Array;
}

interface Postings {
  docs: Uint32Array;
  tfs: Float64Array;
}

/**
 * BM25 over stories with interview-vocabulary expansion: a question about
 * "failing" also finds stories that say "broke" or "rolled back", at lower weight.
 */
export class LexicalIndex {
  private readonly postings = new Map<string, Postings>();
  private readonly data: LexicalIndexData;
  private readonly averageLength: number;
  private readonly familiesByTerm: ReadonlyMap<string, readonly string[]>;
  private readonly skip: Set<string>;
  private lastCoverage?: { question: string; shares: readonly number[] };

  /** Indexes the documents, or takes the data of an index built elsewhere (`toData`). */
  constructor(
    readonly ids: readonly string[],
    documents: readonly LexicalDocument[] | LexicalIndexData,
    taxonomy: Taxonomy,
  ) {
    this.skip = taxonomy.templateWords;
    this.data = "terms" in documents ? documents : countTerms(documents, this.skip);
    const { terms, starts, docs, tfs, lengths } = this.data;
    terms.forEach((term, index) => this.postings.set(term, { docs: docs.subarray(starts[index]!, starts[index + 1]!), tfs: tfs.subarray(starts[index]!, starts[index + 1]!) }));
    this.averageLength = lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, lengths.length);
    this.familiesByTerm = familyRelatives(taxonomy);
  }

  /** The term counts, to build the same index elsewhere (its own arrays: transferring their buffers leaves this index unusable). */
  toData(): LexicalIndexData {
    return this.data;
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

  /**
   * For every document, the share (0-1) of the question's own words, weighted
   * by rarity, that the document holds: a relative counts at the family weight,
   * and a word no story holds weighs as the rarest, so "investors" in a question
   * no story mentions leaves every story's share short.
   */
  coverage(question: string): readonly number[] {
    // The fit of each shown story asks for the same question's shares: computed once.
    if (this.lastCoverage?.question === question) return this.lastCoverage.shares;
    const total = this.ids.length;
    const covered = new Float64Array(total);
    // Which term last credited each document: a document is credited once per term, a direct hit before a relative.
    const creditedBy = new Int32Array(total).fill(-1);
    let mass = 0;
    [...new Set(senseTaggedTerms(question, this.skip))].forEach((term, termIndex) => {
      const own = this.postings.get(term);
      const weight = inverseDocumentFrequency(total, own?.docs.length ?? 0);
      mass += weight;
      for (const doc of own?.docs ?? []) {
        covered[doc]! += weight;
        creditedBy[doc] = termIndex;
      }
      for (const related of this.familiesByTerm.get(term) ?? []) {
        for (const doc of this.postings.get(related)?.docs ?? []) {
          if (creditedBy[doc] === termIndex) continue;
          covered[doc]! += weight * FAMILY_WEIGHT;
          creditedBy[doc] = termIndex;
        }
      }
    });
    const shares = Array.from(covered, (value) => (mass > 0 ? value / mass : 0));
    this.lastCoverage = { question, shares };
    return shares;
  }

  /** BM25 score for every document (0 where nothing matched), in document order. */
  score(question: string, expandVocabulary = true): number[] {
    const scores = new Array<number>(this.ids.length).fill(0);
    const total = this.ids.length;
    const terms = expandVocabulary ? this.expand(question) : new Map(senseTaggedTerms(question, this.skip).map((term) => [term, 1]));
    for (const [term, weight] of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = inverseDocumentFrequency(total, list.docs.length);
      for (let position = 0; position < list.docs.length; position++) {
        const doc = list.docs[position]!;
        const tf = list.tfs[position]!;
        const norm = tf + K1 * (1 - B + (B * this.data.lengths[doc]!) / this.averageLength);
        scores[doc]! += weight * idf * ((tf * (K1 + 1)) / norm);
      }
    }
    return scores;
  }
}

/** BM25's idf of a term held by `documentCount` of `total` documents (a term none holds weighs the most). */
function inverseDocumentFrequency(total: number, documentCount: number): number {
  return Math.log(1 + (total - documentCount + 0.5) / (documentCount + 0.5));
}

/** Counts each document's weighted terms into flat postings, terms in the order first met. */
function countTerms(documents: readonly LexicalDocument[], skip: Set<string>): LexicalIndexData {
  const postings = new Map<string, { docs: number[]; tfs: number[] }>();
  const lengths = new Float64Array(documents.length);
  documents.forEach((document, index) => {
    const counts = new Map<string, number>();
    let length = 0;
    for (const field of document.fields) {
      for (const term of senseTaggedTerms(field.text, skip)) {
        counts.set(term, (counts.get(term) ?? 0) + field.weight);
        length += field.weight;
      }
    }
    lengths[index] = length;
    for (const [term, tf] of counts) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = { docs: [], tfs: [] }));
      list.docs.push(index);
      list.tfs.push(tf);
    }
  });
  const terms = [...postings.keys()];
  const starts = new Uint32Array(terms.length + 1);
  let total = 0;
  terms.forEach((term, index) => {
    starts[index] = total;
    total += postings.get(term)!.docs.length;
  });
  starts[terms.length] = total;
  const docs = new Uint32Array(total);
  const tfs = new Float64Array(total);
  terms.forEach((term, index) => {
    const list = postings.get(term)!;
    docs.set(list.docs, starts[index]);
    tfs.set(list.tfs, starts[index]);
  });
  return { terms, starts, docs, tfs, lengths };
}
