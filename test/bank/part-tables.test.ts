import { describe, expect, it } from "vitest";
import { parseText } from "../support/parse-text.js";

const parse = parseText;

// A story per heading, its parts as the rows of a two-column table: a "| Part | Notes |" header, or none (the
// first row already a part, in bold), "<br>" inside a cell.
const BANK = `# Stories

## Moved billing to the new ledger

| Part | Notes |
|---|---|
| Situation | The old ledger dropped 1 in 5,000 invoices. |
| **Task** | I owned the migration. |
| Action | I ran both ledgers side by side for a month<br>and compared every invoice. |
| Result | Zero dropped invoices since March. |
| Lesson | Run the old and new side by side before switching. |

## Funded the load tests

| **Situation** | Leadership saw load testing as a cost. |
|---|---|
| **Action** | I wrote a one-page memo from our last 3 outages. |
| **Result** | We got a pilot; it found 2 critical bugs. |
`;

describe("a two-column table of a story's parts", () => {
  it("reads each row as a labelled part, without the pipes (a table that names no parts stays text)", () => {
    const bank = parse(BANK);
    expect(bank.stories.map((story) => [story.id, story.partsInferred])).toEqual([
      ["bank-moved-billing-to-the-new-ledger", false],
      ["bank-funded-the-load-tests", false],
    ]);
    expect(bank.stories[0]!.parts).toEqual({
      situation: "The old ledger dropped 1 in 5,000 invoices.",
      task: "I owned the migration.",
      action: "I ran both ledgers side by side for a month and compared every invoice.",
      result: "Zero dropped invoices since March.",
      lesson: "Run the old and new side by side before switching.",
    });
    expect(bank.stories[1]!.parts).toEqual({
      situation: "Leadership saw load testing as a cost.",
      action: "I wrote a one-page memo from our last 3 outages.",
      result: "We got a pilot; it found 2 critical bugs.",
    });
    expect(bank.stories[1]!.body).toBe("Leadership saw load testing as a cost. I wrote a one-page memo from our last 3 outages. We got a pilot; it found 2 critical bugs.");
    expect(bank.warnings).toEqual([]);
    const withMetrics = parse(`## Sped up search
Situation: Search took 2 seconds at p95.
Action: I added an index on the tenant column.
Result: p95 fell to 180 ms.

| Metric | Value |
|---|---|
| Latency | 180 ms |
`);
    expect(withMetrics.stories[0]!.parts.result).toBe("p95 fell to 180 ms. Metric | Value. ---|---. Latency | 180 ms.");
  });

  it("keeps the story's text as written, table and all", () => {
    const story = parse(BANK).stories[1]!;
    expect(story.text.split("\n")[2]).toBe("| **Situation** | Leadership saw load testing as a cost. |");
    expect([story.source.startLine, story.source.endLine]).toEqual([13, 18]);
  });
});
