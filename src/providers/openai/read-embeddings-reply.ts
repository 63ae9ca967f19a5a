import { z } from "zod";
import { ProviderError } from "../../errors/index.js";

// Only the shape is checked here; counts, order, sizes and values get their own messages below.
const EmbeddingsReplySchema = z.object({
  data: z.array(z.object({ index: z.number().int().nonnegative().optional(), embedding: z.array(z.unknown()) })),
});

/** What a reply must hold: one vector per text sent and, once fixed, vectors of one known length. */
export interface ExpectedEmbeddings {
  texts: number;
  /** The length every vector must have, and why, e.g. "its earlier replies had 64". */
  dimensions?: { length: number; because: string };
}

/**
 * Reads an embeddings reply into one vector per text, in the texts' order.
 * Anything that could not be used as such (a vector missing, vectors of two
 * lengths or of the wrong length, a value that is not a finite number) is a
 * PROVIDER_BAD_RESPONSE naming what was wrong.
 */
export function readEmbeddingsReply(reply: unknown, expected: ExpectedEmbeddings, where: string): number[][] {
  const bad = (what: string) => new ProviderError("PROVIDER_BAD_RESPONSE", `${where}: ${what}.`);
  const parsed = EmbeddingsReplySchema.safeParse(reply);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw bad(`the provider's answer could not be read (${issue.path.join(".") || "reply"}: ${issue.message})`);
  }
  const data = parsed.data.data;
  if (data.length !== expected.texts) throw bad(`the provider returned ${plural(data.length, "vector")} for ${plural(expected.texts, "text")}`);

  if (data.length === 0) return [];
  const vectors = new Array<number[] | undefined>(data.length);
  data.forEach((item, position) => {
    const index = item.index ?? position;
    if (index >= data.length || vectors[index]) throw bad(`the provider's vectors do not match the texts one to one (index ${index} ${index >= data.length ? "is out of range" : "appears twice"})`);
    vectors[index] = item.embedding as number[];
  });

  const length = vectors[0]!.length;
  if (length === 0) throw bad("the provider returned empty vectors");
  vectors.forEach((vector, text) => {
    if (vector!.length !== length) throw bad(`the provider returned vectors of different lengths (${length} and ${vector!.length}) in one reply`);
    // JSON has no NaN or Infinity, but null is a JSON value and 1e999 reads as Infinity: neither can be searched.
    const value = vector!.findIndex((number) => !Number.isFinite(number));
    if (value >= 0) throw bad(`the provider returned a vector with a value that is not a finite number (text ${text + 1}, value ${value + 1})`);
  });
  if (expected.dimensions && length !== expected.dimensions.length) {
    throw bad(`the provider returned ${length}-dimension vectors where ${expected.dimensions.because}`);
  }
  return vectors as number[][];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
