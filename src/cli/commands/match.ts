import { readFile } from "node:fs/promises";
import { isCoachError, InputError, UsageError } from "../../errors/index.js";
import { createMatcher, validateQuestion, type MatchResult } from "../../retrieval/index.js";
import type { Command } from "../command.js";
import { notice, printJson, printLine, type CommandIO } from "../io.js";
import { openStoryIndex } from "../open-story-index.js";
import { stringFlag } from "../parse-command-args.js";

export const matchCommand: Command = {
  name: "match",
  summary: "Find the stories in your bank that best fit an interview question",
  help: `Usage: coach match [QUESTION] [--bank PATH]... [-k N] [--json] [--questions FILE]

For each question, the k stories that fit best (one per experience), with why
each fits (principle, theme, the line that shows it) and which part to lead
with. Works offline; with --provider openai it uses that provider's embeddings.

Questions come from the argument, else --questions FILE (one per line, blank
lines skipped), else standard input.

Options:
  --bank PATH        Index these banks first (a no-op when unchanged). Without
                     it, the banks already in the store; with an empty store,
                     the bundled sample bank.
  -k N               How many stories per question (default 3, at most 50).
  --questions FILE   Read questions from a file.
  --json             One JSON line per question: {"question", "principles",
                     "competencies", "matches": [{"id", "experience", "title",
                     "principles", "score", "why", "leadWith", "text", "alsoTold"}]}.

Limits: a question over 2,000 characters is refused (exit 3); an empty one is a
usage error (exit 2).

Examples:
  coach match "Tell me about a time you failed"
  coach match --bank my-stories.md -k 5 "Describe a conflict with a peer"
  coach match --questions questions.txt --json > matches.jsonl`,
  options: { bank: { type: "string", multiple: true }, k: { type: "string", short: "k" }, json: { type: "boolean" }, questions: { type: "string" } },
  positionals: true,
  async run(args, io) {
    const k = parseK(stringFlag(args.values.k));
    const questions = await readQuestions(args.positionals, stringFlag(args.values.questions), io);
    // A single bad question fails before any indexing work.
    if (questions.length === 1) validateQuestion(questions[0]!);
    const { indexed, embedder } = await openStoryIndex(args, io);
    const matcher = createMatcher(indexed.stories, indexed.index, embedder);
    let failed = 0;
    for (const question of questions) {
      let result: MatchResult;
      try {
        result = await matcher.match(question, { k });
      } catch (error) {
        // One bad line in a batch must not lose the others.
        if (questions.length === 1 || !isCoachError(error)) throw error;
        failed++;
        if (args.values.json) printJson(io, { question, error: error.toJSON() });
        else notice(io, `coach: ${error.message}`);
        continue;
      }
      for (const text of result.notices) notice(io, `coach: ${text}`);
      if (args.values.json) printJson(io, withoutNotices(result));
      else printMatches(result, io);
    }
    return failed > 0 ? 1 : 0;
  },
};

function withoutNotices(result: MatchResult) {
  const { notices: _notices, ...rest } = result;
  return rest;
}

function parseK(value: string | undefined): number {
  if (value === undefined) return 3;
  const k = Number(value);
  if (!Number.isInteger(k) || k < 1 || k > 50) throw new UsageError(`-k: "${value}" is not a whole number from 1 to 50.`, { flag: "-k" });
  return k;
}

async function readQuestions(positionals: string[], file: string | undefined, io: CommandIO): Promise<string[]> {
  if (positionals.length > 0) return [positionals.join(" ")];
  let text: string;
  if (file !== undefined) {
    try {
      text = await readFile(file, "utf8");
    } catch (cause) {
      throw new InputError("INPUT_UNREADABLE", `${file}: cannot read the questions file (${(cause as NodeJS.ErrnoException).code ?? "error"}).`, { file, cause });
    }
  } else if (io.stdin.isTTY) {
    throw new UsageError('coach match: give a question, e.g. coach match "Tell me about a time you failed" (or --questions FILE, or pipe questions in).');
  } else {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(Buffer.from(chunk as Buffer));
    text = Buffer.concat(chunks).toString("utf8");
  }
  const questions = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  if (questions.length === 0) throw new UsageError(`coach match: no questions ${file ? `in ${file}` : "on standard input"}.`);
  return questions;
}

function printMatches(result: MatchResult, io: CommandIO): void {
  printLine(io, `\n${result.question}`);
  const themes = result.competencies.map((entry) => entry.name).join(", ");
  const principles = result.principles.map((entry) => entry.name).join(", ");
  printLine(io, `  asks about: ${themes || "no clear theme"}${principles ? `  (${principles})` : ""}`);
  if (result.matches.length === 0) printLine(io, "  no story in your bank fits this question yet.");
  result.matches.forEach((match, index) => {
    printLine(io, `\n  ${index + 1}. ${match.title}   [${match.score.toFixed(2)}]`);
    printLine(io, `     ${match.why}`);
    printLine(io, `     ${match.principles.join(", ") || "no principle"} · ${match.id}`);
    if (match.alsoTold.length > 0) printLine(io, `     also told as: ${match.alsoTold.map((other) => other.title).join("; ")}`);
  });
}
