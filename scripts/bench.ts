/**
 * Speed benchmark (not a test): prints figures for the notes.
 *  1. Whole process: the `coach` command (the bin npm installs, run by name from PATH) answering
 *     `coach match` on the sample bank with a built index, median of 15 runs.
 *  2. In process: StoryMatcher.match on a generated 1,000-story bank, median of 3 x 300 questions after one untimed pass.
 *  3. In process: the offline critique of a 300-word answer, median of 300 runs.
 * Run: npm run bench
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseBankFiles } from "../src/bank/index.js";
import { InterviewEmbedder } from "../src/providers/local/interview-embedder.js";
import { createInMemoryMatcher } from "../src/retrieval/index.js";
import { withInferredPrinciples } from "../src/understanding/index.js";
import { readQuestionBank } from "../src/understanding/question-bank.js";
import { PACKAGE_ROOT } from "../src/package-root.js";
import { critiqueAnswer } from "../src/critique/index.js";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function wholeProcess(): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), "coach-bench-"));
  const bin = path.join(work, "bin");
  execFileSync("mkdir", ["-p", bin]);
  const target = path.join(PACKAGE_ROOT, "dist", "cli", "coach.mjs");
  symlinkSync(target, path.join(bin, "coach"));
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}:${process.env.PATH}`, COACH_HOME: path.join(work, "store") };
  for (const key of Object.keys(env)) if (key.startsWith("OPENAI_") || key === "COACH_PROVIDER") delete env[key];
  spawnSync("coach", ["index", path.join(PACKAGE_ROOT, "corpus", "sample-bank")], { env, cwd: work });
  const times: number[] = [];
  for (let run = 0; run < 15; run++) {
    const started = performance.now();
    const result = spawnSync("coach", ["match", "Tell me about a time you disagreed with your manager", "--json"], { env, cwd: work, encoding: "utf8" });
    times.push(performance.now() - started);
    if (result.status !== 0) throw new Error(result.stderr);
  }
  console.log(`whole process, installed coach match, sample bank (33 stories), built index: median ${(median(times) / 1000).toFixed(3)} s (min ${(Math.min(...times) / 1000).toFixed(3)} s) over ${times.length} runs`);
}

function generatedBank(count: number): string {
  const verbs = ["migrated", "rebuilt", "automated", "debugged", "simplified", "negotiated", "mentored", "cut the cost of", "secured", "scaled"];
  const things = ["the billing service", "our search index", "the mobile checkout", "the data pipeline", "the on-call rotation", "the hiring loop", "the fraud rules", "the reporting cluster", "the onboarding docs", "the release process"];
  const outcomes = ["saved $40k a year", "cut latency by 35%", "halved the on-call pages", "shipped two weeks early", "raised NPS from 31 to 44", "removed 6 hours of manual work a week"];
  const stories: string[] = [];
  for (let index = 0; index < count; index++) {
    const verb = verbs[index % verbs.length]!;
    const thing = things[(index * 7) % things.length]!;
    const outcome = outcomes[(index * 3) % outcomes.length]!;
    stories.push(
      `### ${index + 1}. ${verb[0]!.toUpperCase()}${verb.slice(1)} ${thing} (${index})\n**Situation:** In quarter ${index % 8}, ${thing} was a constant source of complaints from team ${index % 23}.\n**Task:** I owned fixing it before the next planning cycle.\n**Action:** I ${verb} ${thing}, wrote a design doc, and worked with ${index % 5} partner teams to roll it out.\n**Result:** We ${outcome}.\n`,
    );
  }
  return stories.join("\n");
}

async function inProcess(): Promise<void> {
  const bank = parseBankFiles([{ path: "generated.md", bytes: Buffer.from(generatedBank(1000)), sha256: "bench" }]);
  const stories = withInferredPrinciples(bank.stories);
  const embedder = new InterviewEmbedder();
  const matcher = await createInMemoryMatcher(stories, embedder);
  const questions = readQuestionBank().slice(0, 300).map((question) => question.question);
  // One untimed pass lets the JIT settle, as it has in a server or chat session that answers many questions.
  for (const question of questions) await matcher.match(question);
  const times: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    for (const question of questions) {
      const started = performance.now();
      await matcher.match(question);
      times.push(performance.now() - started);
    }
  }
  console.log(`in process, StoryMatcher.match, generated bank of ${stories.length} stories: median ${median(times).toFixed(2)} ms, p95 ${[...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)]!.toFixed(2)} ms over ${times.length} questions`);
}

function critiqueSpeed(): void {
  const sentence = "When our nightly billing export kept failing, I traced it to a schema change upstream, rewrote the parser and added a contract test, which cut failures from 12 a month to zero. ";
  const answer = sentence.repeat(12).split(/\s+/).slice(0, 300).join(" ");
  for (let run = 0; run < 50; run++) critiqueAnswer("Tell me about a time you fixed something that kept breaking.", answer);
  const times: number[] = [];
  for (let run = 0; run < 300; run++) {
    const started = performance.now();
    critiqueAnswer("Tell me about a time you fixed something that kept breaking.", answer);
    times.push(performance.now() - started);
  }
  console.log(`in process, offline critique of a 300-word answer: median ${median(times).toFixed(2)} ms over ${times.length} runs`);
}

await wholeProcess();
await inProcess();
critiqueSpeed();
