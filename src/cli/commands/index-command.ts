import path from "node:path";
import type { Command } from "../command.js";
import { notice, printJson, printLine } from "../io.js";
import { openStoryIndex } from "../open-story-index.js";
import { parseWarningsNotice } from "../parse-warning-summary.js";
import { UsageError } from "../../errors/index.js";
import { countOf, quoteForShell } from "../../text/index.js";

export const indexCommand: Command = {
  name: "index",
  summary: "Parse, embed and index your story banks into the store",
  help: `Usage: coach index <bank-path>... [--store DIR] [--force] [--json]

Parses the banks (files or folders), embeds every story and writes a vector
index to the store (default ./.coach, or COACH_HOME). The store holds exactly
the banks last given: indexing b after a replaces a. Re-running with unchanged
banks does nothing and says so; after editing one story only that story is
embedded again (vectors are cached by text and embedder).

The index is rebuilt automatically when the banks, the embedder (provider,
model, server, or the length of its vectors) or the coach's taxonomy change,
and when the stored index is missing or unreadable. An interrupted build leaves
the last good index in place and keeps the vectors the provider had returned,
so running it again embeds only the rest.

Options:
  --store DIR  Where the index lives (default ./.coach, or COACH_HOME).
  --force      Rebuild even when nothing changed.
  --json       One JSON line: {"status", "stories", "experiences", "embedded", "files", "store",
               "embedder"}.
  --provider   local (default, offline) or openai: embeddings from an OpenAI-compatible server.

Exit codes: 0 ok, 1 provider failure or a store that cannot be written
(STORE_INACCESSIBLE), 2 bad flags or a store that is a file, 3 bank
unreadable, empty or over 5 MB.`,
  options: { json: { type: "boolean" }, force: { type: "boolean" } },
  positionals: true,
  async run(args, io) {
    if (args.positionals.length === 0) throw new UsageError("coach index: give at least one bank file or folder, e.g. coach index my-stories.md", { flag: "<bank-path>" });
    // An empty path (an unset shell variable) would be read as the current folder's name "" and reported as a missing file.
    if (args.positionals.some((bank) => bank.trim() === "")) throw new UsageError("coach index: a bank path is empty; give a bank file or folder.", { flag: "<bank-path>" });
    const { indexed, config } = await openStoryIndex(args, io, { banks: args.positionals, force: Boolean(args.values.force) });
    const experiences = new Set(indexed.stories.map((story) => story.experience)).size;
    const summary = {
      status: indexed.status,
      stories: indexed.stories.length,
      experiences,
      embedded: indexed.embedded,
      files: indexed.manifest.files.length,
      filesWithStories: new Set(indexed.stories.map((story) => story.source.file)).size,
      store: config.store,
      embedder: indexed.manifest.embedder.id,
    };
    if (indexed.warnings.length > 0) {
      notice(io, parseWarningsNotice(indexed.warnings, args.positionals));
    }
    if (args.values.json) {
      printJson(io, summary);
      return 0;
    }
    const where = path.relative(io.cwd, config.store) || config.store;
    // Files that held no story (an empty one, a résumé in JSON, a binary skipped) are counted apart from those the stories came from.
    const empty = summary.files - summary.filesWithStories;
    const files = `${countOf(summary.filesWithStories, "file")}${empty > 0 ? ` (${empty} more with no story)` : ""}`;
    if (indexed.status === "unchanged") {
      printLine(io, `Index is up to date: ${countOf(summary.stories, "story", "stories")} (${countOf(experiences, "experience")}) from ${files} in ${where}; nothing to do.`);
    } else {
      printLine(
        io,
        `${indexed.status === "built" ? "Indexed" : "Re-indexed"} ${countOf(summary.stories, "story", "stories")} (${countOf(experiences, "experience")}) from ${files} into ${where}; embedded ${summary.embedded}, ${summary.stories - summary.embedded} from cache.`,
      );
    }
    return 0;
  },
};
