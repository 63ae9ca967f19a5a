import path from "node:path";
import { notice, type CommandIO } from "./io.js";
import { SAMPLE_BANK_PATH } from "./package-paths.js";
import { noticeSampleBank } from "./sample-bank-notice.js";

/**
 * The banks a command works on: those given with --bank, else the bundled
 * sample bank, with a notice so nobody mistakes it for their own (naming the
 * `store` the command looked in first, when it did).
 */
export function resolveBankPaths(given: string[], io: CommandIO, store?: string): string[] {
  if (given.length > 0) return given;
  if (store !== undefined) noticeSampleBank(io, store, "nothing");
  else notice(io, `coach: no --bank given; using the bundled sample bank (${sampleBankShown(io)}).`);
  return [SAMPLE_BANK_PATH];
}

/**
 * Says so when the banks the store at `store` records are only the bundled
 * sample bank (as after a first `coach match` on an empty store), so that
 * later commands do not pass its stories off as the user's own.
 */
export function noticeStoredSampleBank(stored: readonly string[], store: string, io: CommandIO): void {
  if (stored.length !== 1 || stored[0] !== SAMPLE_BANK_PATH) return;
  noticeSampleBank(io, store, "sample");
}

function sampleBankShown(io: CommandIO): string {
  return path.relative(io.cwd, SAMPLE_BANK_PATH) || SAMPLE_BANK_PATH;
}
