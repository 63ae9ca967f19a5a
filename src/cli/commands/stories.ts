import { loadBank } from "../../bank/index.js";
import { readStoredBanks } from "../../store/index.js";
import { withInferredPrinciples } from "../../understanding/index.js";
import { isBankGone, lastGoodIndex } from "../last-good-index.js";
import { announceProvider, configFromArgs } from "../open-story-index.js";
import { STORY_PARTS, type ParsedBank } from "../../core/story.js";
import { storyToJson } from "../../story-json.js";
import { countOf, shorten } from "../../text/index.js";
import type { Command } from "../command.js";
import { notice, printJson, printLine, type CommandIO } from "../io.js";
import { listFlag } from "../parse-command-args.js";
import { noticeStoredSampleBank, resolveBankPaths } from "../resolve-bank-paths.js";
import { listPrinciples } from "../../principles/index.js";

export const storiesCommand: Command = {
  name: "stories",
  summary: "List the stories parsed from your bank, and every parse warning",
  help: `Usage: coach stories [--bank PATH]... [--store DIR] [--json]

Parses your story bank and shows each story: id, title, principles, which
STAR parts it has (S T A R L = Situation Task Action Result Lesson) and where
it sits in its file, then every warning (skipped notes, repaired encoding,
pointer entries like "See Q92" and where they were folded in).

Options:
  --bank PATH   A bank file (.md, .txt, .json) or a folder of them; repeatable.
                Without it, the banks last indexed into the store (when they
                are gone, the stories of the store's last good index, with a
                notice); with an empty store, the bundled sample bank.
  --store DIR   The store whose banks are listed without --bank (default
                ./.coach, or COACH_HOME).
  --json        JSON Lines: one line per story, then one {"warning": ...} line
                per warning.
  -h, --help    Show this help.

Banks: markdown with a heading per story and Situation:/Task:/Action:/Result:
labels (bold or not, S:/T:/A:/R: too, any order), or unlabelled prose; a line
"Tags: Ownership, Dive Deep" sets a story's principles by hand; a line
"Experience: <name>" groups tellings of the same experience by hand. A story
whose bank names no principle gets the ones its content shows (principleSource
"inferred").
JSON banks: {"stories": [{"title", "question"?, "principles"?, "situation"?,
"task"?, "action"?, "result"?, "lesson"?, "text"?}]}. A bank file over 5 MB
is refused.

Exit codes: 0 ok, 1 the store's record of its banks is damaged
(STORE_CORRUPT), 2 bad flags, 3 bank unreadable, empty or over the limit.

Examples:
  coach stories --bank my-stories.md
  coach stories --bank ./banks --json | jq -r .id`,
  options: { bank: { type: "string", multiple: true }, json: { type: "boolean" } },
  async run(args, io) {
    const given = listFlag(args.values.bank);
    const config = configFromArgs(args, io);
    // Listing stories calls no provider, but every command names the one in use (contracts).
    announceProvider(config, io);
    const stored = given.length === 0 ? await readStoredBanks(config.store) : null;
    if (stored) noticeStoredSampleBank(stored, config.store, io);
    let bank: ParsedBank;
    let fromIndex = false;
    try {
      const parsed = await loadBank(stored ?? resolveBankPaths(given, io, config.store));
      bank = { ...parsed, stories: withInferredPrinciples(parsed.stories) };
    } catch (error) {
      // The store's banks are gone: list what its last good index holds, as match and coverage answer from it.
      if (!stored || !isBankGone(error)) throw error;
      const last = await lastGoodIndex(config.store, error, undefined, stored);
      notice(io, `coach: ${last.notice} (Its parse warnings are not kept in the index.)`);
      bank = { stories: last.indexed.stories, warnings: [], headings: [], files: last.indexed.manifest.files };
      fromIndex = true;
    }
    if (args.values.json) {
      for (const story of bank.stories) printJson(io, storyToJson(story));
      for (const warning of bank.warnings) printJson(io, { warning });
      return 0;
    }
    printStoryTable(bank, io, fromIndex);
    return 0;
  },
};

function printStoryTable(bank: ParsedBank, io: CommandIO, fromIndex: boolean): void {
  const tellings = new Map<string, number>();
  for (const story of bank.stories) tellings.set(story.experience, (tellings.get(story.experience) ?? 0) + 1);
  let currentFile = "";
  for (const story of bank.stories) {
    if (story.source.file !== currentFile) {
      currentFile = story.source.file;
      printLine(io, `\n${currentFile}`);
    }
    const parts = STORY_PARTS.map((part) => (story.parts[part] ? part[0]!.toUpperCase() : "·")).join("");
    const retold = (tellings.get(story.experience) ?? 1) > 1 ? `  (same experience as ${story.experience === story.id ? "a later story" : story.experience})` : "";
    printLine(io, `  ${String(story.source.startLine).padStart(4)}  ${parts}${story.partsInferred ? "~" : " "} ${shorten(story.title, 70)}`);
    // A user reads principles the bank never named as their own filing unless told (user audit 25).
    const principles = listPrinciples(story.principles);
    const filed = !principles ? "no principle yet" : story.principleSource === "inferred" ? `${principles}, read from its content` : principles;
    printLine(io, `        ${story.id}  [${filed}]${retold}`);
  }
  const pointers = bank.warnings.filter((warning) => warning.code === "POINTER_RESOLVED").length;
  const skipped = bank.warnings.filter((warning) => warning.code === "SKIPPED_PROSE").length;
  const experiences = tellings.size;
  printLine(io);
  const counted = `${countOf(bank.stories.length, "story", "stories")} (${countOf(experiences, "distinct experience")}) from ${countOf(bank.files.length, "file")}`;
  // The index keeps no parse warnings, so it cannot count pointers or skipped notes.
  printLine(
    io,
    fromIndex
      ? `${counted}, as last indexed.`
      : `${counted}; ${pointers} pointer entr${pointers === 1 ? "y" : "ies"} folded in; ${skipped} note section${skipped === 1 ? "" : "s"} skipped.`,
  );
  printLine(io, "Parts: S T A R L = Situation Task Action Result Lesson; · = missing; ~ = read from unlabelled prose.");
  for (const warning of bank.warnings) notice(io, `${warning.file}:${warning.line}: ${warning.code.toLowerCase().replace(/_/g, " ")}: ${warning.message}`);
}

