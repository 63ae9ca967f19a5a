/**
 * Turns a reader's why labels (sentence numbers, as `why-label-tasks.ts`
 * numbered them) into the stored form (sentences as text, with the question
 * and bank), so a change of sentence splitter does not move them.
 *
 * Usage: tsx scripts/why-labels-to-text.ts TASKS.md LABELS.jsonl BANK > out.jsonl
 *   BANK is relative to the package root; "DIR/*" takes each case's bank from
 *   its prefix ("bank-a:ta003" is DIR/bank-a).
 */
import { readFileSync } from "node:fs";

const [tasksFile, labelsFile, bank] = process.argv.slice(2);
if (!tasksFile || !labelsFile || !bank) {
  console.error("usage: tsx scripts/why-labels-to-text.ts TASKS.md LABELS.jsonl BANK");
  process.exit(2);
}

interface Task {
  question: string;
  story: string;
  sentences: Map<number, string>;
}
const tasks = new Map<string, Task>();
let current: Task | undefined;
for (const line of readFileSync(tasksFile, "utf8").split("\n")) {
  const heading = /^## (.+)$/.exec(line);
  if (heading) tasks.set(heading[1]!, (current = { question: "", story: "", sentences: new Map() }));
  else if (current && line.startsWith("QUESTION: ")) current.question = line.slice("QUESTION: ".length);
  else if (current && line.startsWith("STORY: ")) current.story = line.slice("STORY: ".length);
  else if (current) {
    const sentence = /^(\d+) \[[a-z]+\] (.*)$/.exec(line);
    if (sentence) current.sentences.set(Number(sentence[1]), sentence[2]!);
  }
}

for (const line of readFileSync(labelsFile, "utf8").split("\n").filter((text) => text.trim() !== "")) {
  const label = JSON.parse(line) as { case: string; story: string; heading: boolean; shows: number[]; best: number | null; misleading: number[] };
  const task = tasks.get(label.case);
  if (!task || task.story !== label.story) throw new Error(`${label.case}: no such task, or another story`);
  const text = (number: number) => {
    const found = task.sentences.get(number);
    if (found === undefined) throw new Error(`${label.case}: no sentence ${number}`);
    return found;
  };
  const bankPath = bank.endsWith("/*") ? `${bank.slice(0, -1)}${label.case.split(":")[0]}` : bank;
  console.log(
    JSON.stringify({
      case: label.case,
      bank: bankPath,
      question: task.question,
      story: label.story,
      heading: label.heading,
      shows: label.shows.map(text),
      best: label.best === null ? null : text(label.best),
      misleading: label.misleading.map(text),
    }),
  );
}
