import { describe, expect, it } from "vitest";
import { parseBankFiles } from "../../src/bank/index.js";
import { parseText } from "../support/parse-text.js";

const parse = parseText;

describe("markdown story shapes", () => {
  it("reads bold, plain and single-letter labels in any order, with bullets", () => {
    const bank = parse(`# Stories

## Cut the build time
R: Builds went from 40 to 12 minutes.
S: Our CI took 40 minutes per push.
T: I owned developer productivity that quarter.
A: I profiled the pipeline and cached dependencies.

## Fixed the pager noise
Situation - Alerts fired 300 times a week.
**Action:**
- I deleted alerts nobody acted on.
- I grouped the rest by service.
__Result:__ Pages fell to 20 a week.
`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Cut the build time", "Fixed the pager noise"]);
    expect(bank.stories[0]!.parts).toEqual({
      situation: "Our CI took 40 minutes per push.",
      task: "I owned developer productivity that quarter.",
      action: "I profiled the pipeline and cached dependencies.",
      result: "Builds went from 40 to 12 minutes.",
    });
    expect(bank.stories[1]!.parts.action).toBe("I deleted alerts nobody acted on. I grouped the rest by service.");
    expect(bank.stories[1]!.parts.task).toBeUndefined();
  });

  it("folds STAR sub-headings into the story above them", () => {
    const bank = parse(`## Tell me about a time you failed
### Situation
I shipped a migration on a Friday.
### Action
I rolled it back and wrote a checklist.
### Result
No Friday migrations since.
### Lesson
I learned to ship risky changes early in the week.
`);
    expect(bank.stories).toHaveLength(1);
    expect(bank.stories[0]!.question).toBe("Tell me about a time you failed");
    expect(Object.keys(bank.stories[0]!.parts).sort()).toEqual(["action", "lesson", "result", "situation"]);
    expect(bank.headings.filter((heading) => heading.kind === "part-label")).toHaveLength(4);
  });

  it("takes principles from a Tags line (names with commas and semicolons included) over the headings", () => {
    const bank = parse(`## Ownership
### Took over the billing service
Tags: Are Right, A Lot; Have Backbone; Disagree and Commit, conflict
**Situation:** The owner left. **Action:** I took it over. **Result:** Zero missed invoices.
`);
    expect(bank.stories[0]!.principles).toEqual(["Are Right, A Lot", "Have Backbone; Disagree and Commit"]);
    expect(bank.stories[0]!.principleSource).toBe("tags");
  });

  it("ignores headings and labels inside code blocks", () => {
    const bank = parse("## Automated the report\n**Situation:** Analysts copied CSVs by hand.\n**Action:** I wrote this:\n```\n# Result: not a heading\nResult: not a label\n```\n**Result:** Saved 5 hours a week.\n");
    expect(bank.stories).toHaveLength(1);
    expect(bank.stories[0]!.parts.result).toBe("Saved 5 hours a week.");
    expect(bank.stories[0]!.parts.action).toContain("Result: not a label");
  });

  it("reads setext headings and a Q/A story where A: is the answer", () => {
    const bank = parse(`Disagreed with my manager
=========================
Q: Tell me about a time you disagreed with your manager.
A: My manager wanted to skip load tests before launch. I showed him last year's outage numbers and proposed a two-day test window. He agreed, and the test caught a connection-pool bug that would have taken us down.
`);
    expect(bank.stories).toHaveLength(1);
    expect(bank.stories[0]!.question).toBe("Tell me about a time you disagreed with your manager.");
    expect(bank.stories[0]!.partsInferred).toBe(true);
    expect(bank.stories[0]!.parts.action).toContain("I showed him");
  });

  it("keeps unlabelled first-person stories and skips advice, with a warning for each skip", () => {
    const bank = parse(`## Tell me about a time you mentored someone
When Priya joined the team she had never worked on a backend service. I paired with her twice a week, reviewed her first pull requests line by line, and handed her the on-call runbook rewrite. She owned the payments service on-call rotation within four months.

## Tips for the interview
- Keep answers under two minutes.
- Quantify results.
`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Tell me about a time you mentored someone"]);
    expect(bank.warnings).toContainEqual(expect.objectContaining({ code: "SKIPPED_PROSE", line: 4 }));
  });

  it("resolves pointers by number and by quoted title, and reports one that points nowhere", () => {
    const bank = parse(`#### 1. Rebuilt the search index.
**Situation:** Search was stale. **Action:** I rebuilt it. **Result:** Fresh in 5 minutes.

#### 2. Improved search freshness.
*(See Q1)*

#### 3. Another angle on search.
See "Rebuilt the search index" - focus on the rollout.

#### 4. Broken pointer.
(See Q42)
`);
    expect(bank.stories).toHaveLength(1);
    expect(bank.stories[0]!.questions).toEqual(["Improved search freshness.", "Another angle on search."]);
    expect(bank.warnings.map((warning) => warning.code)).toEqual(["POINTER_RESOLVED", "POINTER_RESOLVED", "POINTER_UNRESOLVED"]);
  });

  it("resolves pointers written as 'Same as Q2' and 'See the ... story above', picking the described story, not the nearest", () => {
    const bank = parse(`## Ownership

### 1) Tell me about the worst outage you ran.
**Situation:** On New Year's Eve our payment processor failed. **Action:** I failed over to the backup processor. **Result:** 40 minutes of lost payments instead of hours.

### 2) Tell me about a time you reduced costs.
**Situation:** Our cloud bill doubled. **Action:** I cut idle clusters. **Result:** 30% lower bill.

## Bias for Action

### 3) Tell me about a time you acted without waiting for approval.
See the New Year's Eve failover story above.

### 4) Tell me about a time you were frugal.
Same as Q2.

### 5) Tell me about a time you acted fast.
Use the same approach as before, but then explain what the on-call rota looked like and how long it took.
`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Tell me about the worst outage you ran.", "Tell me about a time you reduced costs."]);
    expect(bank.stories[0]!.questions).toContain("Tell me about a time you acted without waiting for approval.");
    expect(bank.stories[1]!.questions).toContain("Tell me about a time you were frugal.");
    expect(bank.warnings.filter((warning) => warning.code === "POINTER_RESOLVED")).toHaveLength(2);
    expect(bank.warnings.some((warning) => warning.code === "SKIPPED_PROSE" && /acted fast/.test(warning.message))).toBe(true);
  });

  it("keeps an unlabelled story told entirely as 'we' instead of skipping it as notes", () => {
    const bank = parse(`## Think Big

### Workforce planning as a three-year bet
We had been losing mid-market deals because customers planned headcount in spreadsheets. We pitched a three-year plan to the leadership team, started with a small forecasting module, and worked with four pilot customers every week. Our first release shipped in March and we signed eleven customers in the first quarter.
`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Workforce planning as a three-year bet"]);
    const background = parse(`## Company background
We were founded in 2015 and we raised a Series B in 2019. We hired forty engineers and we moved our offices twice. Our customers are mid-size retailers and we sold mostly through partners, who resold our platform under their own brands in twelve countries.
`);
    expect(background.stories).toHaveLength(0);
  });

  it("reads a heading written as a quotation as the question itself", () => {
    const bank = parse(`### "Tell me about a time you missed a deadline."\n**Situation:** The launch slipped. **Action:** I re-planned it. **Result:** Shipped a week late.\n\n### "Quote" and more\n**Situation:** x. **Action:** I did y. **Result:** z.\n`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Tell me about a time you missed a deadline.", '"Quote" and more']);
    expect(bank.stories[0]!.question).toBe("Tell me about a time you missed a deadline.");
  });

  it("drops a 'Q:' label from a question heading", () => {
    const bank = parse("### Q: Tell me about a time you missed a deadline.\n**Situation:** The launch slipped. **Action:** I re-planned it. **Result:** Shipped a week late.\n", "bank.md");
    expect(bank.stories[0]!.title).toBe("Tell me about a time you missed a deadline.");
    expect(bank.stories[0]!.id).toBe("bank-tell-me-about-a-time-you-missed-a-deadline");
  });

  it("follows a described pointer with advice after it, and leaves one that describes no story unresolved", () => {
    const bank = parse(`### Tell me about a time you acted fast.
See the reminder-SMS kill switch story further down. Lead with the decision to pause.

### Tell me about a time you saved money.
See the quarterly offsite budget story above.

### Tell me about a time you cut costs.
**Situation:** Our SMS bill doubled. **Action:** I moved reminders to push. **Result:** 40% lower bill.

### Tell me about a time you dug into data.
**Situation:** Sunday night, reminder SMS went out twice. **Action:** I found the retry loop and added a kill switch. **Result:** No duplicates since.
`);
    expect(bank.stories.map((story) => story.questions.length)).toEqual([1, 2]);
    expect(bank.stories[1]!.questions).toContain("Tell me about a time you acted fast.");
    expect(bank.warnings.filter((warning) => warning.code === "POINTER_UNRESOLVED").map((warning) => warning.line)).toEqual([4]);
  });

  it("reads bold labels written inside a paragraph, and a 'Good for:' line as tags", () => {
    const bank = parse(`## Story 1: Rolling back the payments cutover
Good for: Ownership, Deliver Results, failure
**S:** We were moving the payments hub to Postgres. **T:** I owned the go/no-go call.

**A:** I traced a date bug and called the rollback at 03:10. **R:** We re-ran the cutover two weeks later with zero mismatches. **Lesson:** Rehearse on a full copy.
`);
    expect(bank.stories).toHaveLength(1);
    const [story] = bank.stories;
    expect(Object.keys(story!.parts).sort()).toEqual(["action", "lesson", "result", "situation", "task"]);
    expect(story!.parts.task).toBe("I owned the go/no-go call.");
    expect(story!.parts.result).toBe("We re-ran the cutover two weeks later with zero mismatches.");
    expect(story!.principles).toEqual(["Ownership", "Deliver Results"]);
    expect(story!.principleSource).toBe("tags");
  });

  it("moves a lesson written into the Result ('What I took away: ...', 'What I learned was that ...') into the Lesson", () => {
    for (const lesson of ["What I took away: rehearse against a full copy.", "What I learned was that a 5% sample hides date bugs."]) {
      const bank = parse(`## Rolled back a cutover\n**Situation:** The cutover hit a date bug. **Action:** I called the rollback. **Result:** We re-ran it with zero mismatches. ${lesson}\n`);
      expect(bank.stories[0]!.parts.lesson).toBe(lesson);
      expect(bank.stories[0]!.parts.result).toBe("We re-ran it with zero mismatches.");
    }
  });

  it("reads bold labels on list items without carrying the list marker into the part before", () => {
    for (const marker of ["-", "1."]) {
      const bank = parse(`## Took over the billing service\n${marker} **Situation:** The site went down.\n${marker} **Action:** I rolled back.\n${marker} **Result:** Back in 5 minutes.\n`);
      expect(bank.stories[0]!.parts).toMatchObject({ situation: "The site went down.", action: "I rolled back.", result: "Back in 5 minutes." });
    }
  });

  it("keeps results that merely mention taking something away or using what was learned", () => {
    const bank = parse(`## Locked down prod\n**Situation:** Contractors had prod access. **Action:** I audited it. **Result:** I took away direct prod access from contractors and incidents dropped to zero. The team then used what I learned from the pilot in two other systems.\n`);
    expect(bank.stories[0]!.parts.lesson).toBeUndefined();
  });

  it("resolves 'See the story above.' to the nearest story above", () => {
    const bank = parse(`### Rebuilt the search index\n**Situation:** Search was stale. **Action:** I rebuilt it. **Result:** Fresh in 5 minutes.\n\n### Tell me about a time you fixed something slow.\nSee the story above.\n`);
    expect(bank.stories[0]!.questions).toContain("Tell me about a time you fixed something slow.");
  });

  it("gives stable ids: body edits keep them, colliding titles get a suffix", () => {
    const before = parse("## Same title\nS: a. A: I did b. R: c.\n\n## Same title\nS: d. A: I did e. R: f.\n", "my_bank.md");
    const after = parse("## Same title\nS: edited. A: I did other things. R: different.\n\n## Same title\nS: d. A: I did e. R: f.\n", "my_bank.md");
    expect(before.stories.map((story) => story.id)).toEqual(["my-bank-same-title", "my-bank-same-title-2"]);
    expect(after.stories.map((story) => story.id)).toEqual(before.stories.map((story) => story.id));
  });

  it("groups tellings by an Experience line", () => {
    const bank = parse("## A\nExperience: checkout\nS: x. A: I did y. R: z.\n\n## B\nExperience: Checkout\nS: p. A: I did q. R: r.\n\n## C\nS: u. A: I did v. R: w.\n");
    expect(bank.stories[0]!.experience).toBe(bank.stories[1]!.experience);
    expect(bank.stories[2]!.experience).not.toBe(bank.stories[0]!.experience);
  });

  it("groups a telling that says it is the same incident as a numbered story, and no other", () => {
    const bank = parse(`## Story 5: Black Friday failover
**S:** Checkout errors on the biggest night of the year. **A:** I failed traffic over to the second region. **R:** Back up in 9 minutes.

## Story 6: A quiet migration
**S:** A Postgres upgrade. **A:** I rehearsed it twice. **R:** No downtime.

## Story 14: Keeping the VP informed
**S:** Same Black Friday incident as Story 5: the VP joined the bridge. **A:** I sent her updates every ten minutes. **R:** She thanked the team.

## Story 15: Another night
**S:** This isn't the same outage as Story 6, a different night. **A:** I paged the owners. **R:** Fixed by morning.

## Story 16: Payments launch
**S:** A new payments launch. **A:** I used the same rollback checklist as Story 5. **R:** Launched clean.
`);
    const [failover, migration, vp, other, checklist] = bank.stories;
    expect(vp!.experience).toBe(failover!.id);
    expect(migration!.experience).toBe(migration!.id);
    expect(other!.experience).toBe(other!.id);
    expect(checklist!.experience).toBe(checklist!.id);
  });

  it("reads a JSON bank, skipping invalid stories with a warning", () => {
    const json = JSON.stringify({
      stories: [
        { title: "Cut cloud spend", principles: ["frugality", "Backbone"], situation: "Bills doubled.", action: "I rightsized clusters.", result: "Saved $40k a month." },
        { title: "No parts" },
        { title: "Told as prose", text: "Our app crashed on launch day. I rolled back the release and added a canary stage. Crashes dropped to zero." },
      ],
    });
    const bank = parseBankFiles([{ path: "bank.json", bytes: Buffer.from(json), sha256: "x" }]);
    expect(bank.stories.map((story) => story.title)).toEqual(["Cut cloud spend", "Told as prose"]);
    expect(bank.stories[0]!.principles).toEqual(["Frugality", "Have Backbone; Disagree and Commit"]);
    expect(bank.stories[1]!.partsInferred).toBe(true);
    expect(bank.warnings).toContainEqual(expect.objectContaining({ code: "JSON_STORY_INVALID", message: expect.stringContaining("stories[1]") }));
  });

  it("refuses malformed JSON with the line at fault", () => {
    expect(() => parseBankFiles([{ path: "bank.json", bytes: Buffer.from('{"stories": [\n{"title": "x",}\n]}'), sha256: "x" }])).toThrow(
      expect.objectContaining({ code: "INPUT_NOT_PARSEABLE", location: expect.objectContaining({ file: "bank.json", line: 2 }) }),
    );
  });
});
