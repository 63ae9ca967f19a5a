import { describe, expect, it } from "vitest";
import { readBlockTitle } from "../../src/bank/block-title.js";
import { parseText } from "../support/parse-text.js";
import { CI_STORY as CI, GRAD_STORY as GRAD } from "../support/labelled-stories.js";

const parse = (text: string, name = "stories.md") => parseText(text, name);

function lines(bank: ReturnType<typeof parse>) {
  return bank.stories.map((story) => `${story.source.startLine}-${story.source.endLine}`);
}

function codes(bank: ReturnType<typeof parse>) {
  return bank.warnings.map((warning) => [warning.code, warning.line]);
}

const EXPENSES = `Situation: Expense approvals took 11 days and needed 4 signatures.
Task: Finance asked me to speed it up.
Action: I replaced the paper form with a Slack workflow.
Result: Approval time dropped to 1.5 days.`;

describe("a heading over stories divided by '---' lines", () => {
  it("reads each labelled block under '# Story bank' as a story of its own, titled by the heading", () => {
    const bank = parse(`# Story bank\n\n${CI}\n\n---\n\n${GRAD}\n\n---\n\n${EXPENSES}\n`);
    expect(bank.stories.map((story) => story.id)).toEqual(["stories-story-bank", "stories-story-bank-2", "stories-story-bank-3"]);
    expect(lines(bank)).toEqual(["1-6", "10-13", "17-20"]);
    expect(bank.stories[1]!.parts.situation).toBe("A new grad on my team had 40+ review comments per PR.");
    expect(bank.stories[1]!.parts.result).toBe("By the end of the quarter her PRs averaged 5 comments.");
    expect(bank.stories[0]!.parts.result).toBe("CI went from 48 to 19 minutes.");
    // Each block holds one story now: no SEVERAL_STORIES.
    expect(codes(bank)).toEqual([]);
  });

  it("keeps the principle of a '## Ownership' section for every block", () => {
    const bank = parse(`## Ownership\n\n${CI}\n\n=====\n\n${GRAD}\n`);
    expect(bank.stories.map((story) => [story.title, story.principles])).toEqual([
      ["Ownership", ["Ownership"]],
      ["Ownership", ["Ownership"]],
    ]);
    expect(lines(bank)).toEqual(["1-6", "10-13"]);
  });

  it("titles blocks by their own title line ('Mentoring a new grad.'), the heading above then being a section", () => {
    const bank = parse(`# Story bank\n\nCutting CI time in half.\n${CI}\n\n---\n\nMentoring a new grad.\n${GRAD}\n`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Cutting CI time in half", "Mentoring a new grad"]);
    expect(lines(bank)).toEqual(["3-7", "11-15"]);
    expect(bank.stories[0]!.body).not.toContain("Cutting CI time in half");
    expect(bank.headings.find((heading) => heading.line === 1)?.kind).toBe("section");
    expect(codes(bank)).toEqual([]);
  });

  it("leaves a rule inside one story alone (Situation and Action above it, Result below)", () => {
    const bank = parse(`## Cut CI time in half\nSituation: Our CI pipeline took 48 minutes.\nAction: I split the suite across 8 runners.\n\n---\n\nResult: CI went from 48 to 19 minutes.\n`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Cut CI time in half"]);
    expect(lines(bank)).toEqual(["1-7"]);
    expect(bank.stories[0]!.parts.result).toBe("CI went from 48 to 19 minutes.");
  });
});

describe("stories separated by blank lines, each opening with a short title line", () => {
  const titled = `Cutting CI time in half\n${CI}\n\nMentoring a new grad\n${GRAD}\n\nFaster expense approvals\n${EXPENSES}\n`;

  it("under '# Story bank' the first title is a story too, not the file title's", () => {
    const bank = parse(`# Story bank\n\n${titled}`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Cutting CI time in half", "Mentoring a new grad", "Faster expense approvals"]);
    expect(lines(bank)).toEqual(["3-7", "9-13", "15-19"]);
    expect(codes(bank)).toEqual([]);
  });

  it("under '## My stories' each titled block is a story (was one story with SEVERAL_STORIES)", () => {
    const bank = parse(`## My stories\n\n${titled}`);
    expect(bank.stories.map((story) => story.id)).toEqual(["stories-cutting-ci-time-in-half", "stories-mentoring-a-new-grad", "stories-faster-expense-approvals"]);
    expect(lines(bank)).toEqual(["3-7", "9-13", "15-19"]);
    expect(bank.stories[2]!.parts.task).toBe("Finance asked me to speed it up.");
    expect(codes(bank)).toEqual([]);
  });

  it("with a blank line between a title and its Situation, in a file with no headings", () => {
    const bank = parse(`Cutting CI time in half\n\n${CI}\n\nMentoring a new grad\n\n${GRAD}\n`, "stories.txt");
    expect(bank.stories.map((story) => story.title)).toEqual(["Cutting CI time in half", "Mentoring a new grad"]);
    expect(lines(bank)).toEqual(["1-6", "8-13"]);
    expect(codes(bank)).toEqual([]);
  });

  it("keeps SEVERAL_STORIES for blocks with no title lines, with or without a heading", () => {
    const blocks = `${CI}\n\n\n${GRAD}\n\n\n${EXPENSES}\n`;
    const headed = parse(`# Story bank\n\n${blocks}`);
    expect(headed.stories.map((story) => story.title)).toEqual(["Story bank"]);
    expect(lines(headed)).toEqual(["1-18"]);
    expect(codes(headed)).toEqual([["SEVERAL_STORIES", 1]]);
    const headingless = parse(blocks);
    expect(lines(headingless)).toEqual(["1-16"]);
    expect(codes(headingless)).toEqual([["SEVERAL_STORIES", 1]]);
  });

  it("leaves one plain line under a story's own heading to that story, and 'Short version' / 'Long version' to the story they tell", () => {
    const single = parse(`# Billing migration\n\nStripe cutover\n${CI}\n`);
    expect(single.stories.map((story) => [story.title, `${story.source.startLine}-${story.source.endLine}`])).toEqual([["Billing migration", "1-7"]]);
    const versions = parse(`## Billing migration\n\nShort version\n${CI}\n\nLong version\n${GRAD}\n`);
    expect(versions.stories.map((story) => [story.title, `${story.source.startLine}-${story.source.endLine}`])).toEqual([["Billing migration", "1-13"]]);
  });
});

describe("stories divided by rules in a file with no headings", () => {
  it("are titled by a title line of their own ('Cutting CI time in half.' above the labels)", () => {
    const bank = parse(`Cutting CI time in half.\n${CI}\n\n---\n\nMentoring a new grad.\n${GRAD}\n\n---\n\nFaster expense approvals.\n${EXPENSES}\n`);
    expect(bank.stories.map((story) => story.id)).toEqual(["stories-cutting-ci-time-in-half", "stories-mentoring-a-new-grad", "stories-faster-expense-approvals"]);
    expect(lines(bank)).toEqual(["1-5", "9-13", "17-21"]);
    expect(bank.stories[1]!.body).not.toContain("Mentoring");
    expect(bank.stories[1]!.partsInferred).toBe(false);
  });

  it("are titled by a short lead-in before the first label on the line ('Mentoring a new grad. Situation: ...')", () => {
    const bank = parse(`Cutting CI time in half. ${CI}\n\n---\n\nMentoring a new grad. ${GRAD}\n`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Cutting CI time in half", "Mentoring a new grad"]);
    expect(lines(bank)).toEqual(["1-4", "8-11"]);
    expect(bank.stories[1]!.parts.situation).toBe("A new grad on my team had 40+ review comments per PR.");
    expect(bank.stories[1]!.partsInferred).toBe(false);
  });

  it("keep the file's name when they open with their Situation: its first sentence is story text, and ids survive edits to it", () => {
    const text = `${CI}\n\n---\n\n${GRAD}\n`;
    const bank = parse(text);
    expect(bank.stories.map((story) => story.id)).toEqual(["stories-stories", "stories-stories-2"]);
    const edited = parse(text.replace("A new grad on my team", "A junior engineer on my team"));
    expect(edited.stories.map((story) => story.id)).toEqual(["stories-stories", "stories-stories-2"]);
  });

  it("stay fast on 60,000-character first lines", () => {
    for (const run of [" ", "a ", ". ", "a. ", " - ", "-", ":", "Situation: ", "Mentoring a new grad - ", "**"]) {
      const long = run.repeat(Math.ceil(60_000 / run.length));
      const started = performance.now();
      for (const first of [long, `${long}Situation: x`, `Title. ${long}`, `${long}\nSituation: x`]) {
        readBlockTitle(first.split("\n").map((raw, index) => ({ number: index + 1, raw, isCode: false })));
      }
      expect(performance.now() - started, JSON.stringify(run)).toBeLessThan(3_000);
    }
    // Whole banks, with runs that do not make a paragraph of thousands of sentences (slow to split into parts as before).
    for (const run of ["a ", " - ", "-", "Situation: "]) {
      const long = run.repeat(Math.ceil(60_000 / run.length));
      const started = performance.now();
      parse(`${long}\n${CI}\n\n---\n\n${long}${GRAD}\n`);
      parse(`# Story bank\n\n${CI}\n\n---\n\n${long}\n${GRAD}\n`);
      expect(performance.now() - started, JSON.stringify(run)).toBeLessThan(3_000);
    }
  });
});
