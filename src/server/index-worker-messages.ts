import type { ParseWarning, Story } from "../core/story.js";
import type { ErrorData } from "../errors/index.js";
import type { LexicalIndexData, SentStoryFeatures } from "../retrieval/index.js";
import type { EnsureIndexResult } from "../store/index.js";
import type { UploadedFile } from "./uploaded-file-name.js";

/** What the server asks its index worker to build. */
export interface IndexRequest {
  store: string;
  banks: string[];
  /** The main thread's embedder: the worker embeds with its own local embedder when the fingerprint is the same, else asks the main thread. */
  embedder: { id: string; fingerprint: string; dimensions: number | undefined };
  /** The bank just uploaded (its file in the store, and its name): refused when it holds no story; its warnings are told back. */
  upload?: UploadedFile;
  /** Banks on disk that held stories in the index served: a build in which one of them holds none is refused (INPUT_EMPTY). */
  held?: string[];
  /** The index the main thread serves (its manifest's bankHash and createdAt): when the store's is that one and current, nothing is rebuilt or sent again. */
  served?: ServedIndex;
}

/** Which stored index the main thread serves: a manifest's bank hash and creation time name one build. */
export interface ServedIndex {
  bankHash: string;
  createdAt: string;
}

/** To the worker: build this index (`build` numbers the request; every message about it carries the number). */
export interface BuildAsk {
  type: "build";
  build: number;
  request: IndexRequest;
}

/** To the worker: the answer to an EmbedAsk. */
export type EmbedAnswer = { type: "embedded"; build: number; ask: number; vectors: number[][] } | { type: "embed-failed"; build: number; ask: number; error: ErrorData };

/** To the worker: parse an upload alone, before it is written to the store, and refuse it if it holds no story. */
export interface CheckAsk {
  type: "check";
  build: number;
  upload: UploadedFile;
  content: string;
}

export type ToIndexWorker = BuildAsk | CheckAsk | EmbedAnswer;

/** From the worker: embed these texts with the main thread's embedder (a provider's, whose calls are network I/O). */
export interface EmbedAsk {
  type: "embed";
  build: number;
  ask: number;
  texts: string[];
}

/** From the worker: the next stories in order, with their features (sent in parts, so no one copy holds up the main thread). */
export interface StoriesPart {
  type: "stories";
  build: number;
  stories: Story[];
  features: SentStoryFeatures[];
}

/** From the worker, last: the index is written; the main thread reads its vectors from the store. */
export interface IndexDone {
  type: "done";
  build: number;
  result: Omit<EnsureIndexResult, "stories" | "index">;
  lexical: LexicalIndexData;
  /** The upload's own warnings, naming it by its file name as uploaded. */
  uploadWarnings: ParseWarning[];
}

/** From the worker, last: the index served is the store's and current (an upload of the bytes already stored); nothing was rebuilt. */
export interface IndexCurrent {
  type: "current";
  build: number;
  /** The upload's own warnings, as a rebuild would have told them. */
  uploadWarnings: ParseWarning[];
}

/** From the worker: a step of a build or check is done; the watchdog waits for the next one (see IndexWatchdog). */
export interface IndexProgress {
  type: "progress";
  build: number;
}

/** From the worker, last: the build was refused or failed; the index served stays the one before. */
export interface IndexFailed {
  type: "failed";
  build: number;
  error: ErrorData;
}

/** From the worker: the upload checked (CheckAsk) holds stories; refused, the answer is IndexFailed. */
export interface UploadChecked {
  type: "checked";
  build: number;
}

export type FromIndexWorker = EmbedAsk | StoriesPart | IndexProgress | IndexDone | IndexCurrent | IndexFailed | UploadChecked;
