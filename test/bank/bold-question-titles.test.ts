import { describe, expect, it } from "vitest";
import { parseText } from "../support/parse-text.js";

const parse = parseText;

const STORY = (result: string) => `Situation: Deploys failed one time in five and the owner had left.
Action: I added retries with idempotency keys and wrote a runbook.
Result: ${result}`;

describe("bold interview-question lines head stories", () => {
  it("reads '**Q1. ...**', '**Q2: ...**', '**Question 3: ...**', '**4. ...**' and a bare bold question ending in a full stop as titles", () => {
    const bank = parse(`# Amazon prep

## Ownership

**Q1. Tell me about a time you took on something outside your area of responsibility.**

${STORY("Deploy failures fell to 1 in 200.")}

**Q2: Tell me about a time you made a decision that sacrificed short-term results for the long term.**

${STORY("The rule engine served 40 later deals.")}

**Question 3: Describe a time you failed.**

${STORY("Conversion fell 12%; I reran it as a test.")}

**4. Tell me about a time you made a hard call.**

${STORY("The team kept its date.")}

**Tell me about a time you earned trust back.**

${STORY("The customer renewed.")}
`);
    expect(bank.stories.map((story) => story.title)).toEqual([
      "Tell me about a time you took on something outside your area of responsibility.",
      "Tell me about a time you made a decision that sacrificed short-term results for the long term.",
      "Describe a time you failed.",
      "Tell me about a time you made a hard call.",
      "Tell me about a time you earned trust back.",
    ]);
    expect(bank.stories.map((story) => story.question)).toEqual(bank.stories.map((story) => story.title));
    expect(bank.stories.map((story) => story.source.startLine)).toEqual([5, 11, 17, 23, 29]);
    expect(bank.stories.map((story) => story.parts.result)).toEqual([
      "Deploy failures fell to 1 in 200.",
      "The rule engine served 40 later deals.",
      "Conversion fell 12%; I reran it as a test.",
      "The team kept its date.",
      "The customer renewed.",
    ]);
    expect(bank.stories.every((story) => story.principles.includes("Ownership"))).toBe(true);
    expect(bank.warnings.map((warning) => warning.code)).not.toContain("SEVERAL_STORIES");
  });

  it("leaves bold sentences that ask nothing inside their story", () => {
    const bank = parse(`## Billing migration
Situation: Billing failed on 3% of renewals.

**Share of renewals grew after that.**

Action: I migrated in cohorts of 500.

**What I learned.**

Result: Failures fell to 0.2%.

**Tell me about a time you earned trust back.**

${STORY("The customer renewed.")}
`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Billing migration", "Tell me about a time you earned trust back."]);
    expect(bank.stories[0]!.parts.result).toBe("Failures fell to 0.2%.");
    expect(bank.stories[0]!.source).toMatchObject({ startLine: 1, endLine: 10 });
  });

  it("keeps a bold question straight under a story's own heading as part of that story", () => {
    const bank = parse(`## Ownership

### Billing migration
**Tell me about a time you took ownership of something nobody owned.**

${STORY("Failures fell to 0.2%.")}

**Tell me about a time you failed.**

${STORY("Deploy failures fell to 1 in 200.")}
`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Billing migration", "Tell me about a time you failed."]);
    expect(bank.stories[0]!.source).toMatchObject({ startLine: 3, endLine: 8 });
  });

  it("reads a principle in brackets after the question's number ('**Q2 (Dive Deep / Ownership): ...**') as that story's filing", () => {
    const bank = parse(`# Prep for the loop

## Round two (questions from the recruiter)

**Q1: Tell me about a time you moved a service to a new database.**

${STORY("The move finished with no downtime.")}

**Q2 (Dive Deep / Ownership): Tell me about a time you found a security problem.**

${STORY("Card numbers were out of the logs within a day.")}

**Q3 [Frugality] - Tell me about a time you cut costs.**

${STORY("The bill fell by $9,000 a month.")}
`);
    expect(bank.stories.map((story) => story.title)).toEqual([
      "Tell me about a time you moved a service to a new database.",
      "Tell me about a time you found a security problem.",
      "Tell me about a time you cut costs.",
    ]);
    expect(bank.stories.map((story) => story.question)).toEqual(bank.stories.map((story) => story.title));
    expect(bank.stories.map((story) => story.parts.result)).toEqual([
      "The move finished with no downtime.",
      "Card numbers were out of the logs within a day.",
      "The bill fell by $9,000 a month.",
    ]);
    expect(bank.stories[1]!.principles).toEqual(["Dive Deep", "Ownership"]);
    expect(bank.stories[2]!.principles).toEqual(["Frugality"]);
    expect(bank.warnings.map((warning) => warning.code)).not.toContain("SEVERAL_STORIES");
  });

  it("reads the first of two or more numbered questions answered as stories under a heading as a story of its own, not the heading's question", () => {
    const bank = parse(`## Leadership stories

**Q1: Tell me about a time you moved a service to a new database.**

${STORY("The move finished with no downtime.")}

**Q2: Tell me about a time you simplified a process.**

${STORY("Releases took 25 minutes, not three hours.")}

Q3: Tell me about a time you cut costs.

${STORY("The bill fell by $9,000 a month.")}
`);
    expect(bank.stories.map((story) => story.title)).toEqual([
      "Tell me about a time you moved a service to a new database.",
      "Tell me about a time you simplified a process.",
      "Tell me about a time you cut costs.",
    ]);
    expect(bank.stories.map((story) => story.question)).toEqual(bank.stories.map((story) => story.title));
    expect(bank.stories.map((story) => story.source.startLine)).toEqual([3, 9, 15]);
    // Two are a list too ("## Conflict questions"): a story's follow-ups are not answered as stories (below).
    const two = parse(`## Ownership

### Billing migration
**Q1: Tell me about a time you took ownership of something nobody owned.**

${STORY("Failures fell to 0.2%.")}

**Q2: Tell me about a time you failed.**

${STORY("Deploy failures fell to 1 in 200.")}
`);
    expect(two.stories.map((story) => story.title)).toEqual(["Tell me about a time you took ownership of something nobody owned.", "Tell me about a time you failed."]);
  });

  it("keeps a story's own heading when numbered follow-up questions sit under it, answered briefly or by the next story", () => {
    const followUps = parse(`## Billing migration

Q1: Tell me about a migration you led.

S: Billing ran on an old Oracle database.
A: I dual-wrote to Postgres for a month, then cut over.
R: 40 million invoices moved with no downtime.

Q2: What would you do differently?

A: Involve finance earlier.
`);
    expect(followUps.stories.map((story) => story.title)).toEqual(["Billing migration"]);
    const beforeNextStory = parse(`## Billing migration

**Q1: Tell me about a migration you led.**

S: Billing ran on an old Oracle database.
A: I dual-wrote to Postgres for a month, then cut over.
R: 40 million invoices moved with no downtime.

**Q2: What did you learn?**

Involve finance early.

**Vendor renegotiation**

S: Our log vendor raised prices by 40%.
A: I benchmarked two rivals and took the numbers to the renewal call.
R: We renewed at last year's price.
`);
    expect(beforeNextStory.stories.map((story) => story.title)).toEqual(["Billing migration", "Vendor renegotiation"]);
  });

  it("takes a note in brackets that names no principle out of the question, and files the story under nothing from it", () => {
    const bank = parse(`# Prep

**Q3 (2021): Tell me about a time you missed a deadline.**

${STORY("We shipped two weeks late and I reset the plan.")}

**Q4 (Teamwork) Tell me about a time you helped a teammate.**

${STORY("She shipped her first feature on time.")}
`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Tell me about a time you missed a deadline.", "Tell me about a time you helped a teammate."]);
    expect(bank.stories.map((story) => story.question)).toEqual(bank.stories.map((story) => story.title));
    expect(bank.stories.map((story) => story.principleSource)).toEqual(["none", "none"]);
  });
});
