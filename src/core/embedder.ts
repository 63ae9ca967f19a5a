/** Turns texts into vectors; one implementation per provider. */
export interface Embedder {
  /** Names the embedder and its model, e.g. `openai:text-embedding-3-small`; shown to the user. */
  readonly id: string;
  /**
   * `id` plus whatever else decides which vectors come back (the server, a
   * requested size): vectors are only compared, cached or indexed together
   * when their fingerprints are equal. Equals `id` for an in-process embedder.
   */
  readonly fingerprint: string;
  /** Vector length, once known (some providers only tell after the first call). */
  readonly dimensions: number | undefined;
  /** One vector per text, in order, all of `dimensions` length. */
  embed(texts: readonly string[], options?: { signal?: AbortSignal }): Promise<number[][]>;
}
