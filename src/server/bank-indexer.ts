import type { Worker } from "node:worker_threads";
import type { Embedder } from "../core/embedder.js";
import type { ParseWarning, Story } from "../core/story.js";
import { errorFromData, errorToData } from "../errors/index.js";
import { matcherFromParts, withTokensOnDemand, type StoryFeatures } from "../retrieval/index.js";
import { storeLayout } from "../store/index.js";
import { HnswStoryIndex } from "../vector-index/hnsw-story-index.js";
import type { BankState } from "./bank-state.js";
import type { FromIndexWorker, IndexDone, ToIndexWorker } from "./index-worker-messages.js";
import { startIndexWorker } from "./start-index-worker.js";
import type { UploadedFile } from "./uploaded-file-name.js";

/** A bank state to serve, and the upload's warnings when there was one. */
export interface IndexedBanks {
  state: BankState;
  uploadWarnings: ParseWarning[];
}

interface Build {
  /** The worker doing it: when that worker stops, only its own builds fail. */
  worker: Worker;
  store: string;
  stories: Story[];
  features: StoryFeatures[];
  resolve: (built: IndexedBanks) => void;
  reject: (error: unknown) => void;
}

/**
 * Builds a server's bank indexes in a worker thread: parsing, profiling,
 * local embedding and the vector index all run there, and this thread's
 * event loop stays free, so the server answers other requests while an
 * upload is indexed. A provider's embedder is still called on this thread,
 * when the worker asks (its calls are network I/O). The worker is started
 * on the first build and kept, warm, for the next; it never keeps the
 * process alive while idle.
 */
export class BankIndexer {
  private worker: Worker | undefined;
  private readonly builds = new Map<number, Build>();
  private readonly checks = new Map<number, { worker: Worker; resolve: () => void; reject: (error: unknown) => void }>();
  private started = 0;

  constructor(private readonly embedder: Embedder) {}

  /**
   * Indexes the banks into the store (as `ensureIndex`) and resolves to the
   * state to serve from them. Errors keep their codes and messages; a
   * refused or failed build leaves the stored index as it was.
   */
  build(request: { store: string; banks: string[]; upload?: UploadedFile }): Promise<IndexedBanks> {
    const worker = this.running();
    const build = ++this.started;
    const { id, fingerprint, dimensions } = this.embedder;
    return new Promise((resolve, reject) => {
      this.builds.set(build, { worker, store: request.store, stories: [], features: [], resolve, reject });
      // Held while building: at start-up nothing else may keep the process alive until the banks are served.
      worker.ref();
      this.post({ type: "build", build, request: { ...request, embedder: { id, fingerprint, dimensions } } });
    });
  }

  /**
   * Parses an upload on its own in the worker, before it is written to the
   * store: resolves when it holds stories, rejects as the parser or the
   * empty-bank refusal does, naming it by its file name.
   */
  check(upload: UploadedFile, content: string): Promise<void> {
    const worker = this.running();
    const check = ++this.started;
    return new Promise((resolve, reject) => {
      this.checks.set(check, { worker, resolve, reject });
      worker.ref();
      this.post({ type: "check", build: check, upload, content });
    });
  }

  private running(): Worker {
    if (this.worker) return this.worker;
    const worker = startIndexWorker();
    worker.unref();
    worker.on("message", (message: FromIndexWorker) => this.receive(message));
    // A worker that fails (out of memory on a pathological bank) fails the builds it held; the next build starts another.
    const fail = (error: unknown) => {
      if (this.worker === worker) this.worker = undefined;
      for (const pending of [this.builds, this.checks]) {
        for (const [build, entry] of pending) {
          if (entry.worker !== worker) continue;
          pending.delete(build);
          entry.reject(error);
        }
      }
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the index worker stopped (exit code ${code}) before the index was built`)));
    this.worker = worker;
    return worker;
  }

  private post(message: ToIndexWorker): void {
    this.worker?.postMessage(message);
  }

  private receive(message: FromIndexWorker): void {
    const checking = this.checks.get(message.build);
    if (checking && (message.type === "checked" || message.type === "failed")) {
      this.checks.delete(message.build);
      this.unrefWhenIdle();
      return message.type === "checked" ? checking.resolve() : checking.reject(errorFromData(message.error));
    }
    const pending = this.builds.get(message.build);
    if (!pending) return;
    if (message.type === "embed") {
      this.embedder.embed(message.texts).then(
        (vectors) => this.post({ type: "embedded", build: message.build, ask: message.ask, vectors }),
        (error: unknown) => this.post({ type: "embed-failed", build: message.build, ask: message.ask, error: errorToData(error) }),
      );
      return;
    }
    if (message.type === "stories") {
      for (const story of message.stories) pending.stories.push(story);
      for (const sent of message.features) pending.features.push(withTokensOnDemand(sent));
      return;
    }
    this.builds.delete(message.build);
    this.unrefWhenIdle();
    if (message.type === "checked") return;
    if (message.type === "failed") return pending.reject(errorFromData(message.error));
    this.serve(pending, message).then(pending.resolve, pending.reject);
  }

  private unrefWhenIdle(): void {
    if (this.builds.size === 0 && this.checks.size === 0) this.worker?.unref();
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
