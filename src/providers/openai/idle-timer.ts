/**
 * Cancels a request whose reply goes quiet for too long (the client's own
 * timeout ends once the reply's headers arrive); the caller's signal still
 * cancels it too.
 */
export class IdleTimer {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  /** True once the timer, not the caller, cancelled the request. */
  fired = false;

  /** @param ms Longest quiet wait; undefined never fires. */
  constructor(
    readonly ms: number | undefined,
    private readonly outer?: AbortSignal,
  ) {
    if (outer?.aborted) this.forward();
    outer?.addEventListener("abort", this.forward, { once: true });
  }

  /** The signal to give the request. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Starts the wait again: when the reply starts and on each piece of it. */
  restart(): void {
    if (this.ms === undefined) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.fired = true;
      this.controller.abort();
    }, this.ms);
  }

  /** Stops timing and lets go of the caller's signal. */
  stop(): void {
    clearTimeout(this.timer);
    this.outer?.removeEventListener("abort", this.forward);
  }

  private readonly forward = () => this.controller.abort(this.outer?.reason);
}
