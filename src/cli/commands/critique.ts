import { loadBank } from "../../bank/index.js";
import type { Critic } from "../../core/critique.js";
import { STORY_PARTS, type Story } from "../../core/story.js";
import { asBankNotes } from "../../critique/index.js";
import { createCritic } from "../create-critic.js";
import { critiqueReport } from "../critique-report.js";
import { InputError, isCoachError, UsageError } from "../../errors/index.js";
import type { Command } from "../command.js";
import { notice, printJson, printLine, type CommandIO } from "../io.js";
import { announceProvider, configFromArgs } from "../open-story-index.js";
import { listFlag, stringFlag } from "../parse-command-args.js";
import { ANSWER_FILE, BATCH_FILE, readTextInput } from "../read-text-input.js";
import { resolveBankPaths } from "../resolve-bank-paths.js";

export const critiqueCommand: Command = {
  name: "critique",
  summary: "Critique a drafted answer: STAR parts, numbers, ownership, lesson, length",
  help: `Usage:
  coach critique --question Q (--answer TEXT | --answer-file F | stdin) [--json]
  coach critique --batch FILE.jsonl [--json]
  coach critique --bank PATH [--json]

Checks a drafted answer offline: is each STAR part there and in proportion, is
the result quantified, does it say what you did ("I", not only "we"), does a
failure story say what you learned, is it one specific story, how long it takes
to say, and whether it shows what the question asks. Gives a 0-100 score with
its breakdown, issues with stable codes, and the follow-ups an interviewer
would ask. It never invents experience or numbers: where a figure is missing
it asks for it.

With --provider openai, a language model adds coaching ("llm": per-part
feedback, strengths, improvements, follow-ups, an improved answer). Every
number or name in the improved answer that is not in your answer or bank is
replaced by a placeholder like [X%]. Timeouts, rate limits and bad replies are
retried a bounded number of times; then the offline critique stands alone with
"llm": {"fallback": true, "reason": ...} and a notice. Responses are cached in
the store by prompt hash, model and input.

  --batch FILE   JSON Lines in: {"id", "question", "answer"} per line; one result
                 line out per input line, in order. A malformed line gives
                 {"id", "error": {"code", "message"}} and the run goes on (exit 1
                 at the end).
  --bank PATH    Critique every story in a bank as the answer to its own
                 question (or principle): a table, worst first.
  --json         JSON Lines output (see the contracts for the fields).
  --hide-scores  Low-anxiety mode: the readable report leaves out the 0-100
                 score, its breakdown and each part's share of the words; the
                 parts, issues and follow-ups stay. --json stays complete.
                 Also COACH_HIDE_SCORES=1 or "hideScores": true in the config.
  --show-scores  Show them, whatever COACH_HIDE_SCORES or the config says.

Give one of: --question with its answer, --batch, or --bank (two at once is a
usage error, exit 2), and the answer one way only.

Limits: an answer over 5,000 words is refused (exit 3); an empty answer or
question is a usage error (exit 2); an answer file or bank file over 5 MB, a
batch file over 50 MB, or an empty or binary file is refused (exit 3).`,
  options: {
    question: { type: "string" },
    answer: { type: "string" },
    "answer-file": { type: "string" },
    batch: { type: "string" },
    bank: { type: "string", multiple: true },
    json: { type: "boolean" },
    "hide-scores": { type: "boolean" },
    "show-scores": { type: "boolean" },
  },
  async run(args, io) {
    const batch = stringFlag(args.values.batch);
    const banks = listFlag(args.values.bank);
    const question = stringFlag(args.values.question);
    checkOneInput(args.values, { batch, banks, question });
    const config = configFromArgs(args, io);
    announceProvider(config, io);
    const critic = await createCritic(config, io);
    const output = { json: Boolean(args.values.json), hideScores: config.hideScores };
    if (batch) return runBatch(batch, io, output, critic);
    if (banks.length > 0) return runBankAudit(banks, io, output, critic);
    if (question === undefined) throw new UsageError("coach critique: give --question (and the answer with --answer, --answer-file or stdin), or --batch, or --bank.", { flag: "--question" });
    if (question.trim() === "") throw new UsageError("the question is empty: give it with --question.", { flag: "--question" });
    const answer = await readAnswer(args.values, io);
    if (answer.trim() === "") throw new UsageError("the answer is empty: give it with --answer, --answer-file or on stdin.", { flag: "--answer" });
    const critique = await critic.critique(question, answer);
    if (args.values.json) printJson(io, critique);
    else for (const line of critiqueReport(critique, answer, { hideScores: config.hideScores })) printLine(io, line);
    return 0;
  },
};

/** One way in: a question and its answer, a batch, or a bank; and the answer given once. */
function checkOneInput(values: Record<string, unknown>, given: { batch?: string; banks: string[]; question?: string }): void {
  const single = given.question !== undefined || values.answer !== undefined || values["answer-file"] !== undefined;
  const modes = [single && "--question/--answer", given.batch !== undefined && "--batch", given.banks.length > 0 && "--bank"].filter(Boolean);
  if (modes.length > 1) throw new UsageError(`coach critique: ${modes.join(" and ")} cannot be used together; give one.`, { flag: given.batch !== undefined ? "--batch" : "--bank" });
  if (values.answer !== undefined && values["answer-file"] !== undefined) throw new UsageError("coach critique: give the answer with --answer or --answer-file, not both.", { flag: "--answer-file" });
}

async function readAnswer(values: Record<string, unknown>, io: CommandIO): Promise<string> {
  const inline = stringFlag(values.answer as string | undefined);
  if (inline !== undefined) return inline;
  const file = stringFlag(values["answer-file"] as string | undefined);
  if (file !== undefined) return readTextInput(file, ANSWER_FILE, io);
  if (io.stdin.isTTY) throw new UsageError("coach critique: give the answer with --answer, --answer-file, or on stdin.", { flag: "--answer" });
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/** How results are printed: JSON Lines (always complete), or readable rows, without scores in low-anxiety mode. */
interface Output {
  json: boolean;
  hideScores: boolean;
}

async function runBatch(file: string, io: CommandIO, { json, hideScores }: Output, critic: Critic): Promise<number> {
  const text = await readTextInput(file, BATCH_FILE, io);
  let failed = 0;
  // A byte-order mark opening the file is not part of its first line's JSON.
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  // Blank lines after the last item are the file's ending; any other line, blank or not, gets its output line.
  while (lines.length > 0 && lines.at(-1)!.trim() === "") lines.pop();
  for (const [index, line] of lines.entries()) {
    // The id as given, echoed on an error line even when it is not a string.
    let id: unknown;
    try {
      let item: { id?: unknown; question?: unknown; answer?: unknown };
      if (line.trim() === "") throw new InputError("INPUT_EMPTY", `${file}:${index + 1}: empty line; each line needs {"id", "question", "answer"}.`, { file, line: index + 1 });
      try {
        item = JSON.parse(line);
      } catch {
        throw new InputError("INPUT_NOT_PARSEABLE", `${file}:${index + 1}: not valid JSON.`, { file, line: index + 1 });
      }
      if (typeof item !== "object" || item === null || Array.isArray(item)) {
        throw new InputError("INPUT_NOT_PARSEABLE", `${file}:${index + 1}: needs a JSON object {"id", "question", "answer"}.`, { file, line: index + 1 });
      }
      id = item.id;
      if (id !== undefined && typeof id !== "string") throw new InputError("INPUT_NOT_PARSEABLE", `${file}:${index + 1}: "id" must be a string.`, { file, line: index + 1 });
      if (typeof item.question !== "string" || typeof item.answer !== "string") {
        throw new InputError("INPUT_NOT_PARSEABLE", `${file}:${index + 1}: needs string fields "question" and "answer".`, { file, line: index + 1 });
      }
      const { question, answer } = item;
      for (const [field, value] of [["question", question], ["answer", answer]] as const) {
        if (value.trim() === "") throw new InputError("INPUT_EMPTY", `${file}:${index + 1}: "${field}" is empty.`, { file, line: index + 1 });
      }
      const critique = await critic.critique(question, answer);
      if (json) printJson(io, { id: id ?? `line-${index + 1}`, ...critique });
      else printLine(io, `${String(id ?? `line-${index + 1}`).padEnd(12)} ${hideScores ? "" : `${String(critique.score).padStart(3)}  `}${critique.issues[0]?.code ?? "no issues"}`);
    } catch (error) {
      if (!isCoachError(error)) throw error;
      failed++;
      const message = error.message.startsWith(`${file}:`) ? error.message : `${file}:${index + 1}: ${error.message}`;
      if (json) printJson(io, { id: id ?? `line-${index + 1}`, error: { code: error.code, message } });
      else {
        // Every input line has its output line, failed ones included.
        printLine(io, `${String(id ?? `line-${index + 1}`).padEnd(12)} ERR  ${error.code}`);
        notice(io, `coach: ${message}`);
      }
    }
  }
  return failed > 0 ? 1 : 0;
}

async function runBankAudit(banks: string[], io: CommandIO, { json, hideScores }: Output, critic: Critic): Promise<number> {
  const bank = await loadBank(resolveBankPaths(banks, io));
  const rows = [];
  for (const story of bank.stories) {
    const question = story.question ?? (story.principles[0] ? `Tell me about a time you showed ${story.principles[0]}.` : `Tell me about ${story.title}`);
    const answer = answerOf(story);
    // A bank holds notes to speak from: their length is for the telling, not a gap in the story.
    rows.push({ story, question, answer, critique: asBankNotes(await critic.critique(question, answer)) });
  }
  rows.sort((a, b) => a.critique.score - b.critique.score);
  for (const { story, question, answer, critique } of rows) {
    // The question and the answer as critiqued: the spans are offsets into that answer, not into the bank file.
    if (json) printJson(io, { id: story.id, title: story.title, question, answer, ...critique });
    else printLine(io, `${hideScores ? "" : `${String(critique.score).padStart(3)}  `}${story.title.slice(0, 60).padEnd(60)}  ${critique.issues[0]?.code ?? "no issues"}`);
  }
  return 0;
}

// Lines of a story's text that say what it is, not what happened: its heading, question, tags and principles.
const METADATA_LINE = /^\s*(?:#{1,6}\s|[*_]{0,2}(?:tags|principles?|question|q)[*_]{0,2}\s*:)/i;

/**
 * A story as the answer to critique, with the labels its writer gave it: all
 * parts labelled, as those parts; otherwise its own lines as written (labels
 * kept where there are some), without heading, question or tags.
 */
function answerOf(story: Story): string {
  if (!story.partsInferred) {
    const labelled = STORY_PARTS.filter((part) => story.parts[part]).map((part) => `${part[0]!.toUpperCase()}${part.slice(1)}: ${story.parts[part]}`);
    if (labelled.length > 0) return labelled.join("\n");
  }
  const lines = story.text.split("\n");
  const ownLines = lines.filter((line, index) => !(index === 0 && line.includes(story.title.slice(0, 20))) && !METADATA_LINE.test(line));
  const written = ownLines.join("\n").trim();
  return written === "" ? story.body : written;
}
