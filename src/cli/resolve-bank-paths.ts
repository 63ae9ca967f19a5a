import path from "node:path";
import { notice, type CommandIO } from "./io.js";
import { SAMPLE_BANK_PATH } from "./package-paths.js";

/**
 * The banks a command works on: those given with --bank, else the bundled
 * sample bank, with a notice so nobody mistakes it for their own.
 */
export function resolveBankPaths(given: string[], io: CommandIO): string[] {
  if (given.length > 0) return given;
  notice(io, `coach: no --bank given; using the bundled sample bank (${path.relative(io.cwd, SAMPLE_BANK_PATH) || SAMPLE_BANK_PATH}).`);
  return [SAMPLE_BANK_PATH];
}
