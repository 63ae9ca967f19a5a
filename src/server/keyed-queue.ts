/**
 * Runs work one at a time per key: two messages to the same chat session at
 * once would each load it, answer, and save, and the last save would drop the
 * other's exchange; two bank uploads would interleave their index builds.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    // Forget the key once its last piece of work is done, so idle sessions cost nothing.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}
