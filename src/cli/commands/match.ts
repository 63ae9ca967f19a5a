import { CoachError, exitCodeFor, InputError, isCoachError, ProviderError, UsageError } from "../../errors/index.js";
import { clearThemes, createMatcher, judgedMatch, MAX_PLAN_QUESTIONS, planDistinctStories, planInput, validateQuestion, type MatchResult, type PlanInput } from "../../retrieval/index.js";
import type { Command } from "../command.js";
import { notice, printJson, printLine, type CommandIO } from "../io.js";
import { createMatchJudge } from "../create-match-judge.js";
import { openStoryIndex } from "../open-story-index.js";
import { stringFlag } from "../parse-command-args.js";
import { QUESTIONS_FILE, readTextInput } from "../read-text-input.js";
import { listPrinciples } from "../../principles/index.js";

export const matchCommand: Command = {
  name: "match",
  summary: "Find the stories in your bank that best fit an interview question",
  help: `Usage: coach match [QUESTION] [--bank PATH]... [--store DIR] [-k N] [--json] [--questions FILE]

For each question, the k stories that fit best (one per experience), with why
each fits (principle, theme, the line that shows it) and which part to lead
with. Works offline; with --provider openai it uses that provider's embeddings,
and its chat model judges the first five stories' fit (ordering them by it)
and writes why each fits, falling back to the offline ranking, with a notice,
when the model fails.

Questions come from the argument, else --questions FILE (one per line, blank
lines skipped), else standard input.

Options:
  --bank PATH        Index these banks first (a no-op when unchanged). Without
                     it, the banks already in the store; with an empty store,
                     the bundled sample bank.
  --store DIR        Where the index lives (default ./.coach, or COACH_HOME).
  -k N               How many stories per question (default 3, at most 50).
  --questions FILE   Read questions from a file.
  --distinct         Plan an interview loop: give every question a different
                     experience (the best total fit), so no story is told
                     twice; a notice says where a question's closest story went.
                     (Planned from the offline ranking: not judged by a model.)
  --no-judge         With a provider: rank by its embeddings alone, without
                     asking its chat model to judge the fit (or set
                     COACH_MATCH_JUDGE=0, or "matchJudge": false in the file).
  --json             One JSON line per question: {"question", "principles",
                     "competencies", "matches": [{"id", "experience", "title",
                     "principles", "score", "why", "leadWith", "text", "alsoTold",
                     "fit"}], "judge"} ("judge" only with a provider: the
                     model that judged, or "fallback": true and why).

Each story's fit (strong, workable, stretch) says how well it answers the
question whatever else your bank holds; the score ranks your stories. Among
the first three, a stretch is listed after the stories that fit better, and
when every story shown is a stretch a notice says so.

Limits: a question over 2,000 characters is refused (exit 3; in a --questions
file the other lines are still answered, and the error names the line); an
empty question, or one with no words ("?", "12345"), is a usage error (exit
2); a bank file or questions file over 5 MB, empty or binary is refused (exit
3); --distinct plans at most 50 questions (one loop) and refuses more (exit 3).

Examples:
  coach match "Tell me about a time you failed"
  coach match --bank my-stories.md -k 5 "Describe a conflict with a peer"
  coach match --questions questions.txt --json > matches.jsonl
  coach match --questions loop.txt --distinct`,
  options: { bank: { type: "string", multiple: true }, k: { type: "string", short: "k" }, json: { type: "boolean" }, questions: { type: "string" }, distinct: { type: "boolean" }, "no-judge": { type: "boolean" } },
  positionals: true,
  async run(args, io) {
    const k = parseK(stringFlag(args.values.k));
    const questions = await readQuestions(args.positionals, stringFlag(args.values.questions), io);
    const distinct = args.values.distinct === true;
    if (distinct) checkPlanSize(questions, stringFlag(args.values.questions));
    // A single bad question fails before any indexing work, naming its file and line when it came from one.
    if (questions.length === 1) checkAlone(questions[0]!);
    let opened = await openStoryIndex(args, io);
    let matcher = createMatcher(opened.indexed.stories, opened.indexed.index, opened.embedder);
    let rebuilt = false;
    // A plan weighs every question's candidates against the others by the ranking's scores: a judge's levels would not fit in.
    const judge = distinct ? null : await createMatchJudge(opened.config, opened.provider);
    const matchOne = async (text: string, depth = k): Promise<MatchResult> => {
      try {
        return await judgedMatch(matcher, judge, text, depth);
      } catch (error) {
        // The provider now answers at another size than the index (seen only once a question is embedded): rebuild once, ask again.
        if (!(error instanceof ProviderError) || !error.vectorSizes || rebuilt) throw error;
        notice(io, `coach: ${opened.embedder.id} now returns ${error.vectorSizes.provider}-dimension vectors where the index has ${error.vectorSizes.index}; rebuilding it from the bank.`);
        rebuilt = true;
        opened = await openStoryIndex(args, io, { force: true, announce: false });
        matcher = createMatcher(opened.indexed.stories, opened.indexed.index, opened.embedder);
        return judgedMatch(matcher, judge, text, depth);
      }
    };
    let firstFailure: unknown;
    if (!distinct) {
      for (const question of questions) firstFailure = show(await outcomeOf(question), firstFailure);
      return firstFailure === undefined ? 0 : exitCodeFor(firstFailure);
    }
    // A plan needs every question's candidates before any can be shown.
    const outcomes: Outcome[] = [];
    const inputs: PlanInput[] = [];
    for (const question of questions) {
      const outcome = await outcomeOf(question);
      outcomes.push(outcome);
      if (!outcome.result) continue;
      try {
        inputs.push(await planInput(matchOne, question.text, outcomes.length, k, outcome.result));
      } catch (error) {
        outcomes[outcomes.length - 1] = { question, error };
      }
    }
    const planned = planDistinctStories(inputs, k);
    let next = 0;
    for (const outcome of outcomes) firstFailure = show(outcome.result ? { question: outcome.question, result: planned[next++]! } : outcome, firstFailure);
    return firstFailure === undefined ? 0 : exitCodeFor(firstFailure);

    async function outcomeOf(question: QuestionInput): Promise<Outcome> {
      try {
        return { question, result: await matchOne(question.text) };
      } catch (error) {
        return { question, error };
      }
    }

    /** Prints one question's outcome; returns the run's first failure so far. */
    function show(outcome: Outcome, failure: unknown): unknown {
      const { question } = outcome;
      if (!outcome.result) {
        const error = outcome.error;
        // One bad line in a batch must not lose the others.
        if (questions.length === 1 || !isCoachError(error)) throw error;
        const message = `${question.where}: ${error.message}`;
        // The line keeps the contract's fields, empty, so a script reading every line needs no special case.
        if (args.values.json) printJson(io, { question: question.text, principles: [], competencies: [], matches: [], error: { code: error.code, message } });
        else notice(io, `coach: ${message}`);
        return failure ?? error;
      }
      const result = outcome.result;
      // With several questions, a notice names the one it is about, as an error does.
      const about = questions.length > 1 ? `${question.where}: ` : "";
      for (const { message } of result.notices) notice(io, `coach: ${about}${message}`);
      if (args.values.json) printJson(io, withoutNotices(result));
      else printMatches(result, io);
      return failure;
    }
  },
};

function checkAlone(question: QuestionInput): void {
  try {
    validateQuestion(question.text);
  } catch (error) {
    if (!isCoachError(error) || question.where === "the question") throw error;
    throw new CoachError(error.code, `${question.where}: ${error.message}`, { cause: error, location: error.location });
  }
}

/** Refuses a plan over more questions than a loop could have, before any indexing work. */
function checkPlanSize(questions: readonly QuestionInput[], file: string | undefined): void {
  if (questions.length <= MAX_PLAN_QUESTIONS) return;
  // One plan over every question a file holds would not be a loop; cut into loops silently, it would repeat stories unannounced.
  throw new InputError(
    "INPUT_TOO_LARGE",
    `${file ?? "standard input"}: ${questions.length} questions; --distinct plans one interview loop, at most ${MAX_PLAN_QUESTIONS} questions (a loop is usually 4 to 8). Put each loop in its own file and plan it on its own, or drop --distinct to match every question separately.`,
    { file },
  );
}

function withoutNotices(result: MatchResult) {
  const { notices: _notices, ...rest } = result;
  return rest;
}

function parseK(value: string | undefined): number {
  if (value === undefined) return 3;
  // Digits only: Number() would also take "1e1", "0x3" and " 2".
  const k = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(k) || k < 1 || k > 50) throw new UsageError(`-k: "${value}" is not a whole number from 1 to 50.`, { flag: "-k" });
  return k;
}

/** A question's matches, or why it has none. */
interface Outcome {
  question: QuestionInput;
  result?: MatchResult;
  error?: unknown;
}

/** A question to match and where it came from, for messages. */
interface QuestionInput {
  text: string;
  where: string;
}

async function readQuestions(positionals: string[], file: string | undefined, io: CommandIO): Promise<QuestionInput[]> {
  if (positionals.length > 0) {
    // The argument comes first (contracts); a file given beside it is not read, and the user is told rather than left to wonder.
    if (file !== undefined) notice(io, `coach: --questions ${file} is not read: a question was given as an argument, and the argument comes first. Leave one of them out.`);
    return [{ text: positionals.join(" "), where: "the question" }];
  }
  let text: string;
  if (file !== undefined) {
    text = await readTextInput(file, QUESTIONS_FILE, io);
  } else if (io.stdin.isTTY) {
    throw new UsageError('coach match: give a question, e.g. coach match "Tell me about a time you failed" (or --questions FILE, or pipe questions in).');
  } else {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(Buffer.from(chunk as Buffer));
    text = Buffer.concat(chunks).toString("utf8");
  }
  const questions = text
    .split(/\r?\n/)
    .map((line, index) => ({ text: line.trim(), where: `${file ?? "standard input"}:${index + 1}` }))
    .filter((question) => question.text !== "");
  if (questions.length === 0) throw new UsageError(`coach match: no questions ${file ? `in ${file}` : "on standard input"}.`);
  return questions;
}

function printMatches(result: MatchResult, io: CommandIO): void {
  printLine(io, `\n${result.question}`);
  const asked = clearThemes(result);
  const themes = asked.themes.join(", ");
  const principles = listPrinciples(asked.principles);
  printLine(io, `  asks about: ${themes || "no clear theme"}${principles ? `  (${principles})` : ""}`);
  if (result.judge && !result.judge.fallback) printLine(io, `  fit and why judged by ${result.judge.model}; stories ordered by fit, then by score`);
  if (result.matches.length === 0) printLine(io, "  no story in your bank fits this question yet.");
  result.matches.forEach((match, index) => {
    printLine(io, `\n  ${index + 1}. ${match.title}   [${match.score.toFixed(2)}${match.fit ? ` · ${match.fit} fit` : ""}]`);
    printLine(io, `     ${match.why}`);
    printLine(io, `     ${listPrinciples(match.principles) || "no principle"} · ${match.id}`);
    if (match.alsoTold.length > 0) printLine(io, `     also told as: ${match.alsoTold.map((other) => other.title).join("; ")}`);
  });
  // Scores that do not fall down the list would read as a bug without the reason.
  const firstThree = result.matches.slice(0, 3);
  if (firstThree.some((above, index) => above.fit !== "stretch" && firstThree.slice(index + 1).some((below) => below.fit === "stretch" && below.score > above.score))) {
    printLine(io, "\n  (a stretch is listed after the stories that fit better, whatever its score)");
  }
}
