import { createHash } from "node:crypto";
import type { Embedder } from "../../core/embedder.js";
import { STOPWORDS } from "../../text/stopwords.js";

/**
 * An offline embedder that needs no model: words and word pairs hashed into
 * a fixed-size vector (sublinear counts, L2-normalised). Deterministic, fast,
 * and lexical only; texts that share words land close together.
 */
export class HashedLexicalEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;

  constructor(dimensions = 512) {
    this.dimensions = dimensions;
    this.id = `local:hashed-lexical-v1-${dimensions}`;
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    return texts.map((text) => this.embedOne(text));
  }

  private embedOne(text: string): number[] {
    const vector = new Array<number>(this.dimensions).fill(0);
    const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !STOPWORDS.has(word)).map(stem);
    const counts = new Map<string, number>();
    words.forEach((word, index) => {
      counts.set(word, (counts.get(word) ?? 0) + 1);
      const next = words[index + 1];
      if (next) counts.set(`${word} ${next}`, (counts.get(`${word} ${next}`) ?? 0) + 0.5);
    });
    for (const [feature, count] of counts) {
      const digest = createHash("md5").update(feature).digest();
      const slot = digest.readUInt32LE(0) % this.dimensions;
      const sign = (digest[4]! & 1) === 0 ? 1 : -1;
      vector[slot]! += sign * (1 + Math.log(count));
    }
    const norm = Math.hypot(...vector);
    return norm === 0 ? vector : vector.map((value) => value / norm);
  }
}

// Light suffix stripping so "migrated", "migrating" and "migration" meet.
function stem(word: string): string {
  return word.replace(/(ations?|ings?|ed|es|s|ly)$/, "").slice(0, 12) || word;
}
