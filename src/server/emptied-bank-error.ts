import path from "node:path";
import type { ParsedBank } from "../core/story.js";
import { InputError } from "../errors/index.js";

/**
 * Refuses parsed banks in which one of the `held` banks (files or folders,
 * as given, that held stories when last served) holds none now: an editor's
 * save that emptied it, or one half done. Without this, the other banks'
 * stories would be served alone, and that bank's would be dropped.
 */
export function refuseEmptiedBanks(parsed: ParsedBank, held: readonly string[]): void {
  const sources = parsed.stories.map((story) => path.resolve(story.source.file));
  for (const bank of held) {
    const absolute = path.resolve(bank);
    if (sources.some((file) => file === absolute || file.startsWith(absolute + path.sep))) continue;
    throw new InputError("INPUT_EMPTY", `${bank}: no stories found, where it held stories when last served; nothing changed. A story is a heading followed by Situation/Task/Action/Result text (see coach stories --help).`, { file: bank });
  }
}
