import { parseBankFiles, readBankFiles } from "../bank/index.js";
import type { Embedder } from "../core/embedder.js";
import type { ParsedBank, ParseWarning, Story } from "../core/story.js";
import { computeStoryFeatures, storyLexicalIndex, type LexicalIndexData, type StoryFeatures } from "../retrieval/index.js";
import { ensureIndex, type EnsureIndexResult } from "../store/index.js";
import type { IndexRequest, ServedIndex } from "./index-worker-messages.js";
import { refuseEmptiedBanks } from "./emptied-bank-error.js";
import { nameUploadIn, uploadWarnings } from "./uploaded-file-name.js";

/** The index of a server's banks, and what its matcher needs beside it. */
export interface BuiltBankIndex {
  indexed: EnsureIndexResult;
  features: StoryFeatures[];
  lexical: LexicalIndexData;
  /** The upload's own warnings, naming it by its file name; empty without an upload. */
  uploadWarnings: ParseWarning[];
}

/** The index served is the store's and current: nothing to rebuild or send; the upload's warnings as a rebuild tells them. */
export interface StillServed {
  stillServed: true;
  uploadWarnings: ParseWarning[];
}

/**
 * Parses, embeds and indexes the banks into the store (as `ensureIndex`),
 * profiling the stories and building their lexical index before the index is
 * written, so a build stopped part-way leaves the store as it was: all of a bank
 * change's work that grows with the banks, which the index worker does off
 * the server's main thread. An upload with no story is refused before
 * anything is written, and so are banks in which one of `request.held` holds
 * none. When the store's index is current and is the one
 * `request.served` names (the same bytes uploaded again), nothing is rebuilt:
 * the upload is only parsed, for its warnings. `onStep` hears each step done.
 */
export async function buildBankIndex(request: Omit<IndexRequest, "embedder">, embedder: Embedder, onStep: () => void = () => undefined): Promise<BuiltBankIndex | StillServed> {
  const { upload } = request;
  const held = request.held ?? [];
  let warnings: ParseWarning[] = [];
  const accept =
    upload || held.length > 0
      ? (bank: ParsedBank) => {
          refuseEmptiedBanks(bank, held);
          if (upload) warnings = uploadWarnings(bank, upload);
        }
      : undefined;
  let prepared: { features: StoryFeatures[]; lexical: LexicalIndexData } | undefined;
  // Profiled before the new index is written, so a build stopped while profiling (the longest step) changes nothing.
  const prepare = (stories: readonly Story[]) => {
    const features = computeStoryFeatures(stories);
    onStep();
    return { features, lexical: storyLexicalIndex(stories).toData() };
  };
  try {
    const indexed = await ensureIndex({ store: request.store, banks: request.banks, embedder, accept, onStep, beforeWrite: (stories) => (prepared = prepare(stories)) });
    if (indexed.status === "unchanged") {
      // The bytes already indexed, uploaded again: parsed as the build that indexed them parsed them, for the reply's warnings.
      if (upload && accept) accept(parseBankFiles(await readBankFiles(request.banks)));
      onStep();
      if (isServed(indexed.manifest, request.served)) return { stillServed: true, uploadWarnings: warnings };
    }
    const { features, lexical } = prepared ?? prepare(indexed.stories);
    return { indexed, features, lexical, uploadWarnings: warnings };
  } catch (error) {
    throw upload ? nameUploadIn(error, upload) : error;
  }
}

function isServed(manifest: EnsureIndexResult["manifest"], served: ServedIndex | undefined): boolean {
  return served !== undefined && manifest.bankHash === served.bankHash && manifest.createdAt === served.createdAt;
}
