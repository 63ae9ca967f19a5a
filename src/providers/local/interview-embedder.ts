import { createHash } from "node:crypto";
import type { Embedder } from "../../core/embedder.js";
import { loadTaxonomy, profileText, profileVector, senseTaggedTerms, stem, type Taxonomy } from "../../understanding/index.js";

// Words are hashed into this many dimensions. At 256, collisions cost the dense signal 0.05 hit@3 on the
// training banks (0.686 -> 0.736 at 1024); 2048 and 4096 add under 0.01 and slow every search.
const LEXICAL_DIMENSIONS = 1024;
// Share of the vector given to words versus to interview themes (competencies and principles).
const LEXICAL_SHARE = 0.55;
const THEME_SHARE = 0.45;
// At most this many words' hashed dimensions are remembered (a few MB).
const MAXIMUM_REMEMBERED_WORDS = 50_000;

/**
 * The offline default embedder, built from the coach's own know-how: hashed
 * words (synonyms from the interview vocabulary folded together) beside the
 * text's competency and principle profile. Needs no model download.
 */
export class InterviewEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  private readonly canonical = new Map<string, string>();
  private readonly taxonomy: Taxonomy;
  // Each word's dimension and sign, remembered: the same words recur in every question.
  private readonly slots = new Map<string, { slot: number; sign: number }>();

  constructor() {
    this.taxonomy = loadTaxonomy();
    for (const family of this.taxonomy.families) {
      const head = stem(family[0]!);
      for (const word of family) this.canonical.set(stem(word), head);
    }
    this.dimensions = LEXICAL_DIMENSIONS + this.taxonomy.competencies.length + 16;
    this.id = `local:interview-v7-${this.taxonomy.version}`;
  }

  get fingerprint(): string {
    return this.id;
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    return texts.map((text) => this.embedOne(text));
  }

  private slotOf(word: string): { slot: number; sign: number } {
    let known = this.slots.get(word);
    if (!known) {
      const digest = createHash("md5").update(word).digest();
      known = { slot: digest.readUInt32LE(0) % LEXICAL_DIMENSIONS, sign: digest[4]! & 1 ? 1 : -1 };
      if (this.slots.size >= MAXIMUM_REMEMBERED_WORDS) this.slots.clear();
      this.slots.set(word, known);
    }
    return known;
  }

  private embedOne(text: string): number[] {
    const lexical = new Array<number>(LEXICAL_DIMENSIONS).fill(0);
    const counts = new Map<string, number>();
    for (const term of senseTaggedTerms(text, this.taxonomy.templateWords)) {
      const word = this.canonical.get(term) ?? term;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    for (const [word, count] of counts) {
      const { slot, sign } = this.slotOf(word);
      lexical[slot]! += sign * (1 + Math.log(count));
    }
    const themes = profileVector(profileText(text, "story"));
    return [...scale(lexical, LEXICAL_SHARE), ...scale(themes, THEME_SHARE)];
  }
}

function scale(vector: number[], share: number): number[] {
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((value) => (value / norm) * share);
}
