import type { Embedder } from "../core/embedder.js";
import type { ParsedBank, ParseWarning } from "../core/story.js";
import { computeStoryFeatures, storyLexicalIndex, type LexicalIndexData, type StoryFeatures } from "../retrieval/index.js";
import { ensureIndex, type EnsureIndexResult } from "../store/index.js";
import type { IndexRequest } from "./index-worker-messages.js";
import { nameUploadIn, uploadWarnings } from "./uploaded-file-name.js";

/** The index of a server's banks, and what its matcher needs beside it. */
export interface BuiltBankIndex {
  indexed: EnsureIndexResult;
  features: StoryFeatures[];
  lexical: LexicalIndexData;
  /** The upload's own warnings, naming it by its file name; empty without an upload. */
  uploadWarnings: ParseWarning[];
}

/**
 * Parses, embeds and indexes the banks into the store (as `ensureIndex`),
 * then profiles the stories and builds their lexical index: all of a bank
 * change's work that grows with the banks, which the index worker does off
 * the server's main thread. An upload with no story is refused before
 * anything is written. `onStep` hears each step done.
 */
export async function buildBankIndex(request: Omit<IndexRequest, "embedder">, embedder: Embedder, onStep: () => void = () => undefined): Promise<BuiltBankIndex> {
  const { upload } = request;
  let warnings: ParseWarning[] = [];
  const accept = upload
    ? (bank: ParsedBank) => {
        warnings = uploadWarnings(bank, upload);
      }
    : undefined;
  try {
    // An upload is always parsed, even when the same bank is uploaded again: the reply tells its warnings.
    const indexed = await ensureIndex({ store: request.store, banks: request.banks, embedder, force: upload !== undefined, accept, onStep });
    const features = computeStoryFeatures(indexed.stories);
    onStep();
    const lexical = storyLexicalIndex(indexed.stories).toData();
    return { indexed, features, lexical, uploadWarnings: warnings };
  } catch (error) {
    throw upload ? nameUploadIn(error, upload) : error;
  }
}
