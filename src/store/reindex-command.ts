import { quoteForShell } from "../text/index.js";

/** The command that points a store at its banks again: `coach index <bank> --store S`, with the banks when known. */
export function reindexCommand(store: string, banks?: readonly string[] | null): string {
  return `coach index ${banks && banks.length > 0 ? banks.map(quoteForShell).join(" ") : "<bank>"} --store ${quoteForShell(store)}`;
}
