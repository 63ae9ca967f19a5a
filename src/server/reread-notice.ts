import path from "node:path";
import { isCoachError } from "../errors/index.js";
import { countOf } from "../text/index.js";
import type { RereadOutcome } from "./served-banks.js";

/**
 * The server log's line for banks read again after they changed on disk
 * (`banks` as watched), naming them by file or folder name only; undefined
 * when there is nothing to tell (saved with the same stories, or the server
 * is stopping).
 */
export function rereadNotice(outcome: RereadOutcome, banks: readonly string[]): string | undefined {
  const names = banks.map((bank) => path.basename(bank)).join(", ");
  if (outcome.kind === "kept") return outcome.message;
  if (outcome.kind === "failed") {
    if (isCoachError(outcome.error) && outcome.error.code === "INDEX_STOPPED") return undefined;
    const code = isCoachError(outcome.error) ? outcome.error.code : "INTERNAL";
    const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    return `${names} changed on disk, but the banks could not be indexed again (${code}: ${message}); the banks as read before are still served.`;
  }
  const stories = countOf(outcome.stories, "story", "stories");
  if (outcome.rebuilt) return `${names} changed on disk; now serving ${stories} (${outcome.before} before).`;
  if (outcome.recovered) return `${names} can be read again, as it was when last served; serving ${stories}.`;
  return undefined;
}
