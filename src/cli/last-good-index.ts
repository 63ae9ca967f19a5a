import type { Embedder } from "../core/embedder.js";
import { InputError } from "../errors/index.js";
import { builtBy, loadIndex, reindexCommand, type IndexedBank } from "../store/index.js";

/** Reading a bank failed because it is not there to read. */
export type GoneBankError = InputError & { code: "INPUT_UNREADABLE" | "INPUT_EMPTY" };

/**
 * Whether reading the store's own banks failed because they are gone:
 * deleted, emptied of bank files, unreadable, or left with no story.
 */
export function isBankGone(error: unknown): error is GoneBankError {
  return error instanceof InputError && (error.code === "INPUT_UNREADABLE" || error.code === "INPUT_EMPTY");
}

/**
 * The index last built in the store, to stand in for its banks that are
 * gone, with the notice that says so (naming the banks it was built from when
 * they are not the `recorded` ones). With no index to stand in (none, an
 * unreadable one, or one built by another embedder, server or vector size
 * when `embedder` is given), the error about the gone bank, with the way out added.
 */
export async function lastGoodIndex(store: string, gone: GoneBankError, embedder?: Embedder, recorded?: readonly string[]): Promise<{ indexed: IndexedBank; notice: string }> {
  const wayOut = `run ${reindexCommand(store)} to point the store at your bank again`;
  let last: IndexedBank;
  try {
    last = await loadIndex(store);
  } catch {
    throw new InputError(gone.code, `${gone.message} The store has no readable index built from it to fall back on; ${wayOut}.`, { cause: gone, file: gone.location.file });
  }
  if (embedder !== undefined && !builtBy(last.manifest, embedder)) {
    const other = last.manifest.embedder.id === embedder.id ? `${embedder.id} embeddings from another server or of another size` : `${last.manifest.embedder.id} embeddings, not ${embedder.id}`;
    throw new InputError(
      gone.code,
      `${gone.message} The index built from it uses ${other}, so it cannot stand in; use the provider it was built with, or ${wayOut}.`,
      { cause: gone, file: gone.location.file },
    );
  }
  const date = last.manifest.createdAt.slice(0, 10);
  // A coach index stopped before its swap leaves an index of other banks than the store records: say whose it is.
  const ofOthers = recorded !== undefined && last.manifest.banks.join("\n") !== recorded.join("\n");
  const using = ofOthers ? `Using the store's last index, built from ${last.manifest.banks.join(", ")} on ${date}` : `Using the index built from it on ${date}`;
  return { indexed: last, notice: `${gone.message} ${using}; ${wayOut}.` };
}
