import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateRelevance, readRelevanceCases, type RelevanceCase } from "../../src/evals/relevance-eval.js";

const FAILURE_QUESTION = "Tell me about a time you made a mistake at work.";
const ON = `Last spring I pushed a database migration on a Friday without testing it against a copy of production.
It was my mistake: the migration locked the orders table and checkout failed for forty minutes. I rolled it back, apologised to the support team,
and wrote a checklist for migrations. We have not had a locked table since, and I learned never to ship schema changes before a weekend.`;
// A story about another theme entirely: mentoring, not a mistake.
const OFF = `Last year a new graduate joined my team and was struggling with code reviews. I set up weekly pairing sessions with her,
walked her through how I read a pull request, and gave her the on-call runbook to own. Within three months she was reviewing
as many pull requests as anyone on the team, and she was promoted the following year.`;

const entry = (id: string, answer: string, onTopic: boolean): RelevanceCase => ({ id, question: FAILURE_QUESTION, answer, onTopic, kind: onTopic ? "direct" : "different-topic" });

describe("the relevance eval", () => {
  it("scores separation 1 when every on-topic answer outranks every off-topic one, and 0 when the labels are swapped", () => {
    const right = evaluateRelevance("t", [entry("a", ON, true), entry("b", OFF, false)]);
    expect(right).toMatchObject({ cases: 2, onTopic: 1, offTopic: 1, separation: 1 });
    const swapped = evaluateRelevance("t", [entry("a", ON, false), entry("b", OFF, true)]);
    expect(swapped.separation).toBe(0);
    // A flag on the off-topic answer is a catch; none on the on-topic answer is a spare.
    expect(right.spared).toBe(1);
    expect(swapped.caught).toBe(0);
  });

  it("counts a tie as half", () => {
    expect(evaluateRelevance("t", [entry("a", ON, true), entry("b", ON, false)]).separation).toBe(0.5);
  });

  it("reads the labelled set: 160 answers, half on their question, unique ids", async () => {
    const cases = await readRelevanceCases(path.join(import.meta.dirname, "..", "..", "evals", "critique", "off-topic.jsonl"));
    expect(cases).toHaveLength(160);
    expect(cases.filter((item) => item.onTopic)).toHaveLength(80);
    expect(new Set(cases.map((item) => item.id)).size).toBe(160);
  });
});
