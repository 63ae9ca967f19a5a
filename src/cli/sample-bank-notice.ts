import path from "node:path";
import { notice, type CommandIO } from "./io.js";
import { SAMPLE_BANK_PATH } from "./package-paths.js";

/** What the store held when the sample bank was chosen: nothing at all, or only the sample bank from an earlier run. */
export type StoreHeld = "nothing" | "sample";

/**
 * Says on stderr, in two lines, that the bundled sample bank is in use: which
 * store folder was looked in (absolute), and how to point at another. The
 * store is `.coach` in the current folder by default, so a run from another
 * folder finds none of the banks indexed from the first; without the path the
 * sample bank's stories pass quietly for an answer. `serving`: `coach serve`,
 * which serves it until a bank is uploaded.
 */
export function noticeSampleBank(io: CommandIO, store: string, held: StoreHeld, options: { serving?: boolean } = {}): void {
  const folder = path.resolve(io.cwd, store);
  const sample = `the bundled sample bank (${path.relative(io.cwd, SAMPLE_BANK_PATH) || SAMPLE_BANK_PATH})`;
  const found = held === "nothing" ? `the store ${folder} is empty and no --bank was given` : `the store ${folder} holds only ${sample}, no bank of yours`;
  const doing = options.serving ? `serving ${held === "nothing" ? sample : "it"} until you upload a bank` : held === "nothing" ? `using ${sample}` : "using it";
  notice(io, `coach: ${found}; ${doing}.`);
  notice(io, "coach: your banks are in another store? Point at it with --store DIR or COACH_HOME=DIR; or give them with --bank (coach index <bank> keeps them in this store).");
}
