import type { Embedder } from "../core/embedder.js";
import type { ParseWarning } from "../core/story.js";
import { computeStoryFeatures, storyLexicalIndex, type LexicalIndexData, type StoryFeatures } from "../retrieval/index.js";
import { ensureIndex, type EnsureIndexResult } from "../store/index.js";
import { nameUploadIn, uploadWarnings, type UploadedFile } from "./uploaded-file-name.js";

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
 * anything is written.
 */
export async function buildBankIndex(request: { store: string; banks: string[]; upload?: UploadedFile }, embedder: Embedder): Promise<BuiltBankIndex> {
  const { upload } = request;
  let warnings: ParseWarning[] = [];
  try {
    const indexed = await ensureIndex({
      store: request.store,
      banks: request.banks,
      embedder,
      // An upload is always parsed, even when the same bank is uploaded again: the reply tells its warnings.
      force: upload !== undefined,
      accept: upload
        ? (bank) => {
            warnings = uploadWarnings(bank, upload);
          }
        : undefined,
    });
    return { indexed, features: computeStoryFeatures(indexed.stories), lexical: storyLexicalIndex(indexed.stories).toData(), uploadWarnings: warnings };
  } catch (error) {
    throw upload ? nameUploadIn(error, upload) : error;
  }
}
