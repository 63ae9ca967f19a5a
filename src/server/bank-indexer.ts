import { setTimeout as delay } from "node:timers/promises";
import type { Worker } from "node:worker_threads";
import { DEFAULTS } from "../config/index.js";
import type { Embedder } from "../core/embedder.js";
import type { ParseWarning, Story } from "../core/story.js";
import { errorFromData, errorToData } from "../errors/index.js";
import { matcherFromParts, withTokensOnDemand, type StoryFeatures } from "../retrieval/index.js";
import { clearAbandonedWrites, storeLayout } from "../store/index.js";
import { HnswStoryIndex } from "../vector-index/hnsw-story-index.js";
import type { BankState } from "./bank-state.js";
import { indexStoppedError, indexTimeoutError } from "./index-abandoned-error.js";
import type { FromIndexWorker, IndexDone, ToIndexWorker } from "./index-worker-messages.js";
import { IndexWatchdog } from "./index-watchdog.js";
import { startIndexWorker } from "./start-index-worker.js";
import type { UploadedFile } from "./uploaded-file-name.js";

/** How long a worker that is told to stop may take to stop before it is given up on. */
const TERMINATE_WAIT_MS = 5_000;

/** A bank state to serve, and the upload's warnings when there was one. */
export interface IndexedBanks {
  state: BankState;
  uploadWarnings: ParseWarning[];
}

/** Work handed to a worker: when that worker stops, only its own work fails. */
interface Held {
  worker: Worker;
  /** The store a build writes to (tidied if the build is abandoned); none for a check, which writes nothing. */
  store?: string;
  upload?: UploadedFile;
  reject: (error: unknown) => void;
}

interface Build extends Held {
  store: string;
  /** The state served when the build was asked for: still served when the store's index is that one. */
  served?: BankState;
  stories: Story[];
  features: StoryFeatures[];
  resolve: (built: IndexedBanks) => void;
}

interface Check extends Held {
  resolve: () => void;
}

/**
 * Builds a server's bank indexes in a worker thread: parsing, profiling,
 * local embedding and the vector index all run there, and this thread's
 * event loop stays free, so the server answers other requests while an
 * upload is indexed. A provider's embedder is still called on this thread,
 * when the worker asks (its calls are network I/O). The worker is started
 * on the first build and kept, warm, for the next; it never keeps the
 * process alive while idle. A worker that shows no progress for the limit
 * (`timeoutMs`) is stopped and its work fails with INDEX_TIMEOUT; the next
 * build starts a fresh one.
 */
export class BankIndexer {
  private worker: Worker | undefined;
  private readonly builds = new Map<number, Build>();
  private readonly checks = new Map<number, Check>();
  private started = 0;
  /** Calls to this thread's embedder under way for the worker: their wait is bounded by the provider's own timeout. */
  private relaying = 0;
  private readonly watchdog: IndexWatchdog;
  /** Set while an abandoned worker stops and the store is tidied: no new worker starts before. */
  private recovering: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly embedder: Embedder,
    timeoutMs: number = DEFAULTS.indexTimeoutMs,
  ) {
    this.watchdog = new IndexWatchdog(timeoutMs, () => {
      if (this.worker) this.abandon(this.worker, (held) => indexTimeoutError(timeoutMs, held.upload));
    });
  }

  /**
   * Indexes the banks into the store (as `ensureIndex`) and resolves to the
   * state to serve from them. Errors keep their codes and messages; a
   * refused or failed build leaves the stored index as it was. Given the
   * state `served`, a store whose index is still that one (the same bytes
   * uploaded again) resolves to it without rebuilding. A build in which one of
   * the `held` banks holds no story is refused (INPUT_EMPTY).
   */
  build(request: { store: string; banks: string[]; upload?: UploadedFile; served?: BankState; held?: string[] }): Promise<IndexedBanks> {
    if (this.stopped) return Promise.reject(indexStoppedError(request.upload));
    if (this.recovering) return this.recovering.then(() => this.build(request));
    const worker = this.running();
    const build = ++this.started;
    const { id, fingerprint, dimensions } = this.embedder;
    const { store, banks, upload, served, held } = request;
    const manifest = served?.indexed.manifest;
    return new Promise((resolve, reject) => {
      this.builds.set(build, { worker, store, upload, served, stories: [], features: [], resolve, reject });
      // Held while building: at start-up nothing else may keep the process alive until the banks are served.
      worker.ref();
      const servedIndex = manifest && { bankHash: manifest.bankHash, createdAt: manifest.createdAt };
      this.post(worker, { type: "build", build, request: { store, banks, upload, held, served: servedIndex, embedder: { id, fingerprint, dimensions } } });
    });
  }

  /**
   * Parses an upload on its own in the worker, before it is written to the
   * store: resolves when it holds stories, rejects as the parser or the
   * empty-bank refusal does, naming it by its file name.
   */
  check(upload: UploadedFile, content: string): Promise<void> {
    if (this.stopped) return Promise.reject(indexStoppedError(upload));
    if (this.recovering) return this.recovering.then(() => this.check(upload, content));
    const worker = this.running();
    const check = ++this.started;
    return new Promise((resolve, reject) => {
      this.checks.set(check, { worker, upload, resolve, reject });
      worker.ref();
      this.post(worker, { type: "check", build: check, upload, content });
    });
  }

  /**
   * Stops the worker: work under way fails with INDEX_STOPPED, changing
   * nothing, and so does any asked for later. Resolves once the worker has
   * stopped and the store is tidied (or the worker was given up on).
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.worker) this.abandon(this.worker, (held) => indexStoppedError(held.upload));
    await this.recovering;
  }

  private running(): Worker {
    if (this.worker) return this.worker;
    const worker = startIndexWorker();
    worker.unref();
    worker.on("message", (message: FromIndexWorker) => this.receive(message));
    // A worker that fails (out of memory on a pathological bank) fails the work it held; the next build starts another.
    worker.on("error", (error) => this.abandon(worker, () => error));
    worker.on("exit", (code) => this.abandon(worker, () => new Error(`the index worker stopped (exit code ${code}) before the index was built`)));
    this.worker = worker;
    return worker;
  }

  private post(worker: Worker, message: ToIndexWorker): void {
    worker.postMessage(message);
    this.watch();
  }

  private receive(message: FromIndexWorker): void {
    const checking = this.checks.get(message.build);
    if (checking && (message.type === "checked" || message.type === "failed")) {
      this.checks.delete(message.build);
      this.settled();
      return message.type === "checked" ? checking.resolve() : checking.reject(errorFromData(message.error));
    }
    const pending = this.builds.get(message.build);
    if (!pending) return;
    if (message.type === "embed") return this.relay(pending.worker, message.build, message.ask, message.texts);
    if (message.type === "progress") return this.watch();
    if (message.type === "stories") {
      for (const story of message.stories) pending.stories.push(story);
      for (const sent of message.features) pending.features.push(withTokensOnDemand(sent));
      return this.watch();
    }
    this.builds.delete(message.build);
    this.settled();
    if (message.type === "checked") return;
    if (message.type === "failed") return pending.reject(errorFromData(message.error));
    if (message.type === "current") {
      if (pending.served) return pending.resolve({ state: pending.served, uploadWarnings: message.uploadWarnings });
      return pending.reject(new Error("the index worker answered that the index served is current, but none was served"));
    }
    this.serve(pending, message).then(pending.resolve, pending.reject);
  }

  /** Embeds for the worker with this thread's embedder (a provider's); the watchdog waits meanwhile. */
  private relay(worker: Worker, build: number, ask: number, texts: string[]): void {
    this.relaying++;
    this.watch();
    this.embedder
      .embed(texts)
      .then(
        (vectors) => worker.postMessage({ type: "embedded", build, ask, vectors } satisfies ToIndexWorker),
        (error: unknown) => worker.postMessage({ type: "embed-failed", build, ask, error: errorToData(error) } satisfies ToIndexWorker),
      )
      .finally(() => {
        this.relaying--;
        this.watch();
      });
  }

  /** Waits for the worker's next step while it has work and is not waiting on this thread. */
  private watch(): void {
    if (this.builds.size + this.checks.size > 0 && this.relaying === 0) this.watchdog.restart();
    else this.watchdog.stop();
  }

  private settled(): void {
    this.watch();
    if (this.builds.size === 0 && this.checks.size === 0) this.worker?.unref();
  }

  /**
   * Stops a worker and fails the work it held, each with `failure`'s error,
   * once the worker can no longer write and the stores it wrote to are tidied
   * (clearAbandonedWrites): the next build waits for that, then starts a
   * fresh worker. A worker that already stopped (crashed) is tidied after
   * the same way.
   */
  private abandon(worker: Worker, failure: (held: Held) => unknown): void {
    if (this.worker === worker) this.worker = undefined;
    const held: Held[] = [];
    for (const pending of [this.builds, this.checks] as Array<Map<number, Held>>) {
      for (const [number, entry] of pending) {
        if (entry.worker !== worker) continue;
        pending.delete(number);
        held.push(entry);
      }
    }
    this.watch();
    // Nothing held (an idle worker stopped, or the exit of one already abandoned): nothing to fail or tidy.
    if (held.length === 0) return void worker.terminate();
    const errors = held.map(failure);
    const stores = new Set(held.flatMap((entry) => (entry.store ? [entry.store] : [])));
    const recovering = (this.recovering ?? Promise.resolve()).then(async () => {
      const stoppedInTime = await Promise.race([worker.terminate().then(() => true, () => true), delay(TERMINATE_WAIT_MS, false, { ref: false })]);
      // Only a worker known to be gone: one still running could write again, and what is removed is named by this process.
      if (stoppedInTime) for (const store of stores) await clearAbandonedWrites(store).catch(() => undefined);
    });
    this.recovering = recovering;
    void recovering.then(() => {
      if (this.recovering === recovering) this.recovering = undefined;
      held.forEach((entry, position) => entry.reject(errors[position]));
    });
  }

  private async serve(pending: Build, done: IndexDone): Promise<IndexedBanks> {
    const { stories, features } = pending;
    const { manifest } = done.result;
    // The worker's index is not shared memory: read the one it wrote, on a background thread.
    const index = await HnswStoryIndex.open(storeLayout(pending.store).vectors, manifest.storyIds, manifest.embedder.dimensions);
    const matcher = matcherFromParts({ stories, features, index, lexical: done.lexical }, this.embedder);
    return { state: { indexed: { ...done.result, stories, index }, matcher, features }, uploadWarnings: done.uploadWarnings };
  }
}
