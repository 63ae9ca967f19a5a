/**
 * Watches an index worker for progress: armed while it has work, `onStall`
 * is called once no progress was heard for `limitMs`. The worker reports each
 * step of a build (parsing, principles, each batch embedded, profiling,
 * the index written): the slowest, for one 5 MB story, take about 35 s on a
 * 2-core machine, while the whole build takes minutes and grows with the
 * bank. A limit on the wait between two steps tells a hung worker from a slow
 * build far sooner than a limit on the whole build could.
 */
export class IndexWatchdog {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly limitMs: number,
    private readonly onStall: () => void,
  ) {}

  /** Work began or showed progress: wait `limitMs` from now. */
  restart(): void {
    this.stop();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.onStall();
    }, this.limitMs);
    // The worker, referenced while it builds, keeps the process alive; the watchdog alone never should.
    this.timer.unref();
  }

  /** Nothing to wait for: no work under way, or the wait is another's (a provider call, bounded by its own timeout). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
