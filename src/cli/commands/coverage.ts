import { describeCoverageGaps, describeFilingHints } from "../../coach/index.js";
import { computeStoryFeatures, assessCoverage } from "../../retrieval/index.js";
import { readQuestionBank } from "../../understanding/question-bank.js";
import type { Command } from "../command.js";
import { printJson, printLine } from "../io.js";
import { shorten } from "../../text/index.js";
import { openStoryIndex } from "../open-story-index.js";

export const coverageCommand: Command = {
  name: "coverage",
  summary: "Show how well your stories cover each of the 16 Leadership Principles",
  help: `Usage: coach coverage [--bank PATH]... [--store DIR] [--json]

For each of the 16 Leadership Principles: your best stories and a fit level
(strong, workable, stretch, none), then the principles with no story or only
a stretch, each with an interview question to write its story for.

  strong    the bank files the story under the principle and its content shows it, with an action and a result
  workable  filed under it, or its content clearly shows it
  stretch   only a passing signal; you would have to frame it
  none      nothing in the bank shows it

Options:
  --bank PATH   Index these banks first; without it, the banks in the store, else the sample bank.
  --store DIR   Where the index lives (default ./.coach, or COACH_HOME).
  --json        One JSON line per principle: {"principle", "fit", "stories": [{"id", "title", "score"}]},
                and "strongIfFiled": {"id", "title"} where the fit is workable only because
                the bank does not file its best story under the principle.

Limits: a bank file over 5 MB, empty, binary or with no story is refused
(exit 3).

Exit codes: 0 ok, 1 provider failure or a store that cannot be written
(STORE_INACCESSIBLE), 2 bad flags or a store that is a file, 3 bank
unreadable, empty or over 5 MB.`,
  options: { bank: { type: "string", multiple: true }, json: { type: "boolean" } },
  async run(args, io) {
    const { indexed } = await openStoryIndex(args, io);
    const coverage = assessCoverage(computeStoryFeatures(indexed.stories));
    if (args.values.json) {
      for (const line of coverage) printJson(io, line);
      return 0;
    }
    const width = Math.max(...coverage.map((line) => line.principle.length));
    for (const line of coverage) {
      const best = line.stories[0];
      printLine(io, `${line.principle.padEnd(width)}  ${line.fit.padEnd(8)}  ${best ? `${shorten(best.title, 70)} (${best.score.toFixed(2)})` : "-"}`);
    }
    printLine(io);
    const filing = describeFilingHints(coverage);
    for (const line of filing) printLine(io, line);
    if (filing.length > 0) printLine(io);
    for (const line of describeCoverageGaps(coverage, readQuestionBank(), "run coach coverage again")) printLine(io, line);
    return 0;
  },
};
