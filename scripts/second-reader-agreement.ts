/**
 * How a second, independent reader's answers compare with a retrieval eval
 * set's labels: the second reader's top 3 scored like the matcher (hit@1,
 * hit@3, MRR by experience) and the overlap of the two acceptable lists.
 * What it shows: how far a reader who understands the stories gets, and how
 * consistent the labels are. Run: npm run -s agreement
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadBank } from "../src/bank/index.js";

const ROOT = path.join(import.meta.dirname, "..");
const SETS = [
  { name: "sample bank", labels: "evals/retrieval/sample-bank.jsonl", reader: "evals/retrieval/second-reader/sample-bank.jsonl", banks: ["corpus/sample-bank"] },
  { name: "seed banks, fresh", labels: "evals/retrieval/seed-banks-fresh.jsonl", reader: "evals/retrieval/second-reader/seed-banks-fresh.jsonl", banks: ["../shared/seeds"] },
  { name: "seed banks, fresh 2", labels: "evals/retrieval/seed-banks-fresh-2.jsonl", reader: "evals/retrieval/second-reader/seed-banks-fresh-2.jsonl", banks: ["../shared/seeds"] },
  { name: "seed banks, fresh 3 (held out)", labels: "evals/retrieval/seed-banks-fresh-3.jsonl", reader: "evals/retrieval/second-reader/seed-banks-fresh-3.jsonl", banks: ["../shared/seeds"] },
];

interface Labelled {
  id: string;
  acceptable: string[];
}
interface ReaderAnswer {
  id: string;
  top3: string[];
  acceptable: string[];
}

const readLines = <T>(file: string): T[] =>
  readFileSync(path.join(ROOT, file), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);

for (const set of SETS) {
  const { stories } = await loadBank(set.banks.map((bank) => path.join(ROOT, bank)));
  const experienceOf = new Map(stories.map((story) => [story.id, story.experience]));
  const experience = (id: string): string => {
    const found = experienceOf.get(id);
    if (found === undefined) throw new Error(`${set.reader}: ${id} is not a story of ${set.banks.join(", ")}`);
    return found;
  };
  const labels = new Map(readLines<Labelled>(set.labels).map((entry) => [entry.id, new Set(entry.acceptable.map(experience))]));
  const answers = readLines<ReaderAnswer>(set.reader);
  let hit1 = 0;
  let hit3 = 0;
  let reciprocal = 0;
  let labelled = 0;
  let labelledFound = 0;
  let chosen = 0;
  let chosenLabelled = 0;
  for (const answer of answers) {
    const wanted = labels.get(answer.id);
    if (!wanted) throw new Error(`${set.reader}: ${answer.id} is not in ${set.labels}`);
    const first = answer.top3.findIndex((id) => wanted.has(experience(id)));
    if (first === 0) hit1++;
    if (first >= 0) hit3++;
    if (first >= 0) reciprocal += 1 / (first + 1);
    const accepted = new Set(answer.acceptable.map(experience));
    labelled += wanted.size;
    for (const id of wanted) if (accepted.has(id)) labelledFound++;
    chosen += accepted.size;
    for (const id of accepted) if (wanted.has(id)) chosenLabelled++;
  }
  const n = answers.length;
  const ratio = (count: number, of: number) => (count / of).toFixed(3);
  console.log(
    `${set.name}: ${n} of ${labels.size} questions; second reader's top 3 against the labels: hit@1 ${ratio(hit1, n)}, hit@3 ${ratio(hit3, n)}, MRR ${ratio(reciprocal, n)}; ` +
      `labelled stories the reader also accepts ${ratio(labelledFound, labelled)}, stories the reader accepts that are labelled ${ratio(chosenLabelled, chosen)}`,
  );
}
