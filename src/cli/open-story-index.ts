import { DEFAULTS, loadConfig, shownBaseUrl, type ResolvedConfig } from "../config/index.js";
import { UsageError } from "../errors/index.js";
import type { Embedder } from "../core/embedder.js";
import { resolveProvider, type Provider } from "../providers/index.js";
import { ensureIndex, indexedBanks, readStoredBanks, type EnsureIndexResult } from "../store/index.js";
import type { ParsedArgs } from "./command.js";
import { notice, type CommandIO } from "./io.js";
import { isBankGone, lastGoodIndex } from "./last-good-index.js";
import { SAMPLE_BANK_PATH } from "./package-paths.js";
import { parseWarningsNotice } from "./parse-warning-summary.js";
import { progressBar } from "./progress-bar.js";
import { noticeStoredSampleBank } from "./resolve-bank-paths.js";
import { noticeSampleBank } from "./sample-bank-notice.js";
import { listFlag, stringFlag } from "./parse-command-args.js";
import { existsSync } from "node:fs";
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
    {
      provider: stringFlag(args.values.provider),
      store: stringFlag(args.values.store),
      config: stringFlag(args.values.config),
      baseUrl: stringFlag(args.values["base-url"]),
      // Only the commands that show grades take --hide-scores and --show-scores; the others leave it to the environment and file.
      hideScores: scoresFlag(args),
      // Only match and serve take --no-judge.
      matchJudge: args.values["no-judge"] === true ? false : undefined,
    },
    io.env,
    io.cwd,
  );
}

/** --hide-scores (true), --show-scores (false) or neither; both at once is a usage error. */
function scoresFlag(args: ParsedArgs): boolean | undefined {
  const hide = args.values["hide-scores"] === true;
  const show = args.values["show-scores"] === true;
  if (hide && show) throw new UsageError("--hide-scores and --show-scores: give one or the other.", { flag: "--hide-scores" });
  return hide ? true : show ? false : undefined;
}

/** Names the provider in use on stderr (contracts: once per command). */
export function announceProvider(config: ResolvedConfig, io: CommandIO): void {
  notice(
    io,
    config.provider === "local"
      ? "coach: provider local (offline; nothing leaves this machine)"
      : `coach: provider openai at ${shownBaseUrl(config.baseUrl ?? DEFAULTS.baseUrl)} (embeddings ${config.embedModel}, chat ${config.chatModel})`,
  );
}

/**
 * The index a command works on: the banks given with --bank (indexed first,
 * a no-op when unchanged), else the banks already in the store, else the
 * bundled sample bank, with a notice. When the store's banks are gone, its
 * last good index stands in, with a notice.
 */
export async function openStoryIndex(args: ParsedArgs, io: CommandIO, options: { banks?: string[]; force?: boolean; announce?: boolean } = {}): Promise<OpenedIndex> {
  const config = configFromArgs(args, io);
  // Once per command (the contract): a command that opens the index again says nothing the second time.
  if (options.announce !== false) announceProvider(config, io);
  const provider = resolveProvider(config, { onRetry: (message) => notice(io, `coach: ${message}`) });
  const embedder = await provider.createEmbedder();
  let banks = options.banks ?? listFlag(args.values.bank);
  let fromStore = false;
  if (banks.length === 0) {
    const stored = await readStoredBanks(config.store);
    fromStore = stored !== null;
    if (stored) {
      banks = stored;
      // The store records the sample bank after a run on an empty store: say so every time, so nobody takes Jordan Okafor's stories for their own.
      if (options.announce !== false) noticeStoredSampleBank(stored, config.store, io);
      // banks.json is written before the index swap: an index of other banks means the last coach index stopped between.
      const indexed = await indexedBanks(config.store);
      // Banks that are gone are not indexed now: the last good index stands in, and its notice says so.
      if (indexed !== null && !sameBanks(indexed, stored) && stored.every((bank) => existsSync(bank))) {
        notice(io, `coach: the store's index is of ${indexed.join(", ")}, not of ${stored.join(", ")} as the store records (was the last coach index stopped?); indexing ${stored.join(", ")} now.`);
      }
    } else {
      noticeSampleBank(io, config.store, "nothing");
      banks = [SAMPLE_BANK_PATH];
    }
  }
  const bar = progressBar(io.stderr, "embedding stories", {
    message: "coach: stopped. Your bank and the last good index are as they were; run the same command again to finish (stories already embedded are reused).",
  });
  let indexed: EnsureIndexResult;
  try {
    indexed = await ensureIndex({ store: config.store, banks, embedder, force: options.force, onProgress: (done, total) => bar.update(done, total) });
  } catch (error) {
    // The banks the store was built from are gone (deleted, emptied, unreadable): keep serving the last good index.
    if (!fromStore || !isBankGone(error)) throw error;
    const last = await lastGoodIndex(config.store, error, embedder, banks);
    notice(io, `coach: ${last.notice}`);
    indexed = { ...last.indexed, status: "unchanged", embedded: 0, warnings: [], notices: [] };
  } finally {
    bar.finish();
  }
  for (const text of indexed.notices) notice(io, `coach: ${text}`);
  // Banks given with --bank to another command (coach match, coach chat) and indexed now: their skipped notes are said
  // here, as coach index says them, or a story the parser skipped would go unnoticed.
  // Not again after a forced rebuild in the same command (announce false).
  if (!options.banks && options.announce !== false && !fromStore && indexed.status !== "unchanged" && indexed.warnings.length > 0 && listFlag(args.values.bank).length > 0) {
    notice(io, parseWarningsNotice(indexed.warnings, banks));
  }
  return { config, provider, embedder, indexed };
}

function sameBanks(first: readonly string[], second: readonly string[]): boolean {
  return first.length === second.length && first.every((bank, index) => bank === second[index]);
}
