import { loadConfig, type ResolvedConfig } from "../config/index.js";
import type { Embedder } from "../core/embedder.js";
import { resolveProvider, type Provider } from "../providers/index.js";
import { InputError } from "../errors/index.js";
import { builtBy, ensureIndex, loadIndex, readStoredBanks, type EnsureIndexResult } from "../store/index.js";
import type { ParsedArgs } from "./command.js";
import { notice, type CommandIO } from "./io.js";
import { SAMPLE_BANK_PATH } from "./package-paths.js";
import { progressBar } from "./progress-bar.js";
import { listFlag, stringFlag } from "./parse-command-args.js";
import path from "node:path";

export interface OpenedIndex {
  config: ResolvedConfig;
  provider: Provider;
  embedder: Embedder;
  indexed: EnsureIndexResult;
}

/** Resolves configuration from the command's flags and the environment. */
export function configFromArgs(args: ParsedArgs, io: CommandIO): ResolvedConfig {
  return loadConfig(
    { provider: stringFlag(args.values.provider), store: stringFlag(args.values.store), config: stringFlag(args.values.config), baseUrl: stringFlag(args.values["base-url"]) },
    io.env,
    io.cwd,
  );
}

/** Names the provider in use on stderr (contracts: once per command). */
export function announceProvider(config: ResolvedConfig, io: CommandIO): void {
  notice(
    io,
    config.provider === "local"
      ? "coach: provider local (offline; nothing leaves this machine)"
      : `coach: provider openai at ${config.baseUrl ?? "https://api.openai.com/v1"} (embeddings ${config.embedModel}, chat ${config.chatModel})`,
  );
}

/**
 * The index a command works on: the banks given with --bank (indexed first,
 * a no-op when unchanged), else the banks already in the store, else the
 * bundled sample bank, with a notice.
 */
export async function openStoryIndex(args: ParsedArgs, io: CommandIO, options: { banks?: string[]; force?: boolean } = {}): Promise<OpenedIndex> {
  const config = configFromArgs(args, io);
  announceProvider(config, io);
  const provider = resolveProvider(config);
  const embedder = await provider.createEmbedder();
  let banks = options.banks ?? listFlag(args.values.bank);
  let fromStore = false;
  if (banks.length === 0) {
    const stored = await readStoredBanks(config.store);
    fromStore = stored !== null;
    if (stored) banks = stored;
    else {
      notice(io, `coach: the store is empty and no --bank was given; using the bundled sample bank (${path.relative(io.cwd, SAMPLE_BANK_PATH) || SAMPLE_BANK_PATH}).`);
      banks = [SAMPLE_BANK_PATH];
    }
  }
  const bar = progressBar(io.stderr, "embedding stories");
  let indexed: EnsureIndexResult;
  try {
    indexed = await ensureIndex({ store: config.store, banks, embedder, force: options.force, onProgress: (done, total) => bar.update(done, total) });
  } catch (error) {
    // The banks the store was built from are gone or unreadable: keep serving the last good index.
    if (!fromStore || !(error instanceof InputError) || error.code !== "INPUT_UNREADABLE") throw error;
    const last = await loadIndex(config.store).catch(() => null);
    if (!last || !builtBy(last.manifest, embedder)) throw error;
    notice(io, `coach: ${error.message} Using the index built from it on ${last.manifest.createdAt.slice(0, 10)}; run coach index <bank> to point the store at your bank again.`);
    indexed = { ...last, status: "unchanged", embedded: 0, warnings: [], notices: [] };
  } finally {
    bar.finish();
  }
  for (const text of indexed.notices) notice(io, `coach: ${text}`);
  return { config, provider, embedder, indexed };
}
