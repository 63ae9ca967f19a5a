import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBank, parseBankFiles } from "../../src/bank/index.js";
import { critiqueAnswer } from "../../src/critique/index.js";
import { detectMetrics } from "../../src/critique/detect-metrics.js";
import { opensWithImpliedI } from "../../src/text/index.js";

// Cases a review of the title-line, pointer, grouping and critique changes reproduced as wrong; each must stay right.
const parse = (text: string) => parseBankFiles([{ path: "bank.md", bytes: Buffer.from(text), sha256: "x" }]);

async function experiences(text: string): Promise<Map<string, string>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "coach-review-"));
  writeFileSync(path.join(dir, "bank.md"), text);
  return new Map((await loadBank([dir])).stories.map((story) => [story.title, story.experience]));
}

describe("parsing that must not split, swallow or merge stories", () => {
  it("keeps a bold lead-in, a short rule and numbered steps inside the story they belong to", () => {
    const bank = parse(`### Rolled back the payments release
S: A payments release failed its canary at 2am.

**The tradeoff** - I could patch forward in an hour or roll back in ten minutes and lose the new fraud rules for a day, and I chose the rollback.

A: I called the rollback and ran the incident channel.

---

Why it mattered
I told them how every minute of failed payments cost us customers we had worked hard to win, and why I would make the same call again without waiting for anyone.
R: We were back up in 12 minutes.

## 3. Cut the build time
S: CI took 40 minutes per push.
A: I worked through it in steps.

1. Measured it

I timed every stage for a week.

4. Split the test suite

I split the tests into four parallel shards and moved the slow end-to-end tests to a nightly job that I owned myself.

R: Builds went from 40 to 12 minutes.
`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Rolled back the payments release", "Cut the build time"]);
    expect(bank.stories[0]!.parts.result).toBe("We were back up in 12 minutes.");
    expect(bank.stories[1]!.parts.result).toBe("Builds went from 40 to 12 minutes.");
  });

  it("keeps a story's own title when a bold question line sits right under its heading", () => {
    const bank = parse(`### Harbourline escalation
**Q: Tell me about a time you handled a difficult customer.**

S: Our biggest account emailed the CEO about five unanswered tickets.
A: I called their director the same day.
R: They renewed six weeks later.
`);
    expect(bank.stories.map((story) => [story.title, story.question])).toEqual([["Harbourline escalation", "Tell me about a time you handled a difficult customer."]]);
  });

  it("keeps a labelled retelling that opens 'Same story as #5' as a story, not a pointer", () => {
    const bank = parse(`## 5. Month-end close slipped
S: The Q3 close slipped three days.
A: I rebuilt the schedule and told the CFO early.
R: Closed on day 8.

## 7. The judgement call
S: Same story as #5, told for Are Right, A Lot.
A: I chose to rebuild the schedule rather than book an estimate.
R: The number held up in the audit.
`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Month-end close slipped", "The judgement call"]);
  });

  it("still reads a single labelled line that only points elsewhere as a pointer", () => {
    const bank = parse(`## 5. Month-end close slipped
S: The Q3 close slipped three days.
A: I rebuilt the schedule and told the CFO early.
R: Closed on day 8.

## 9. Disagree and commit
**Situation:** Same as #5.
`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Month-end close slipped"]);
    expect(bank.warnings.some((warning) => warning.code === "POINTER_RESOLVED")).toBe(true);
  });

  it("reads every principle of a dash-separated LP line", () => {
    const bank = parse(`## Cut the cloud bill
LP: Frugality - Ownership - Dive Deep
S: Our bill doubled.
A: I rightsized the databases.
R: The bill fell by 38%.
`);
    expect(bank.stories[0]!.principles).toEqual(["Frugality", "Ownership", "Dive Deep"]);
  });

  it("does not group stories that share a person or a word rather than an event", async () => {
    const grouped = await experiences(`## 3. Pushed back on the launch date
S: Our VP wanted the payments launch moved up by two weeks.
A: I showed her the open defects and proposed a staged launch.
R: We launched in stages with no payment incidents.

## 4. Hiring freeze
S: Same VP as #3. Months later she froze hiring on my team in the middle of a migration.
A: I rebuilt the plan around contractors.
R: The migration finished a month late but under budget.

## 5. Payments release rollback
S: A payments release failed at 2am and the problem spread to refunds.
A: I rolled the release back.
R: Back up in 12 minutes.

## 6. New team, old habits
S: At my new job I saw the same release problem as in my last job: nobody owned the checklist.
A: I wrote one and asked for an owner per release.
R: No missed steps in six releases.
`);
    expect(grouped.get("Hiring freeze")).not.toBe(grouped.get("Pushed back on the launch date"));
    expect(grouped.get("New team, old habits")).not.toBe(grouped.get("Payments release rollback"));
  });

  it("does not group two events that share only round figures ('5% of traffic', '3 hours', '25 minutes')", async () => {
    const grouped = await experiences(`## 1. Failing over to the backup payment provider
S: Our main payment provider started failing 15% of card payments, and the backup had only ever taken 5% of traffic.
T: I was incident commander and had to decide whether to fail over.
A: I gave the provider 15 minutes to send an estimate, then moved half the traffic, watched it for 10 minutes, and moved the rest.
R: Failed payments fell to 0.8% within 25 minutes. The outage lasted 3 hours, and automatic failover became a project I led.

## 2. Automating the weekly deploy
S: Shipping the monolith meant a 14-step wiki checklist, a release manager and 3 hours of clicking.
T: Nobody asked for it; I proposed scripting the whole thing.
A: I built a pipeline that sends a canary 5% of traffic for 15 minutes and undoes itself when errors climb.
R: Shipping went from 3 hours to 25 minutes, and rollback became a project I led.

## 3. Mentoring a new engineer
S: A new engineer joined in the middle of a migration.
A: I paired with her every day for two weeks and wrote her a reading list.
R: She led her first release in week six.

## 4. Retiring the old reporting cluster
S: The reporting cluster cost us $40,000 a month.
A: I moved its jobs onto the warehouse and switched it off.
R: The bill fell by $38,000 a month.
`);
    expect(grouped.get("Automating the weekly deploy")).not.toBe(grouped.get("Failing over to the backup payment provider"));
  });

  it("does not take a name or an adjective for a sentence with its 'I' left out", () => {
    expect(opensWithImpliedI("Jared joined from Google and owned the data platform")).toBe(false);
    expect(opensWithImpliedI("Automated tests covered about 40% of the code base")).toBe(false);
    expect(opensWithImpliedI("Limited budget meant the old cluster stayed")).toBe(false);
    expect(opensWithImpliedI("Pulled every invoice that looked like software")).toBe(true);
    // ...while an -ed word before a noun is the author's verb's object, not a subject.
    expect(opensWithImpliedI("Pushed updated configs to every host")).toBe(true);
    expect(opensWithImpliedI("Reviewed failed jobs from the night")).toBe(true);
    expect(opensWithImpliedI("Tested, reviewed and shipped it")).toBe(true);
  });

  it("parses 800 plain-text stories in linear time", () => {
    const text = Array.from({ length: 800 }, (_, index) => `PROJECT NUMBER ${index + 1} - BILLING CLEANUP\nS: Billing had ${index + 3} duplicate invoices.\nA: I merged them and fixed the import.\nR: Duplicates fell to zero.\n`).join("\n--------------------\n\n");
    const started = performance.now();
    const bank = parse(text);
    // Quadratic look-ahead took about 20 s here; linear is well under one.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(bank.stories).toHaveLength(800);
  });
});

describe("title lines after the second review", () => {
  it("ends a story with no result at the next bold title that opens with its own situation", () => {
    const bank = parse(`# Stories

**Payments rollback**

S: A payments release failed its canary at 2am.
A: I called the rollback and ran the incident channel.

**Cut the build time**

**Situation**: CI took 40 minutes per push.
**Action**: I split the tests into parallel shards.
**Result**: Builds went from 40 to 12 minutes.
`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Payments rollback", "Cut the build time"]);
    expect(bank.stories[0]!.parts.result).toBeUndefined();
  });

  it("starts a story at a bold question under a file title, keeping the question as the title", () => {
    const bank = parse(`# Amazon onsite, March

**Q: Tell me about a time you handled a difficult customer.**

S: Our biggest account emailed the CEO.
A: I called their director the same day.
R: They renewed.
`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Tell me about a time you handled a difficult customer."]);
  });

  it("does not take a principle named in an LP line's note", () => {
    const bank = parse(`## Vendor renegotiation
LP: Frugality - not strong enough for Customer Obsession, avoid
S: Freight renewed at a 12% uplift.
A: I benchmarked three carriers.
R: Uplift cut to 3%.
`);
    expect(bank.stories[0]!.principles).toEqual(["Frugality"]);
  });
});

describe("critique cases from the review", () => {
  it("still asks for a lesson when a failure question mentions a budget or a deadline", () => {
    const answer = "Last year I pushed a config change without review. It took login down for two hours. I rolled it back and wrote up what happened.";
    expect(critiqueAnswer("Tell me about a time a project ran over budget before it went live.", answer).lesson.required).toBe(true);
  });

  it("reads number words to their end in a from-to change", () => {
    expect(detectMetrics("Headcount went from one to fourteen.").map((metric) => metric.text)).toEqual(["from one to fourteen"]);
  });
});
