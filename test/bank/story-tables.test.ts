import { describe, expect, it } from "vitest";
import { parseText } from "../support/parse-text.js";

const parse = (text: string, name = "table.md") => parseText(text, name);

function lines(bank: ReturnType<typeof parse>) {
  return bank.stories.map((story) => `${story.source.startLine}-${story.source.endLine}`);
}

describe("a markdown table with one story per row", () => {
  it("reads each row as a story with its parts, its title from the Story column and its principle from the Principle column", () => {
    const bank = parse(`# Story bank

| Story | Principle | Situation | Task | Action | Result |
|---|---|---|---|---|---|
| Billing migration | Ownership | Billing failed on 3% of renewals. | Lead the migration to Stripe. | I mapped 14 flows and migrated in cohorts of 500. | Failures fell from 3% to 0.2%. |
| Black Friday outage | Bias for Action | Checkout timed out for 30% of shoppers. | Restore checkout fast. | I rolled back the deploy and shed load. | Recovered in 18 minutes. |
| Mentoring Priya | Hire and Develop the Best | A new grad struggled with reviews. | Ramp her up in a quarter. | I paired with her twice a week. | Her PRs averaged 5 comments. |
`);
    expect(bank.stories.map((story) => story.id)).toEqual(["table-billing-migration", "table-black-friday-outage", "table-mentoring-priya"]);
    expect(bank.stories.map((story) => story.title)).toEqual(["Billing migration", "Black Friday outage", "Mentoring Priya"]);
    expect(lines(bank)).toEqual(["5-5", "6-6", "7-7"]);
    expect(bank.stories.map((story) => story.principles)).toEqual([["Ownership"], ["Bias for Action"], ["Hire and Develop the Best"]]);
    expect(bank.stories[0]!.principleSource).toBe("tags");
    expect(bank.stories[0]!.parts).toEqual({
      situation: "Billing failed on 3% of renewals.",
      task: "Lead the migration to Stripe.",
      action: "I mapped 14 flows and migrated in cohorts of 500.",
      result: "Failures fell from 3% to 0.2%.",
    });
    expect(bank.stories[0]!.partsInferred).toBe(false);
    expect(bank.stories[1]!.text).toBe("| Black Friday outage | Bias for Action | Checkout timed out for 30% of shoppers. | Restore checkout fast. | I rolled back the deploy and shed load. | Recovered in 18 minutes. |");
    // The file title over the table is a section, not a story holding the whole table.
    expect(bank.headings.find((heading) => heading.line === 1)?.kind).toBe("section");
    expect(bank.warnings).toEqual([]);
  });

  it("takes headers in any case and order, a Question column, a Learned column, missing columns, '<br>' and escaped pipes", () => {
    const bank = parse(`## Ownership

| result | Action | Question | situation | Learned |
|:--|:--|:--|:--|:--|
| Failures fell from 3% to 0.2%. | I mapped 14 flows<br>and migrated in cohorts of 500. | Tell me about a time you took ownership. | Billing failed on 3% of renewals \\| every month. | Migrate in cohorts. |
| Recovered in 18 minutes. | I rolled back the deploy.<br>I shed load. | Tell me about a time you acted fast. | Checkout timed out for 30% of shoppers. | |
`);
    expect(bank.stories.map((story) => [story.title, story.question])).toEqual([
      ["Tell me about a time you took ownership.", "Tell me about a time you took ownership."],
      ["Tell me about a time you acted fast.", "Tell me about a time you acted fast."],
    ]);
    expect(lines(bank)).toEqual(["5-5", "6-6"]);
    expect(bank.stories[0]!.parts).toEqual({
      situation: "Billing failed on 3% of renewals | every month.",
      action: "I mapped 14 flows and migrated in cohorts of 500.",
      result: "Failures fell from 3% to 0.2%.",
      lesson: "Migrate in cohorts.",
    });
    expect(bank.stories[1]!.parts.action).toBe("I rolled back the deploy. I shed load.");
    expect(bank.stories[1]!.parts.lesson).toBeUndefined();
    // No Principle column: the section the table sits in names it.
    expect(bank.stories.map((story) => [story.principles, story.principleSource])).toEqual([
      [["Ownership"], "headings"],
      [["Ownership"], "headings"],
    ]);
  });

  it("numbers rows by a '#' column, so 'See story 2' finds its row; a table with no title column takes the heading's title", () => {
    const bank = parse(`# Story bank

| # | Situation | Action | Result |
|---|---|---|---|
| 1 | CI took 48 minutes. | I split the suite. | CI took 19 minutes. |
| 2 | A new grad struggled. | I paired with her. | She led a feature. |

## Tell me about a time you developed someone.
See story 2
`);
    expect(bank.stories.map((story) => [story.id, story.title])).toEqual([
      ["table-story-bank", "Story bank"],
      ["table-story-bank-2", "Story bank"],
    ]);
    expect(bank.stories[1]!.questions).toEqual(["Tell me about a time you developed someone."]);
    expect(bank.warnings.map((warning) => [warning.code, warning.line])).toEqual([["POINTER_RESOLVED", 8]]);
  });

  it("reads 'S | T | A | R' headers and a 'Title / Question' column; a row's heading above becomes a section", () => {
    const bank = parse(`## Billing migration

| Title / Question | S | T | A | R |
|---|---|---|---|---|
| **Tell me about a time you owned a migration?** | Billing failed on 3% of renewals. | Lead the migration. | I migrated in cohorts. | Failures fell to 0.2%. |
`);
    expect(bank.stories.map((story) => [story.id, story.title, story.question, `${story.source.startLine}-${story.source.endLine}`])).toEqual([
      ["table-tell-me-about-a-time-you-owned-a-migration", "Tell me about a time you owned a migration?", "Tell me about a time you owned a migration?", "5-5"],
    ]);
    expect(Object.keys(bank.stories[0]!.parts)).toEqual(["situation", "task", "action", "result"]);
    expect(bank.headings.find((heading) => heading.line === 1)?.kind).toBe("section");
  });

  it("reads principles broken over lines in an 'LP' cell as one list", () => {
    const bank = parse(`| Story | LP | Situation | Action | Result |
|---|---|---|---|---|
| Billing migration | Ownership<br>Dive Deep | Billing failed. | I migrated it. | Failures fell. |
`);
    expect(bank.stories.map((story) => [story.title, story.principles, story.principleSource, story.partsInferred])).toEqual([["Billing migration", ["Ownership", "Dive Deep"], "tags", false]]);
    expect(bank.stories[0]!.parts).toEqual({ situation: "Billing failed.", action: "I migrated it.", result: "Failures fell." });
  });

  it("leaves a table that is not a story table as text of the story it sits in", () => {
    const bank = parse(`## Cut CI time in half
Situation: Our CI pipeline took 48 minutes.
Action: I split the suite across 8 runners.
Result: CI went from 48 to 19 minutes.

| Metric | Before | Result |
|---|---|---|
| CI minutes | 48 | 19 |
`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Cut CI time in half"]);
    expect(lines(bank)).toEqual(["1-8"]);
    expect(bank.stories[0]!.parts.situation).toBe("Our CI pipeline took 48 minutes.");
    expect(bank.stories[0]!.text).toContain("| CI minutes | 48 | 19 |");
  });

  it("stays fast on a table with 60,000-character cells", () => {
    const long = "a|b\\|<br>".repeat(7_000);
    const started = performance.now();
    const bank = parse(`| Story | Situation | Action | Result |\n|---|---|---|---|\n| ${long} | ${long} | I fixed it. | It worked. |\n`);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(bank.stories).toHaveLength(1);
  });
});
