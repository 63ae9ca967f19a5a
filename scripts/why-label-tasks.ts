/**
 * Writes labelling tasks for the why eval: for each question of a retrieval
 * set, its first acceptable story, with the story's heading lines and
 * sentences numbered as the quote picker splits them. A labeller marks which
 * sentences show the story fits the question (evals/README.md, "Why quotes").
 *
 * Usage: tsx scripts/why-label-tasks.ts QUESTIONS.jsonl BANK... > tasks.md
 *   --limit N     only the first N questions
 *   --negative    instead, the best-ranked story NOT acceptable for the
 *                 question (what a match shows second or third), case ids
 *                 ending "-n": where "no line shows it" is often right
 */
import { loadBank } from "../src/bank/index.js";
import { readRetrievalCases } from "../src/evals/retrieval-dataset.js";
import { InterviewEmbedder } from "../src/providers/local/interview-embedder.js";
import { createInMemoryMatcher } from "../src/retrieval/index.js";
import { storySentences } from "../src/retrieval/quote-evidence.js";
import { withInferredPrinciples } from "../src/understanding/index.js";

const args = process.argv.slice(2);
const limitAt = args.indexOf("--limit");
const limit = limitAt >= 0 ? Number(args.splice(limitAt, 2)[1]) : Infinity;
const negative = args.includes("--negative");
if (negative) args.splice(args.indexOf("--negative"), 1);
const [questionsFile, ...banks] = args;
if (!questionsFile || banks.length === 0) {
  console.error("usage: tsx scripts/why-label-tasks.ts QUESTIONS.jsonl BANK... [--limit N] [--negative]");
  process.exit(2);
}
const cases = (await readRetrievalCases(questionsFile)).slice(0, limit);
const bank = withInferredPrinciples((await loadBank(banks)).stories);
const stories = new Map(bank.map((story) => [story.id, story]));
const matcher = negative ? await createInMemoryMatcher(bank, new InterviewEmbedder()) : undefined;
for (const entry of cases) {
  let story = entry.acceptable.map((id) => stories.get(id)).find((found) => found !== undefined);
  if (matcher) {
    const acceptable = new Set(entry.acceptable.map((id) => stories.get(id)?.experience));
    const ranked = await matcher.match(entry.question, { k: 5 });
    story = stories.get(ranked.matches.find((match) => !acceptable.has(match.experience))?.id ?? "");
  }
  if (!story) continue;
  const lines = [`## ${entry.id}${negative ? "-n" : ""}`, `QUESTION: ${entry.question}`, `STORY: ${story.id}`, `H1 (title): ${story.title}`];
  story.questions.forEach((question, index) => lines.push(`H${index + 2} (question it answers): ${question}`));
  if (story.tags.length > 0) lines.push(`H${story.questions.length + 2} (tags): ${story.tags.join(", ")}`);
  storySentences(story).forEach((sentence, index) => lines.push(`${index + 1} [${sentence.part ?? "body"}] ${sentence.text}`));
  console.log(`${lines.join("\n")}\n`);
}
