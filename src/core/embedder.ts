/** Turns texts into vectors; one implementation per provider. */
export interface Embedder {
  /** Names the embedder and its model, e.g. `openai:text-embedding-3-small`; part of every cache key. */
  readonly id: string;
  /** Vector length, once known (some providers only tell after the first call). */
  readonly dimensions: number | undefined;
  /** One vector per text, in order. */
  embed(texts: readonly string[], options?: { signal?: AbortSignal }): Promise<number[][]>;
}
