import { describe, expect, it } from "vitest";
import { loadBank } from "../../src/bank/index.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseText } from "../support/parse-text.js";

const parse = parseText;

describe("banks written as terse notes", () => {
  it("keeps a story told without 'I' ('Pulled the logs.') and finds its actions", () => {
    const bank = parse(`## 26. Tool sprawl
LP: Frugality

Software spend grew 40% in a year while headcount grew 15%. Pulled every card and invoice that looked like software and found 112 tools. Cross-checked paid seats against single sign-on logins. Cancelled unused seats at renewal and merged three survey tools into one. Saved about $180k a year.
`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Tool sprawl"]);
    const story = bank.stories[0]!;
    expect(story.parts.action).toMatch(/^Pulled every card/);
    expect(story.parts.action).toMatch(/Cancelled unused seats/);
    // The author's words are kept: no "I" is added to the text.
    expect(story.body).not.toMatch(/\bI pulled\b/);
  });

  it("keeps a story told as bullets of what the author did, and still skips a list of notes", () => {
    const bank = parse(`## 8. Forecast rebuild
LP: Dive Deep

S: Our revenue forecast missed by 9% two quarters running.

9. Intern mentoring
- Jonah, finance intern, had never touched SQL
- gave him a real churn project, not busywork
- met him daily for two weeks, then twice a week
- taught him to lead with the conclusion
- let him present to the head of marketing himself
- he got a return offer and joined the team

## Questions to ask them
- ask about team size and who I'd report to
- how do they measure forecast accuracy
- what does the first 90 days look like
`);
    expect(bank.stories.map((story) => story.title)).toContain("Intern mentoring");
    expect(bank.stories.map((story) => story.title)).not.toContain("Questions to ask them");
  });

  it("reads A: as the action when S:, T: and R: sit beside a Q: line", () => {
    const bank = parse(`### Pending transfers confused people
Q: Tell me about a time you used customer feedback to change a product.
- S: The top app-store complaint was transfers stuck on "Pending" with no explanation.
- A: I sat in on support calls for a week and mocked up a transfer timeline.
- R: "Where is my money" contacts fell 31% in the first month.
`);
    const story = bank.stories[0]!;
    expect(story.question).toBe("Tell me about a time you used customer feedback to change a product.");
    expect(story.parts.action).toBe("I sat in on support calls for a week and mocked up a transfer timeline.");
    expect(story.partsInferred).toBe(false);
  });

  it("reads the principles of an LP line up to the first full stop, without warning about the note after it", () => {
    const bank = parse(`## Q4. Tell me about a time you made a mistake.
LP: Ownership, Earn Trust. FAILURE STORY - keep it short.

S: I sent a win-back email to 40,000 active subscribers instead of lapsed ones.
A: I paused the send, wrote the apology myself and fixed the segment rule.
R: Unsubscribes settled back to normal within a week.
`);
    expect(bank.stories[0]!.principles).toEqual(["Ownership", "Earn Trust"]);
    expect(bank.warnings.filter((warning) => warning.code === "UNKNOWN_PRINCIPLE")).toEqual([]);
  });

  it("groups a retelling the author names by number ('Same close as #5') or by section ('same rollout as under Deliver Results')", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "coach-retold-"));
    writeFileSync(
      path.join(dir, "bank.md"),
      `## Deliver Results

### 4. Scanner rollout on the ward
S: The hospital rolled out barcode scanning for medication on 14 wards.
A: I trained 40 nurses, half of them on night shifts.
R: We went live on the date.

### 5. Month-end close slipped
S: The Q3 close slipped three days after a deferred revenue error.
A: I rebuilt the schedule and told the CFO early.
R: Closed on day 8 with the right number.

## Dive Deep

### 6. Override spike
S: Same barcode rollout as under Deliver Results. Scan compliance stalled at 88%.
A: I traced overrides to damaged wristbands and label stock.
R: Compliance reached 96%.

### 7. The judgement call
S: Same close as #5, told for Are Right, A Lot.
A: I chose to rebuild the schedule rather than book an estimate.
R: The number held up in the audit.

## Bias for Action

### 9. Calendar sync broke on a Thursday
S: A Thursday release broke calendar sync for every customer on the old plan.
A: I set up a triage rota within the hour and drafted the status page.
R: The backlog was clear by Monday.

## Success and Scale Bring Broad Responsibility

### 10. What came after the queue
S: This is the same outage as the one under Bias for Action, told for what came after.
A: I asked for a release sign-off step for anything touching integrations.
R: No integration release has gone out unsigned since.

### 8. Telling customers early
Same supplier bankruptcy as #4. I used the same checklist as story 5 to brief the account team.
A: I called our twelve largest customers before the news broke.
R: None of them moved their orders elsewhere.
`,
    );
    const bank = await loadBank([dir]);
    const experience = (title: string) => bank.stories.find((story) => story.title === title)!.experience;
    expect(experience("Override spike")).toBe(experience("Scanner rollout on the ward"));
    expect(experience("The judgement call")).toBe(experience("Month-end close slipped"));
    expect(experience("Override spike")).not.toBe(experience("The judgement call"));
    // A note that opens a sentence names the retelling whatever its noun; a checklist reused mid-sentence does not.
    expect(experience("Telling customers early")).toBe(experience("Scanner rollout on the ward"));
    expect(experience("Telling customers early")).not.toBe(experience("Month-end close slipped"));
    // A principle section with one story: the named section is enough.
    expect(experience("What came after the queue")).toBe(experience("Calendar sync broke on a Thursday"));
  });

  it("groups a retelling the author names by its words ('This is the remote-teaching week again'), not one that only says 'the same problem again'", () => {
    const bank = parse(`## Remote teaching in a week
S: The school closed on a Friday and we had one week to move nine teachers online.
A: I set up the platform over the weekend and ran two training sessions.
R: Every class met online on the Monday.

## The neonatal dose release
S: A release changed how the app rounded dose volumes for neonatal profiles.
A: I wrote boundary tests and found 0.15 mL rounding to 0.1.
R: We fixed it before release.

## Keeping the department afloat
This is the remote-teaching week again, from the team side. Two teachers were scared of recording videos.
A: I paired each of them with a colleague and reviewed their first recordings.
R: Both were teaching online by Wednesday.

## Saying no to the director
S: This is the neonatal rounding bug again: the director asked us to ship with a known-issue note.
A: I refused and offered a one-day delay.
R: We shipped the fix a day late.

## A second outage
S: It's the same problem again, a cache that never evicted.
A: I added eviction and an alert.
R: Memory stayed flat.
`);
    const experience = (title: string) => bank.stories.find((story) => story.title === title)!.experience;
    expect(experience("Keeping the department afloat")).toBe(experience("Remote teaching in a week"));
    // The event noun ("bug") need not be in the first telling: the naming words are.
    expect(experience("Saying no to the director")).toBe(experience("The neonatal dose release"));
    expect(experience("A second outage")).toBe(bank.stories.find((story) => story.title === "A second outage")!.id);
    expect(new Set(bank.stories.map((story) => story.experience)).size).toBe(3);
  });

  it("lists the bank's own tags with the story", async () => {
    const bank = parse(`### Cold start 4.1 s to 1.3 s
Tags: performance, metrics
S: The app took 4.1 s to open on mid-range phones.
A: I deferred three SDKs and trimmed the launch storyboard.
R: Cold start fell to 1.3 s.
`);
    expect(bank.stories[0]!.tags).toEqual(["performance", "metrics"]);
  });
});
