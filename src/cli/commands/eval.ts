import { constants, existsSync } from "node:fs";
import { access, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../../errors/index.js";
import { checkAgainstBaseline, readBaseline, type GateFinding } from "../../evals/baseline.js";
import { evaluateCritique, readCritiqueCases } from "../../evals/critique-eval.js";
import { evaluateQuestionClassifier } from "../../evals/question-classifier-eval.js";
import { evaluatePrincipleInference } from "../../evals/principle-inference-eval.js";
import { evaluateStoryFit, SMALL_BANKS } from "../../evals/story-fit-eval.js";
import { evaluateMatchFit } from "../../evals/match-fit-eval.js";
import { evaluateStoryTold } from "../../evals/story-told-eval.js";
import { evaluateWhy, readWhyLabels, type WhyMetrics } from "../../evals/why-eval.js";
import { withholdCases } from "../../evals/withhold-cases.js";
import { renderHtmlReport } from "../../evals/report/render-html-report.js";
import { RETRIEVAL_CONFIGURATIONS, runJudgedRetrievalEval, runRetrievalEval, type RetrievalDatasetReport } from "../../evals/run-retrieval-eval.js";
import { readRetrievalCases } from "../../evals/retrieval-dataset.js";
import type { ResolvedConfig } from "../../config/index.js";
import { loadBank } from "../../bank/index.js";
import { CoachEngine, LlmCoach } from "../../coach/index.js";
import { loadPrompt } from "../../prompts/index.js";
import { CachingChatModel } from "../../providers/caching-chat-model.js";
import { newSession } from "../../coach/session.js";
import type { Embedder } from "../../core/embedder.js";
import { LlmCritic, OfflineCritic } from "../../critique/index.js";
import { readScenarios, runCoachScenarios } from "../../evals/coach-eval.js";
import { evaluateFollowUps } from "../../evals/follow-up-eval.js";
import { evaluateRelevance, readRelevanceCases } from "../../evals/relevance-eval.js";
import { computeStoryFeatures, createInMemoryMatcher, LlmMatchJudge, type MatchJudge } from "../../retrieval/index.js";
import { readQuestionBank } from "../../understanding/question-bank.js";
import { withInferredPrinciples } from "../../understanding/index.js";
import { resolveProvider } from "../../providers/index.js";
import { LlmCache, writeFileAtomic } from "../../store/index.js";
import type { Command } from "../command.js";
import { notice, printJson, printLine } from "../io.js";
import { announceProvider, configFromArgs } from "../open-story-index.js";
import { baselineRefused, baselineWriteError } from "../baseline-write-error.js";
import { PACKAGE_ROOT, SAMPLE_BANK_PATH } from "../package-paths.js";
import { progressBar } from "../progress-bar.js";
import { stringFlag } from "../parse-command-args.js";
import { evalReportFolder, shownPath } from "../eval-report-folder.js";

const SUITES = ["retrieval", "critique", "coach", "all"] as const;
// The labelled critique drafts in evals/critique/ (evals/README.md: drafts, drafts-2 and heldout-2 are tuned on).
const CRITIQUE_SETS = ["drafts", "drafts-2", "heldout", "heldout-2", "heldout-3", "heldout-4"] as const;
const BASELINE_FILE = path.join(PACKAGE_ROOT, "evals", "baseline.json");
// Why-quote labels (evals/README.md): the training pairs first, which the why-sentence model is trained on; the held-out pairs never inspected case by case.
const WHY_SETS = [
  { name: "training", file: "corpus/why/training.jsonl" },
  { name: "sample-bank", file: "evals/why/sample-bank.jsonl" },
  { name: "seed-banks", file: "evals/why/seed-banks.jsonl" },
];

export const evalCommand: Command = {
  name: "eval",
  summary: "Measure retrieval, critique and coaching against labelled data; --check gates regressions",
  help: `Usage: coach eval [retrieval|critique|coach|all] [--check] [--json] [--update-baseline] [--report DIR] [--refresh]
       (default: all)

Runs the labelled eval suites in evals/ offline and deterministically, prints
each configuration's figures side by side, and writes report.json, report.md
and report.html (self-contained, with charts): to evals/report/ in the checkout
when run from inside it, else to evals/report/ in the current folder (never
inside the installed package), or to --report DIR. Where it went is said on stderr; a folder that
cannot be written is skipped with a notice (exit 1 only when --report named it).

Retrieval: hit@1, hit@3, hit@5, MRR and nDCG@5 on evals/retrieval/*.jsonl for
plain BM25, BM25 with interview vocabulary, themes only, the embedder alone
(local default) and the hybrid; with --provider openai, the provider's
embeddings too, and the hybrid with the provider's chat model judging its
first five stories' fit as coach match does (replies kept in evals/replay/llm/). Plus the question classifier's accuracy on the held-out split
of the question bank and on 1,866 questions other writers phrased
(evals/questions/other-writers.jsonl), the inferred principles of the sample and seed banks,
and the mock interview's check that a retold bank story fits the question (on
each retrieval set: is the best acceptable story left alone, is a story
labelled not acceptable flagged). The seed-bank set needs ../shared/seeds beside the
checkout and is skipped without it.

Options:
  --check            Exit 1 when a figure falls below evals/baseline.json by more
                     than its tolerance (one case's worth), listing the cases
                     that flipped.
  --update-baseline  Write the current figures to evals/baseline.json.
  --json             One JSON line per dataset and configuration.
  --report DIR       Write the report to DIR instead.
  --refresh          With --provider openai: ask the provider again instead of
                     replaying its recorded replies from evals/replay/llm/.

Critique: precision, recall, F1 and Cohen's kappa per flaw (positive class =
the flaw: part missing, not quantified, we-heavy, lesson missing, not a story)
with the confusion counts, on evals/critique/drafts.jsonl, drafts-2.jsonl and
heldout-2.jsonl (tuned on) and the held-out heldout.jsonl, heldout-3.jsonl and heldout-4.jsonl
(present-tense and non-native English); beside each, the
macro F1 of the cue rules alone (without the learned clause-role model).

With --provider openai, the LLM critic also runs over the drafts: how many it
answered, how many fell back, and how many invented figures or names the
placeholder check caught. Its replies are kept in evals/replay/llm/ (keyed by
prompt hash, model and input; a changed prompt misses), so the suite re-runs
offline with the same COACH_CHAT_MODEL; --refresh asks the provider again.
COACH_EVAL_REPLAY points the replay elsewhere. The first fallback's reason is
said at once; a provider failing on each of the first 3 drafts is not asked
about the rest, and a run in which no draft was answered exits 1.

Coach: the scripted conversations in evals/coach/scenarios.jsonl played against
the offline coach over the sample bank (a missing result gets a follow-up, a
complete answer moves on, "we" answers are asked what you did, no question
repeats, the summary names every principle asked); and the mock interview's
follow-up choice on the critique drafts: the share of drafts with a labelled
gap it probes, of complete drafts it moves on from, and of follow-ups that ask
about a gap the labels have.`,
  options: { check: { type: "boolean" }, json: { type: "boolean" }, "update-baseline": { type: "boolean" }, refresh: { type: "boolean" }, report: { type: "string" } },
  positionals: true,
  async run(args, io) {
    const suite = args.positionals[0] ?? "all";
    if (args.positionals.length > 1) throw new UsageError(`coach eval: one suite at a time; unexpected "${args.positionals.slice(1).join(" ")}".`);
    if (!SUITES.includes(suite as (typeof SUITES)[number])) throw new UsageError(`coach eval: unknown suite "${suite}"; choose ${SUITES.join(", ")}.`);
    const runRetrieval = suite === "retrieval" || suite === "all";
    const runCritique = suite === "critique" || suite === "all";
    const runCoachSuite = suite === "coach" || suite === "all";

    // Before half a minute of evals, not after: an installed copy takes no new baseline, whether or not it can be written
    // (a global install under nvm or volta can).
    if (args.values["update-baseline"]) {
      if (PACKAGE_ROOT.split(path.sep).includes("node_modules")) throw baselineRefused(BASELINE_FILE, "it is part of an installed package");
      await access(path.dirname(BASELINE_FILE), constants.W_OK).catch((error: unknown) => {
        throw baselineWriteError(error, BASELINE_FILE);
      });
    }
    const config = configFromArgs(args, io);
    const report = evalReportFolder(stringFlag(args.values.report), io.cwd);
    announceProvider(config, io);
    const local = await resolveProvider({ ...config, provider: "local" }).createEmbedder();
    const datasets = [
      { name: "sample-bank", file: path.join(PACKAGE_ROOT, "evals/retrieval/sample-bank.jsonl"), banks: [SAMPLE_BANK_PATH] },
      { name: "seed-banks", file: path.join(PACKAGE_ROOT, "evals/retrieval/seed-banks.jsonl"), banks: [path.resolve(PACKAGE_ROOT, "../shared/seeds")] },
      // Written after the first tuning; its misses were read case by case in session 27, so no longer held out.
      { name: "seed-banks-fresh", file: path.join(PACKAGE_ROOT, "evals/retrieval/seed-banks-fresh.jsonl"), banks: [path.resolve(PACKAGE_ROOT, "../shared/seeds")] },
      // A third writer's 100: read only as totals until session 27, which read its misses too.
      { name: "seed-banks-fresh-2", file: path.join(PACKAGE_ROOT, "evals/retrieval/seed-banks-fresh-2.jsonl"), banks: [path.resolve(PACKAGE_ROOT, "../shared/seeds")] },
      // A fourth writer's 100 (session 27), written blind once the two sets above had been read: the held-out figure, totals only.
      { name: "seed-banks-fresh-3", file: path.join(PACKAGE_ROOT, "evals/retrieval/seed-banks-fresh-3.jsonl"), banks: [path.resolve(PACKAGE_ROOT, "../shared/seeds")], heldOut: true },
    ].filter((dataset) => {
      const present = dataset.banks.every((bank) => existsSync(bank));
      if (!present) notice(io, `coach: skipping ${dataset.name}: ${dataset.banks.join(", ")} not found.`);
      return present;
    });

    const reports: RetrievalDatasetReport[] = [];
    const bar = progressBar(io.stderr, "retrieval eval");
    const withProvider = runRetrieval && config.provider === "openai";
    const remoteConfigurations = RETRIEVAL_CONFIGURATIONS.filter((entry) => entry.name === "dense" || entry.name === "hybrid");
    const judge = withProvider ? await replayedMatchJudge(config, Boolean(args.values.refresh), io) : null;
    // Every configuration over every question of every set, the provider's and its judge's included (a request each,
    // the slowest part): the bar counts to that, not to 0.
    const perQuestion = RETRIEVAL_CONFIGURATIONS.length + (withProvider ? remoteConfigurations.length : 0) + (judge ? 1 : 0);
    const total = runRetrieval ? (await Promise.all(datasets.map((dataset) => readRetrievalCases(dataset.file)))).reduce((sum, cases) => sum + cases.length, 0) * perQuestion : 0;
    let done = 0;
    const step = () => bar.update(++done, total);
    for (const dataset of runRetrieval ? datasets : []) {
      reports.push(await runRetrievalEval(dataset, local, RETRIEVAL_CONFIGURATIONS, step));
      if (withProvider) {
        const remote = await resolveProvider(config).createEmbedder();
        const remoteReport = await runRetrievalEval(dataset, remote, remoteConfigurations, step);
        for (const entry of remoteReport.configurations) entry.name = `${entry.name} (${remote.id})`;
        reports.at(-1)!.configurations.push(...remoteReport.configurations);
        if (judge) {
          // The judge reads the local ranking's first five, so its figures compare with the local hybrid's row.
          const judged = await runJudgedRetrievalEval(dataset, local, judge.judge, `hybrid + judge (${judge.model})`, step);
          if (judged.fallbacks > 0) notice(io, `coach: ${dataset.name}: the model could not judge ${judged.fallbacks} of ${judged.cases.length} questions; those keep the hybrid's order.`);
          const { fallbacks: _fallbacks, ...configuration } = judged;
          reports.at(-1)!.configurations.push(configuration);
        }
      }
      if (dataset.heldOut) reports.push(withholdCases(reports.pop()!));
    }
    bar.finish();
    const classifier = runRetrieval ? await evaluateQuestionClassifier(PACKAGE_ROOT) : [];
    // The banks' own principles hidden and inferred back (the fresh sets share seed-banks' stories).
    const inference = runRetrieval ? await evaluatePrincipleInference(datasets.filter((dataset) => !dataset.name.startsWith("seed-banks-fresh"))) : [];
    const storyFit = [];
    for (const dataset of runRetrieval ? datasets : []) storyFit.push(await evaluateStoryFit(dataset, local));
    // A candidate's own bank is often ten stories: there every story is re-ranked and scores crowd closer.
    for (const dataset of runRetrieval ? datasets.filter((entry) => !entry.name.startsWith("seed-banks-fresh")) : []) {
      storyFit.push(await evaluateStoryFit(dataset, local, SMALL_BANKS));
    }
    // The fit levels coach match shows: right first matches should not read as a stretch, nor the best story of a bank without a fitting one as strong.
    const matchFit = [];
    for (const dataset of runRetrieval ? datasets : []) matchFit.push(await evaluateMatchFit(dataset, local));
    // Which bank story an answer retells, on retellings written blind: the training set the rule was chosen on, and the sample bank's.
    const storyTold = [];
    if (runRetrieval) {
      storyTold.push(await evaluateStoryTold("training", path.join(PACKAGE_ROOT, "corpus/retellings/training.jsonl"), PACKAGE_ROOT));
      storyTold.push(await evaluateStoryTold("sample-bank", path.join(PACKAGE_ROOT, "evals/retellings/sample-bank.jsonl"), PACKAGE_ROOT));
      // A first story: rarity in a bank of one says little.
      storyTold.push(await evaluateStoryTold("training", path.join(PACKAGE_ROOT, "corpus/retellings/training.jsonl"), PACKAGE_ROOT, { oneExperience: true }));
    }
    // Which line the why quotes, against readers' labels: the training pairs the why-sentence model is trained on, then held-out pairs.
    const why: WhyMetrics[] = [];
    for (const set of runRetrieval ? WHY_SETS : []) {
      const labels = await readWhyLabels(path.join(PACKAGE_ROOT, set.file));
      const missing = [...new Set(labels.map((label) => label.bank))].filter((bank) => !existsSync(path.resolve(PACKAGE_ROOT, bank)));
      if (missing.length > 0) notice(io, `coach: skipping why quotes on ${set.name}: ${missing.join(", ")} not found.`);
      else why.push(await evaluateWhy(set.name, labels, PACKAGE_ROOT, local));
    }
    const critiques = runCritique ? await runCritiqueSuites() : [];
    const relevance = runCritique ? await runRelevanceSuite() : [];
    const llmCritique = runCritique && config.provider === "openai" ? await runLlmCritiqueSuite(config, Boolean(args.values.refresh), io) : null;
    const coachResults = runCoachSuite ? await runCoachSuiteOffline(local) : [];
    const followUps = runCoachSuite ? await runFollowUpSuites() : [];
    const coachLlmResults = runCoachSuite && config.provider === "openai" ? await runCoachSuiteWithLlm(local, config, Boolean(args.values.refresh), io) : [];

    const figures: Record<string, { value: number; cases: number }> = {};
    for (const report of reports) {
      for (const entry of report.configurations) {
        // Score fusion is what a provider's embedder gets, so it is gated like the default.
        const key = RETRIEVAL_CONFIGURATIONS.find((configuration) => configuration.name === entry.name)?.figureKey;
        if (!key) continue;
        for (const metric of ["hitAt1", "hitAt3", "mrr"] as const) {
          figures[`retrieval.${report.dataset}.${key}.${metric}`] = { value: round(entry.metrics[metric]), cases: entry.metrics.cases };
        }
      }
    }
    for (const entry of classifier) figures[`classifier.${entry.split}.competencyAt3`] = { value: round(entry.competencyAt3), cases: entry.questions };
    for (const entry of inference) figures[`principle-inference.${entry.dataset}.firstCorrect`] = { value: round(entry.firstCorrect), cases: entry.stories };
    for (const entry of storyFit) {
      figures[`story-fit.${entry.dataset}.spared`] = { value: round(entry.spared), cases: entry.cases };
      figures[`story-fit.${entry.dataset}.sparedAny`] = { value: round(entry.sparedAny), cases: entry.acceptableTold };
      figures[`story-fit.${entry.dataset}.caught`] = { value: round(entry.caught), cases: entry.cases };
      figures[`story-fit.${entry.dataset}.caughtHigh`] = { value: round(entry.caughtHigh), cases: entry.cases };
      // Gated as a share to keep up: acceptable stories not told they answer another question.
      figures[`story-fit.${entry.dataset}.sparedHighAny`] = { value: round(1 - entry.flaggedHighAny), cases: entry.acceptableTold };
    }
    for (const entry of matchFit) {
      // Gated as shares to keep up: right first matches not called a stretch; first matches of a bank without a fitting story called one, and not called strong.
      figures[`match-fit.${entry.dataset}.rightFirstNotStretch`] = { value: round(1 - entry.rightFirstStretch), cases: entry.rightFirst };
      figures[`match-fit.${entry.dataset}.noFitStretch`] = { value: round(entry.noFitStretch), cases: entry.noFit };
      figures[`match-fit.${entry.dataset}.noFitNotStrong`] = { value: round(1 - entry.noFitStrong), cases: entry.noFit };
    }
    for (const entry of storyTold) {
      figures[`story-told.${entry.dataset}.recognised`] = { value: round(entry.recognised), cases: entry.retold };
      figures[`story-told.${entry.dataset}.notCredited`] = { value: round(entry.notCredited), cases: entry.other };
    }
    for (const entry of why) {
      figures[`why.${entry.dataset}.fair`] = { value: round(entry.fair), cases: entry.quotedPairs };
      figures[`why.${entry.dataset}.right`] = { value: round(entry.right), cases: entry.cases };
      // Gated as a share to keep up: quotes the reader did not mark misleading.
      figures[`why.${entry.dataset}.notMisleading`] = { value: round(1 - entry.misleading), cases: entry.quotedPairs };
    }
    if (coachResults.length) {
      figures["coach.scenarios.passRate"] = { value: round(coachResults.filter((result) => result.passed).length / coachResults.length), cases: coachResults.length };
    }
    for (const entry of followUps) {
      figures[`coach.follow-ups.${entry.dataset}.probedWhenThin`] = { value: round(entry.probedWhenThin), cases: entry.thin };
      figures[`coach.follow-ups.${entry.dataset}.sparedWhenComplete`] = { value: round(entry.sparedWhenComplete), cases: entry.complete };
      figures[`coach.follow-ups.${entry.dataset}.probeOnLabelledGap`] = { value: round(entry.probeOnLabelledGap), cases: entry.probedForGap };
    }
    for (const entry of relevance) {
      figures[`critique.relevance.${entry.dataset}.separation`] = { value: round(entry.separation), cases: entry.offTopic };
      figures[`critique.relevance.${entry.dataset}.caught`] = { value: round(entry.caught), cases: entry.offTopic };
      figures[`critique.relevance.${entry.dataset}.spared`] = { value: round(entry.spared), cases: entry.onTopic };
    }
    for (const entry of critiques) {
      figures[`critique.${entry.dataset}.macroF1`] = { value: round(entry.macroF1), cases: entry.cases };
      figures[`critique.${entry.dataset}.rules-only.macroF1`] = { value: round(entry.rulesOnlyMacroF1), cases: entry.cases };
      figures[`critique.${entry.dataset}.scoreOrder`] = { value: round(entry.scoreOrder), cases: entry.cases };
      for (const metric of entry.metrics) figures[`critique.${entry.dataset}.${metric.label}.f1`] = { value: round(metric.f1), cases: entry.cases };
    }

    if (args.values.json) {
      for (const report of reports) for (const entry of report.configurations) printJson(io, { suite: "retrieval", dataset: report.dataset, configuration: entry.name, ...roundAll(entry.metrics) });
      for (const entry of classifier) printJson(io, { suite: "question-classifier", ...roundAll(entry) });
      for (const entry of inference) printJson(io, { suite: "principle-inference", ...roundAll(entry) });
      for (const entry of storyFit) printJson(io, { suite: "story-fit", ...roundAll(entry) });
      for (const entry of matchFit) printJson(io, { suite: "match-fit", ...roundAll(entry) });
      for (const entry of storyTold) printJson(io, { suite: "story-told", ...roundAll(entry) });
      for (const entry of why) printJson(io, { suite: "why", ...roundAll(entry) });
      for (const entry of critiques) for (const metric of entry.metrics) printJson(io, { suite: "critique", dataset: entry.dataset, ...roundAll(metric) });
      for (const entry of critiques) printJson(io, { suite: "critique-score", dataset: entry.dataset, cases: entry.cases, scoreOrder: round(entry.scoreOrder) });
      for (const entry of relevance) printJson(io, { suite: "critique-relevance", ...roundAll(entry) });
      if (llmCritique) printJson(io, { suite: "critique-llm", ...llmCritique });
    } else {
      for (const report of reports) {
        printLine(io, `\nretrieval: ${report.dataset} (${report.configurations[0]?.metrics.cases ?? 0} questions)`);
        printLine(io, `  ${"configuration".padEnd(44)} hit@1  hit@3  hit@5  MRR    nDCG@5  hit@3 95% interval`);
        for (const entry of report.configurations) {
          const m = entry.metrics;
          printLine(io, `  ${entry.name.padEnd(44)} ${[m.hitAt1, m.hitAt3, m.hitAt5, m.mrr, m.ndcgAt5].map((value) => value.toFixed(3)).join("  ")}   ${m.intervals.hitAt3.map((value) => value.toFixed(2)).join("-")}`);
        }
      }
      if (classifier.length) printLine(io, "\nquestion classifier (corpus/questions.jsonl splits; other-writers: evals/questions/other-writers.jsonl)");
      for (const entry of classifier) {
        printLine(io, `  ${entry.split.padEnd(13)} ${entry.questions} questions: competency@1 ${entry.competencyAt1.toFixed(3)}, competency@3 ${entry.competencyAt3.toFixed(3)}, principle@1 ${entry.principleAt1.toFixed(3)}`);
      }
      if (inference.length) printLine(io, "\nstory principles inferred with the bank's own hidden (what an unlabelled bank gets)");
      for (const entry of inference) {
        printLine(io, `  ${entry.dataset.padEnd(12)} ${entry.stories} stories: first inferred is the bank's ${entry.firstCorrect.toFixed(3)}, any of the ${entry.shown.toFixed(1)} inferred ${entry.anyCorrect.toFixed(3)}`);
      }
      if (storyFit.length) printLine(io, "\nchat: a retold story that fits the question less well than the bank's closer ones (acceptable stories should pass, others be flagged; high = a story for another question)");
      for (const entry of storyFit) {
        printLine(
          io,
          `  ${entry.dataset.padEnd(20)} ${entry.cases} questions: best acceptable story passes ${entry.spared.toFixed(3)}; any of ${entry.acceptableTold} acceptable passes ${entry.sparedAny.toFixed(3)} (flagged high ${entry.flaggedHighAny.toFixed(3)}); a story not acceptable is flagged ${entry.caught.toFixed(3)} (high ${entry.caughtHigh.toFixed(3)})`,
        );
      }
      if (matchFit.length) printLine(io, "\nmatch: fit levels (a right first match should not be a stretch; asked of the bank without its acceptable stories, the first match should be one, and not strong)");
      for (const entry of matchFit) {
        printLine(
          io,
          `  ${entry.dataset.padEnd(20)} ${entry.rightFirst} right first matches: stretch ${entry.rightFirstStretch.toFixed(3)}, strong ${entry.rightFirstStrong.toFixed(3)}; ${entry.noFit} questions with no fitting story: stretch ${entry.noFitStretch.toFixed(3)}, strong ${entry.noFitStrong.toFixed(3)}`,
        );
      }
      if (storyTold.length) printLine(io, "\nchat: which bank story an answer retells, in the teller's own words (retellings written blind)");
      for (const entry of storyTold) {
        printLine(io, `  ${entry.dataset.padEnd(20)} ${entry.retold} retellings: credited to the story retold ${entry.recognised.toFixed(3)}, to another ${entry.misattributed.toFixed(3)}; ${entry.other} answers about other experiences: credited to none ${entry.notCredited.toFixed(3)}`);
      }
      if (why.length) printLine(io, "\nmatch: the line each why quotes as the story's fit, against readers' labels (a question's acceptable story, and in -n pairs the best-ranked story not acceptable)");
      for (const entry of why) {
        printLine(
          io,
          `  ${entry.dataset.padEnd(20)} ${entry.cases} pairs: right ${entry.right.toFixed(3)}; a line quoted for ${entry.quoted.toFixed(3)}, fair ${entry.fair.toFixed(3)}, misleading ${entry.misleading.toFixed(3)}, the reader's best ${entry.best.toFixed(3)}; "no line shows" where one does ${entry.missed.toFixed(3)}`,
        );
      }
      for (const entry of critiques) {
        printLine(io, `\ncritique: ${entry.dataset} (${entry.cases} drafts), macro F1 ${entry.macroF1.toFixed(3)} (cue rules alone: ${entry.rulesOnlyMacroF1.toFixed(3)}); positive class = the flaw; the score orders drafts by their worst flaw for ${entry.scoreOrder.toFixed(3)} of pairs`);
        printLine(io, `  ${"label".padEnd(20)} precision  recall  F1     kappa  TP  FP  FN  TN`);
        for (const metric of entry.metrics) {
          printLine(io, `  ${metric.label.padEnd(20)} ${metric.precision.toFixed(3).padEnd(10)} ${metric.recall.toFixed(3).padEnd(7)} ${metric.f1.toFixed(3)}  ${metric.kappa.toFixed(2).padStart(5)}  ${[metric.truePositive, metric.falsePositive, metric.falseNegative, metric.trueNegative].map((value) => String(value).padStart(2)).join("  ")}`);
        }
      }
    }
    if (!args.values.json) {
      for (const entry of relevance) {
        printLine(
          io,
          `\ncritique: does the answer answer the question (${entry.dataset}: ${entry.onTopic} answers that do, ${entry.offTopic} that answer another; words alone, no bank): the relevance score ranks an answer that does above one that does not for ${entry.separation.toFixed(3)} of pairs (0.5 is chance); OFF_TOPIC flags ${entry.caught.toFixed(3)} of those that do not and spares ${entry.spared.toFixed(3)} of those that do`,
        );
      }
    }
    if (args.values.json) for (const result of coachLlmResults) printJson(io, { suite: "coach-llm", ...result });
    else if (coachLlmResults.length) printLine(io, `\ncoach driven by the LLM (replayed from evals/replay/llm when recorded): ${coachLlmResults.filter((result) => result.passed).length} of ${coachLlmResults.length} scripted conversations behave as expected`);
    if (args.values.json) for (const result of coachResults) printJson(io, { suite: "coach", ...result });
    else if (coachResults.length) {
      printLine(io, `\ncoach: ${coachResults.filter((result) => result.passed).length} of ${coachResults.length} scripted conversations behave as expected`);
      for (const result of coachResults) printLine(io, `  ${result.passed ? "pass" : "FAIL"}  ${result.id}  ${result.description}${result.failures.length ? `\n        ${result.failures.join("\n        ")}` : ""}`);
    }
    if (args.values.json) for (const entry of followUps) printJson(io, { suite: "coach-follow-ups", ...roundAll(entry) });
    else if (followUps.length) {
      printLine(io, "\ncoach: mock-interview follow-ups on the critique drafts' labels (a labelled gap: not a story, no action, \"we\" only, no result, no lesson asked for, no figure)");
      printLine(io, `  ${"set".padEnd(10)} ${"probed when thin".padEnd(18)} ${"spared when complete".padEnd(22)} ${"on a labelled gap".padEnd(19)} first gap probed`);
      for (const entry of followUps) {
        printLine(io, `  ${entry.dataset.padEnd(10)} ${`${entry.probedWhenThin.toFixed(3)} of ${entry.thin}`.padEnd(18)} ${`${entry.sparedWhenComplete.toFixed(3)} of ${entry.complete}`.padEnd(22)} ${`${entry.probeOnLabelledGap.toFixed(3)} of ${entry.probedForGap}`.padEnd(19)} ${entry.firstGapProbed.toFixed(3)}`);
      }
    }
    if (llmCritique && !args.values.json) {
      printLine(io, `\ncritique with ${llmCritique.model} on drafts: ${llmCritique.cases} drafts, ${llmCritique.answered} answered (${llmCritique.replayed} from the replay file), ${llmCritique.fallbacks} fell back to offline${llmCritique.firstFallback ? ` (first: ${llmCritique.firstFallback})` : ""}; invented figures or names caught and replaced: ${llmCritique.inventionsCaught} in ${llmCritique.draftsWithInventions} drafts. Structure labels come from the offline analysis, so their F1 is the offline figure above.`);
    }
    const reportWritten = await writeReports(report.folder, reports, classifier, critiques, inference).then(
      () => {
        notice(io, `coach: eval report written to ${shownPath(path.join(report.folder, "report.html"), io.cwd)} (and report.json, report.md beside it).`);
        return true;
      },
      (error: unknown) => {
        // A report folder the file system refuses (a read-only install, say) costs the report, not the figures above or the gate.
        const code = (error as NodeJS.ErrnoException | undefined)?.code;
        if (!code) throw error;
        notice(io, `coach: could not write the eval report to ${shownPath(report.folder, io.cwd)} (${(error as Error).message}); ${report.explicit ? "give --report a folder you can write to" : "skipped; give --report DIR to write it elsewhere"}.`);
        return !report.explicit;
      },
    );
    // An LLM suite whose every draft fell back measured nothing of the model: a runtime failure, said above.
    const reportExit = reportWritten && !(llmCritique && llmCritique.cases > 0 && llmCritique.answered === 0) ? 0 : 1;

    // A held-out set's hits would name its questions in the baseline and its flips on every run: its totals are gated alone.
    const heldOutHits = new Set(datasets.filter((dataset) => dataset.heldOut).map((dataset) => `${dataset.name}/hybrid`));
    const hits = Object.fromEntries(
      reports.filter((report) => !report.heldOut).flatMap((report) =>
        report.configurations.filter((entry) => entry.name === "hybrid").map((entry) => [`${report.dataset}/hybrid`, entry.cases.filter((item) => item.firstHit !== null && item.firstHit <= 3).map((item) => item.id)]),
      ),
    );
    // Only the suites that ran are checked; the seed-bank sets are skipped where ../shared/seeds is absent.
    const ran = (figure: string) => (figure.startsWith("critique.") ? runCritique : figure.startsWith("coach.") ? runCoachSuite : runRetrieval);
    if (args.values["update-baseline"]) {
      // What did not run (another suite, the seed-bank sets where ../shared/seeds is absent) keeps its baseline figures and hits, so one suite's update
      // leaves the others gated; a figure a suite that ran no longer gives is dropped. Figures stay in the file's order.
      const previous = await readBaseline(BASELINE_FILE);
      const keep = (key: string, now: Record<string, unknown>, suiteRan: boolean) => key in now || !suiteRan || key.includes("seed-banks");
      const keptFigures = Object.entries(previous?.figures ?? {}).filter(([key]) => keep(key, figures, ran(key)));
      const keptHits = Object.entries(previous?.hits ?? {}).filter(([key]) => keep(key, hits, runRetrieval) && !heldOutHits.has(key));
      await writeFileAtomic(
        BASELINE_FILE,
        `${JSON.stringify({ note: "Written by coach eval --update-baseline. Raise freely; lower only with a reason in the commit message.", figures: { ...Object.fromEntries(keptFigures), ...Object.fromEntries(Object.entries(figures).map(([key, entry]) => [key, entry.value])) }, hits: { ...Object.fromEntries(keptHits), ...hits } }, null, 2)}\n`,
      ).catch((error: unknown) => {
        throw baselineWriteError(error, BASELINE_FILE);
      });
      notice(io, `coach: wrote ${path.relative(io.cwd, BASELINE_FILE)}`);
    }
    if (!args.values.check) return reportExit;
    const baseline = await readBaseline(BASELINE_FILE);
    if (!baseline) {
      notice(io, `coach: no readable baseline at ${BASELINE_FILE}; run coach eval --update-baseline.`);
      return 1;
    }
    const findings = checkAgainstBaseline(figures, baseline).filter((finding) => ran(finding.figure) && (Number.isFinite(finding.current) || !finding.figure.includes("seed-banks")));
    return Math.max(reportGate(findings, baseline.hits, hits, io), reportExit);
  },
};

function reportGate(findings: GateFinding[], before: Record<string, string[]>, now: Record<string, string[]>, io: Parameters<Command["run"]>[1]): number {
  const failed = findings.filter((finding) => !finding.passed);
  for (const [key, ids] of Object.entries(before)) {
    const current = now[key];
    if (!current) continue;
    const lost = ids.filter((id) => !current.includes(id));
    const gained = current.filter((id) => !ids.includes(id));
    if (lost.length || gained.length) notice(io, `coach: ${key}: ${lost.length} case(s) lost their top-3 hit${lost.length ? ` (${lost.join(", ")})` : ""}; ${gained.length} gained${gained.length ? ` (${gained.join(", ")})` : ""}.`);
  }
  if (failed.length === 0) {
    notice(io, `coach: eval gate passed (${findings.length} figures at or above baseline within tolerance).`);
    return 0;
  }
  for (const finding of failed) {
    notice(io, `coach: REGRESSION ${finding.figure}: ${finding.current.toFixed(3)} < baseline ${finding.baseline.toFixed(3)} - tolerance ${finding.tolerance.toFixed(3)}`);
  }
  return 1;
}

async function runCritiqueSuites() {
  const suites = [];
  for (const dataset of CRITIQUE_SETS) {
    const file = path.join(PACKAGE_ROOT, "evals", "critique", `${dataset}.jsonl`);
    if (!existsSync(file)) continue;
    const cases = await readCritiqueCases(file);
    // The cue rules alone, measured beside the learned clause model so the better one is kept on evidence.
    const rulesOnly = evaluateCritique(cases, { roles: "rules" });
    suites.push({ dataset, ...evaluateCritique(cases), rulesOnlyMacroF1: rulesOnly.macroF1 });
  }
  return suites;
}

/** The critique's relevance check against answers labelled on or off their question. */
async function runRelevanceSuite() {
  const file = path.join(PACKAGE_ROOT, "evals", "critique", "off-topic.jsonl");
  return existsSync(file) ? [evaluateRelevance("off-topic", await readRelevanceCases(file))] : [];
}

/** The mock interview's follow-up choice against each critique set's labels. */
async function runFollowUpSuites() {
  const suites = [];
  for (const dataset of CRITIQUE_SETS) {
    const file = path.join(PACKAGE_ROOT, "evals", "critique", `${dataset}.jsonl`);
    if (existsSync(file)) suites.push(evaluateFollowUps(dataset, await readCritiqueCases(file)));
  }
  return suites;
}

const REPLAY_FOLDER = path.join(PACKAGE_ROOT, "evals", "replay", "llm");

async function sampleCoachParts(embedder: Embedder) {
  const stories = withInferredPrinciples((await loadBank([SAMPLE_BANK_PATH])).stories);
  const matcher = await createInMemoryMatcher(stories, embedder);
  const critic = new OfflineCritic();
  const features = computeStoryFeatures(stories);
  return { stories, matcher, critic, features, engine: new CoachEngine({ matcher, critic, features, questions: readQuestionBank() }) };
}

/** The offline coach over the sample bank, played through the scripted conversations. */
async function runCoachSuiteOffline(embedder: Embedder) {
  const { engine } = await sampleCoachParts(embedder);
  return runCoachScenarios(await readScenarios(path.join(PACKAGE_ROOT, "evals", "coach", "scenarios.jsonl")), engine, (id) => newSession(id));
}

/** The match judge over the provider's chat model, its replies recorded in (and replayed from) the replay folder; null with no chat model. */
async function replayedMatchJudge(config: ResolvedConfig, refresh: boolean, io: Parameters<Command["run"]>[1]): Promise<{ judge: MatchJudge; model: string } | null> {
  const chat = await resolveProvider(config).createChatModel();
  if (!chat) return null;
  return { judge: new LlmMatchJudge({ chat, cache: new LlmCache(io.env.COACH_EVAL_REPLAY ?? REPLAY_FOLDER), refresh }), model: chat.id };
}

/** The same conversations with the LLM driving, its replies recorded in (and replayed from) the replay folder. */
async function runCoachSuiteWithLlm(embedder: Embedder, config: ResolvedConfig, refresh: boolean, io: Parameters<Command["run"]>[1]) {
  const chat = await resolveProvider(config).createChatModel();
  if (!chat) return [];
  const parts = await sampleCoachParts(embedder);
  const replayed = new CachingChatModel(chat, new LlmCache(io.env.COACH_EVAL_REPLAY ?? REPLAY_FOLDER), loadPrompt("coach.v2").hash, refresh);
  const coach = new LlmCoach({ chat: replayed, offline: parts.engine, matcher: parts.matcher, critic: parts.critic, features: parts.features, bankTexts: parts.stories.map((story) => story.text) });
  return runCoachScenarios(await readScenarios(path.join(PACKAGE_ROOT, "evals", "coach", "scenarios.jsonl")), coach, (id) => newSession(id));
}

// A provider that fails on this many drafts in a row before answering any is misconfigured or down: asking it about the
// rest would only repeat the failure, at up to a timeout and its retries per draft.
const GIVE_UP_AFTER = 3;

/**
 * The LLM critic over the drafts. Replies are read from and written to the
 * committed replay folder (keyed by prompt hash, model and input), so the
 * suite re-runs offline; --refresh asks the provider again. The first
 * fallback's reason is said at once, and a provider that fails on the first
 * few drafts is not asked about the rest.
 */
async function runLlmCritiqueSuite(config: ResolvedConfig, refresh: boolean, io: Parameters<Command["run"]>[1]) {
  const chat = await resolveProvider(config).createChatModel();
  if (!chat) return null;
  const cases = await readCritiqueCases(path.join(PACKAGE_ROOT, "evals", "critique", "drafts.jsonl"));
  const cache = new LlmCache(io.env.COACH_EVAL_REPLAY ?? REPLAY_FOLDER);
  const last: { fallback?: { message: string; reason: string; code?: string } } = {};
  const critic = new LlmCritic({ chat, cache, refresh, onFallback: (message, cause) => (last.fallback = { message, ...cause }) });
  let answered = 0;
  let replayed = 0;
  let fallbacks = 0;
  let inventionsCaught = 0;
  let draftsWithInventions = 0;
  let firstFallback: string | undefined;
  let providerFailuresInARow = 0;
  const bar = progressBar(io.stderr, "LLM critique eval");
  for (const [index, entry] of cases.entries()) {
    delete last.fallback;
    const critique = await critic.critique(entry.question, entry.answer);
    const fallback = last.fallback as { message: string; reason: string; code?: string } | undefined;
    const llm = critique.llm as { fallback: boolean; cached?: boolean; placeholders?: unknown[] } | null;
    if (!llm || llm.fallback) {
      fallbacks++;
      // Said at once, not after a hundred more timeouts; a reply it could not read is the model's, not the setup's.
      if (fallback && firstFallback === undefined) {
        firstFallback = fallback.message;
        notice(io, `coach: ${fallback.message}`);
      }
      providerFailuresInARow = fallback?.code !== undefined ? providerFailuresInARow + 1 : 0;
      // Replies replayed from the file say nothing of the provider now: only its own answers show it works.
      if (answered - replayed === 0 && providerFailuresInARow >= GIVE_UP_AFTER) {
        const rest = cases.length - index - 1;
        fallbacks += rest;
        notice(io, `coach: the provider failed on ${GIVE_UP_AFTER} drafts in a row and has answered none (${fallback!.reason.replace(/\.$/, "")}); the other ${rest} are not sent and count as fallbacks. Fix what that names and run again.`);
        break;
      }
    } else {
      answered++;
      providerFailuresInARow = 0;
      if (llm.cached) replayed++;
      const caught = llm.placeholders?.length ?? 0;
      inventionsCaught += caught;
      if (caught > 0) draftsWithInventions++;
    }
    bar.update(index + 1, cases.length);
  }
  bar.finish();
  return { model: chat.id, cases: cases.length, answered, replayed, fallbacks, ...(firstFallback ? { firstFallback } : {}), inventionsCaught, draftsWithInventions };
}

async function writeReports(folder: string, reports: RetrievalDatasetReport[], classifier: Awaited<ReturnType<typeof evaluateQuestionClassifier>>, critiques: Awaited<ReturnType<typeof runCritiqueSuites>>, inference: Awaited<ReturnType<typeof evaluatePrincipleInference>>): Promise<void> {
  await mkdir(folder, { recursive: true });
  const data = { generatedAt: new Date().toISOString(), retrieval: reports, classifier, principleInference: inference, critique: critiques };
  await writeFile(path.join(folder, "report.json"), `${JSON.stringify(data, null, 2)}\n`);
  await writeFile(path.join(folder, "report.html"), renderHtmlReport(data));
  const lines = ["# Eval report", "", "Generated by `coach eval`.", ""];
  for (const report of reports) {
    lines.push(`## Retrieval: ${report.dataset}`, "", "| configuration | hit@1 | hit@3 | hit@5 | MRR | nDCG@5 |", "|---|---:|---:|---:|---:|---:|");
    for (const entry of report.configurations) {
      const m = entry.metrics;
      lines.push(`| ${entry.name} | ${[m.hitAt1, m.hitAt3, m.hitAt5, m.mrr, m.ndcgAt5].map((value) => value.toFixed(3)).join(" | ")} |`);
    }
    if (report.heldOut) {
      lines.push("", "Held out: only its totals are shown, never its questions or misses.", "");
      continue;
    }
    const hybrid = report.configurations.find((entry) => entry.name === "hybrid");
    const misses = hybrid?.cases.filter((item) => item.firstHit === null || item.firstHit > 3) ?? [];
    lines.push("", `Hybrid misses at 3 (${misses.length}):`, "");
    for (const miss of misses) lines.push(`- ${miss.id}: ${miss.question} (wanted ${miss.acceptable.join(", ")}; got ${miss.returned.slice(0, 3).join(", ")})`);
    lines.push("");
  }
  if (classifier.length) lines.push("## Question classifier", "", "| split | questions | competency@1 | competency@3 | principle@1 |", "|---|---:|---:|---:|---:|");
  for (const entry of classifier) lines.push(`| ${entry.split} | ${entry.questions} | ${entry.competencyAt1.toFixed(3)} | ${entry.competencyAt3.toFixed(3)} | ${entry.principleAt1.toFixed(3)} |`);
  if (inference.length) lines.push("", "## Story principles inferred (the bank's own hidden)", "", "| bank | stories | first is the bank's | any is the bank's | inferred per story |", "|---|---:|---:|---:|---:|");
  for (const entry of inference) lines.push(`| ${entry.dataset} | ${entry.stories} | ${entry.firstCorrect.toFixed(3)} | ${entry.anyCorrect.toFixed(3)} | ${entry.shown.toFixed(1)} |`);
  for (const entry of critiques) {
    lines.push("", `## Critique: ${entry.dataset} (${entry.cases} drafts, macro F1 ${entry.macroF1.toFixed(3)}; cue rules alone ${entry.rulesOnlyMacroF1.toFixed(3)})`, "", "| flaw | precision | recall | F1 | kappa | TP | FP | FN | TN |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const metric of entry.metrics) lines.push(`| ${metric.label} | ${metric.precision.toFixed(3)} | ${metric.recall.toFixed(3)} | ${metric.f1.toFixed(3)} | ${metric.kappa.toFixed(2)} | ${metric.truePositive} | ${metric.falsePositive} | ${metric.falseNegative} | ${metric.trueNegative} |`);
  }
  await writeFile(path.join(folder, "report.md"), `${lines.join("\n")}\n`);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function roundAll<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, typeof entry === "number" ? round(entry) : entry])) as T;
}
