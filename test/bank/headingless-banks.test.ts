import { describe, expect, it } from "vitest";
import { parseMarkdownBank } from "../../src/bank/parse-markdown-bank.js";
import { parseText } from "../support/parse-text.js";
import { CI_STORY as CI, GRAD_STORY as GRAD } from "../support/labelled-stories.js";

const parse = (text: string, name = "stories.txt") => parseText(text, name);

function lines(bank: ReturnType<typeof parse>) {
  return bank.stories.map((story) => `${story.source.startLine}-${story.source.endLine}`);
}

function codes(bank: ReturnType<typeof parse>) {
  return bank.warnings.map((warning) => warning.code);
}


describe("banks without markdown headings: one story per title line", () => {
  it("starts a story at each 'Q: ...' line", () => {
    const bank = parse(`Q: Tell me about a time you failed.
Situation: In 2022 I owned the rollout of a new pricing page.
Task: Launch it before the spring campaign.
Action: I skipped the A/B test to hit the date.
Result: Conversion fell 12% in a week; I rolled back.

Q: Tell me about a time you disagreed with your manager.
Situation: My manager wanted to cut QA from the mobile release.
Task: I needed to make the case for keeping it.
Action: I pulled crash data from the last three releases.
Result: We kept QA and shipped with zero P1s.
`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Tell me about a time you failed.", "Tell me about a time you disagreed with your manager."]);
    expect(bank.stories.map((story) => story.question)).toEqual(["Tell me about a time you failed.", "Tell me about a time you disagreed with your manager."]);
    expect(lines(bank)).toEqual(["1-5", "7-11"]);
    expect(bank.stories[0]!.parts.result).toBe("Conversion fell 12% in a week; I rolled back.");
    expect(codes(bank)).toEqual([]);
  });

  it("reads 'Q1: ...' lines under a document title, with 'Same as Q1' entries as pointers", () => {
    const bank = parse(`Amazon LP Stories - Sam Rivera

Q1: Tell me about a time you failed.
Situation – I skipped the A/B test on a new pricing page to hit a date.
Action – I shipped it to 100% of traffic.
Result – Conversion fell 12% in a week.

Q2: Tell me about a time you disagreed with your manager.
Situation – My manager wanted to cut QA from the release.
Action – I pulled crash data from the last three releases.
Result – We kept QA and shipped with zero P1s.

Q3: Describe a time you went above and beyond for a customer.
Same as Q1.
`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Tell me about a time you failed.", "Tell me about a time you disagreed with your manager."]);
    expect(lines(bank)).toEqual(["3-6", "8-11"]);
    expect(bank.stories[0]!.questions).toEqual(["Tell me about a time you failed.", "Describe a time you went above and beyond for a customer."]);
    expect(codes(bank)).toEqual(["SKIPPED_PROSE", "POINTER_RESOLVED"]);
  });

  it("splits 'Question 1 - ...' lines even when the labels below stand on lines of their own", () => {
    const bank = parse(`Question 1 - Tell me about a time you had to deliver under a tight deadline.
SITUATION
Our biggest client moved their launch up by two weeks.
TASK
I had to deliver the integration in 10 days instead of 24.
ACTION
I cut scope to the three endpoints they needed for launch, and paired with QA daily.
RESULT
We shipped in 9 days and the client renewed for $1.2M.

Question 2 - Tell me about a time you simplified a process.
SITUATION
Expense approvals took 11 days and needed 4 signatures.
TASK
Finance asked me to speed it up.
ACTION
I replaced the paper form with a Slack workflow and set auto-approval under $200.
RESULT
Approval time dropped to 1.5 days.
`);
    expect(bank.stories.map((story) => story.title)).toEqual([
      "Tell me about a time you had to deliver under a tight deadline.",
      "Tell me about a time you simplified a process.",
    ]);
    expect(bank.stories.map((story) => story.source.startLine)).toEqual([1, 11]);
  });

  it("reads 'Question 1: Title' lines as titles", () => {
    const bank = parse(`My Interview Stories\n\nQuestion 1: Cutting CI time in half\n${CI}\n\nQuestion 2: Mentoring a new grad\n${GRAD}\n`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Cutting CI time in half", "Mentoring a new grad"]);
    expect(bank.stories.map((story) => story.question)).toEqual([null, null]);
    expect(lines(bank)).toEqual(["3-7", "9-13"]);
  });

  it("takes a numbered title list that starts the file, with '1.' or '1)'", () => {
    for (const marker of [".", ")"]) {
      const bank = parse(`My Interview Stories\n\n1${marker} Cutting CI time in half\n${CI}\n\n2${marker} Mentoring a new grad\n${GRAD}\n`);
      expect(bank.stories.map((story) => story.title)).toEqual(["Cutting CI time in half", "Mentoring a new grad"]);
      expect(lines(bank)).toEqual(["3-7", "9-13"]);
      expect(bank.stories[0]!.parts.result).toBe("CI went from 48 to 19 minutes.");
    }
    const questions = parse(`1. Tell me about a time you cut a build time.\n${CI}\n\n2. Tell me about a time you mentored someone.\n${GRAD}\n`);
    expect(questions.stories.map((story) => story.question)).toEqual(["Tell me about a time you cut a build time.", "Tell me about a time you mentored someone."]);
    // Numbered steps inside a story stay steps.
    const steps = parse(`Situation: CI took 40 minutes.\nAction: What I did:\n\n1. Wrote the script\n2. Ran it\n\nResult: 12 minutes.\n`);
    expect(steps.stories).toHaveLength(1);
    expect(steps.stories[0]!.parts.result).toBe("12 minutes.");
    const oneStep = parse(`Situation: CI took 40 minutes per push.\nAction:\n\n1. Profiled the pipeline and found the slow suite, which I split.\n\nResult: Builds went from 40 to 12 minutes.\n`);
    expect(oneStep.stories).toHaveLength(1);
    expect(oneStep.stories[0]!.parts.action).toBe("Profiled the pipeline and found the slow suite, which I split.");
    expect(oneStep.stories[0]!.parts.result).toBe("Builds went from 40 to 12 minutes.");
  });

  it("takes a short plain line straight above a Situation as the story's title", () => {
    for (const colon of ["", ":"]) {
      const bank = parse(`My Interview Stories\n\nCutting CI time in half${colon}\n${CI}\n\nMentoring a new grad${colon}\n${GRAD}\n`);
      expect(bank.stories.map((story) => story.title)).toEqual(["Cutting CI time in half", "Mentoring a new grad"]);
      expect(lines(bank)).toEqual(["3-7", "9-13"]);
    }
    // Under a story's own heading such a line is part of that story.
    const underHeading = parse(`## Billing migration\n\nOwnership, 2023\n${CI}\n`, "bank.md");
    expect(underHeading.stories.map((story) => story.title)).toEqual(["Billing migration"]);
    expect(lines(underHeading)).toEqual(["1-7"]);
  });

  it("splits numbered 'Q1:' lines under a document title, but keeps a 'Q:' line under a heading as its question and a follow-up Q/A in its story", () => {
    const bank = parse(`# Amazon LP stories\n\nQ1: Tell me about a time you cut a build time.\n${CI}\n\nQ2: Tell me about a time you mentored someone.\n${GRAD}\n`, "bank.md");
    expect(bank.stories.map((story) => story.title)).toEqual(["Tell me about a time you cut a build time.", "Tell me about a time you mentored someone."]);
    const underTitle = parse(`# Billing migration\nQ: Tell me about a time you took ownership.\n${CI}\n`, "bank.md");
    expect(underTitle.stories.map((story) => [story.title, story.question])).toEqual([["Billing migration", "Tell me about a time you took ownership."]]);
    const underPrinciple = parse(`## Customer Obsession\nQ: Tell me about a time you put the customer first.\n${CI}\n\n## Frugality\nQ: Tell me about a time you did more with less.\n${GRAD}\n`, "bank.md");
    expect(underPrinciple.stories.map((story) => story.title)).toEqual(["Customer Obsession", "Frugality"]);
    const followUp = parse(`## Billing migration\n${CI}\n\nQ: How did you measure it?\nA: Dashboards.\n`, "bank.md");
    expect(followUp.stories.map((story) => story.title)).toEqual(["Billing migration"]);
    expect(lines(followUp)).toEqual(["1-8"]);
  });

  it("reads labelled stories divided only by '---' or '=====' lines one by one", () => {
    for (const divider of ["---", "=========================="]) {
      const bank = parse(`${CI}\n\n${divider}\n\n${GRAD}\n`);
      expect(lines(bank)).toEqual(["1-4", "8-11"]);
      // Titled by the file's name, not their text, so editing a story keeps its id (the second gets "-2").
      expect(bank.stories.map((story) => story.title)).toEqual(["stories", "stories"]);
      expect(bank.stories.map((story) => story.id)).toEqual(["stories-stories", "stories-stories-2"]);
      expect(bank.stories[1]!.parts.situation).toBe("A new grad on my team had 40+ review comments per PR.");
    }
    // A rule inside one story, or under an intro, leaves it whole.
    const oneStory = parse(`These are my stories.\n\n---\n\nSituation: Billing failed on 3% of renewals.\nAction: I migrated in cohorts of 500.\n\n---\n\nResult: Failures fell to 0.2%.\n`);
    expect(lines(oneStory)).toEqual(["1-10"]);
    const sceneThenTask = parse(`Situation: Billing failed on 3% of renewals.\n\n---\n\nTask: I owned the migration.\nAction: I migrated in cohorts of 500.\nResult: Failures fell to 0.2%.\n`);
    expect(lines(sceneThenTask)).toEqual(["1-7"]);
  });

  it("warns when text before any heading holds several Situations and Results", () => {
    const bank = parse(`${CI}\n\n\n${GRAD}\n`);
    expect(bank.stories).toHaveLength(1);
    const warning = bank.warnings.find((each) => each.code === "SEVERAL_STORIES");
    expect(warning).toMatchObject({ line: 1 });
    expect(warning!.message).toMatch(/2 Situations and 2 Results/);
  });

  it("reads HTML <h2> and <h3> lines as headings", () => {
    const bank = parse(`<h1>Story Bank</h1>

<h2>Cut CI time in half</h2>
<p><b>Situation:</b> Our CI pipeline took 48 minutes.</p>
<p><b>Result:</b> CI went from 48 to 19 minutes.</p>

<h3 id="grad">Mentored a new grad</h3>
<p><strong>Situation:</strong> A new grad was struggling with code reviews.<br>
<strong>Result:</strong> Her PRs averaged 5 comments by the end of the quarter.</p>
`, "bank.md");
    expect(bank.stories.map((story) => story.title)).toEqual(["Cut CI time in half", "Mentored a new grad"]);
    expect(lines(bank)).toEqual(["3-5", "7-9"]);
    expect(bank.stories[1]!.parts.result).toBe("Her PRs averaged 5 comments by the end of the quarter.");
  });

  it("reads two or more short titles over first-person prose, in a file with no headings, as stories", () => {
    const ci = "At Acme our CI pipeline took 48 minutes, and engineers had started merging without waiting for it. I decided to fix it myself. I profiled every job, split the integration suite across 8 runners and cached the Docker layers. CI went from 48 to 19 minutes.";
    const grad = "When Priya joined my team she was getting 40 comments on every pull request. My lead asked me to help her ramp up. I paired with her twice a week and wrote a review checklist with her. By the end of the quarter her PRs averaged 5 comments.";
    const bank = parse(`Cutting CI time in half\n\n${ci}\n\nMentoring a new grad\n\n${grad}\n`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Cutting CI time in half", "Mentoring a new grad"]);
    expect(lines(bank)).toEqual(["1-3", "5-7"]);
    // One title over one paragraph could be a document title over an intro: not read as a story.
    expect(parse(`Cutting CI time in half\n\n${ci}\n`).stories).toEqual([]);
  });

  it("starts a story at each 'Story: <title>' or 'Title: <title>' line, over prose or over labels", () => {
    const outage = "Last spring I pushed a config change on a Friday without a second reviewer. It took down login for 40 minutes. I rolled it back, wrote the postmortem and added a rule that config changes need two approvals.";
    const hiring = "In 2021 I ran the hiring loop for our first senior engineer. I rewrote the job description, added a take-home exercise and screened 60 candidates myself. We hired in six weeks, and she now leads the platform team.";
    for (const name of ["stories.txt", "stories.md"]) {
      const bank = parse(`Story: The outage I caused\n\n${outage}\n\nStory: Hiring a senior engineer\n\n${hiring}\n`, name);
      expect(bank.stories.map((story) => story.title)).toEqual(["The outage I caused", "Hiring a senior engineer"]);
      expect(lines(bank)).toEqual(["1-3", "5-7"]);
      expect(codes(bank)).not.toContain("SEVERAL_STORIES");
      // The title line is the story's name, not the start of its text.
      expect(bank.stories[0]!.parts.situation).toMatch(/^Last spring I pushed/);
    }
    // The label says it is a title, so one is enough: "Title: ..." over one paragraph is a story of that name.
    const one = parse(`Title: Hiring a senior engineer\n\n${hiring}\n`);
    expect(one.stories.map((story) => [story.title, story.id])).toEqual([["Hiring a senior engineer", "stories-hiring-a-senior-engineer"]]);
    // Over labelled parts too, "**Title:**" in bold as well.
    const labelled = parse(`Story: Cutting CI time in half\n${CI}\n\n**Title:** Mentoring a new grad\n${GRAD}\n`, "bank.md");
    expect(labelled.stories.map((story) => story.title)).toEqual(["Cutting CI time in half", "Mentoring a new grad"]);
    expect(labelled.stories[1]!.parts.situation).toBe("A new grad on my team had 40+ review comments per PR.");
  });

  it("keeps a title line's story when its question, tags or principles come before the parts (review)", () => {
    const bank = parse(
      "Title: Billing migration\nQ: Tell me about a time you took ownership.\nSituation: Our billing ran on a mainframe.\nAction: I split the migration into slices.\nResult: We cut over with zero errors.\n\n" +
        "Title: Flaky tests\nTags: Insist on the Highest Standards\nSituation: Our CI failed one run in five.\nAction: I quarantined the flaky tests.\nResult: Green runs rose to 99%.\n",
      "bank.md",
    );
    expect(bank.stories.map((story) => [story.title, story.principles])).toEqual([
      ["Billing migration", ["Ownership"]],
      ["Flaky tests", ["Insist on the Highest Standards"]],
    ]);
    expect(bank.stories[0]!.question).toBe("Tell me about a time you took ownership.");
    expect(codes(bank)).not.toContain("SEVERAL_STORIES");
    const one = parse("Story: Billing migration\nTags: Ownership\nSituation: Our billing ran on a mainframe.\nAction: I split the migration into slices.\nResult: We cut over with zero errors.\n", "one.md");
    expect(one.stories.map((story) => [story.title, story.principles])).toEqual([["Billing migration", ["Ownership"]]]);
  });
});

describe("headingless title lines stay fast on long runs", () => {
  it("parses 60,000-character lines and files of each new title shape quickly", () => {
    const run = (unit: string) => unit.repeat(Math.ceil(60_000 / unit.length));
    const texts = [
      `Q: ${run("a ")}\nSituation: x`,
      `Question 1${run(" ")}- x\nSituation: x`,
      `1. ${run("word ")}\nSituation: x`,
      `Title ${run("a ")}\nSituation: x`,
      `**Tell me about a time you ${run("you ")}.**\nSituation: x`,
      `<h2 ${run(" ")}x\n<h2>${run("a")}`,
      run("Q: a\n\n"),
      run("1. Title\nSituation: x\n\n2. Title\n\n"),
      // Thousands of stories: the markdown reading alone (grouping thousands of look-alike stories is another matter).
      run("Title here\nSituation: x\n\n"),
      run("Ab cd\n\nThis paragraph is long enough to read as prose that I wrote myself.\n\n"),
      `Story: A${run(" a")}\n\nThis paragraph is long enough to read as prose that I wrote myself.`,
      run("Story: Ab cd\n\nThis paragraph is long enough to read as prose that I wrote myself.\n\n"),
    ];
    for (const text of texts) {
      const started = performance.now();
      parseMarkdownBank(text, "stories.txt");
      expect(performance.now() - started, JSON.stringify(text.slice(0, 30))).toBeLessThan(3_000);
    }
  });
});
