import { describe, expect, it } from "vitest";
import { parseText } from "../support/parse-text.js";

// A bank filed by principle, as a user audit wrote it: "## Principle", then "### question" and the answer.
const BANK = `## Customer Obsession

### Tell me about a time you put the customer first when something went wrong.

Same story as under Ownership, told with the focus on the customer

### Tell me about a time you went the extra mile for a user.

See Dive Deep.

## Ownership

### Tell me about a time you took ownership of a problem that wasn't yours.

**Situation:** Version 5.3 crashed on launch for every Android 8 user.
**Action:** I had approved the PR, so I pulled the release, wrote the hotfix and added a gate to the rollout.
**Result:** Crash-free sessions were back to 99.8% in a day.

### Describe a time you were on call and something broke in production.

**Situation:** A pinned certificate expired and nobody could log in on iOS.
**Action:** I woke the security on-call, we shipped a config flag and I rotated the pin.
**Result:** Login was back in 95 minutes.

## Dive Deep

### Tell me about a time you dug deep into a technical problem.

**Situation:** Our Android cold start took 4.2 seconds on a mid-range phone.
**Action:** I traced startup, moved to Hermes and deferred four SDKs until after the first screen.
**Result:** Cold start fell to 1.7 seconds.
`;

describe("pointers and retellings that name a principle's section", () => {
  it("folds 'See Dive Deep.' into the section's one story, and says which stories a section of several holds", () => {
    const bank = parseText(BANK);
    const deep = bank.stories.find((story) => story.title.startsWith("Tell me about a time you dug deep"))!;
    expect(deep.questions).toContain("Tell me about a time you went the extra mile for a user.");
    expect(bank.warnings.find((warning) => warning.code === "POINTER_RESOLVED" && warning.line === 7)?.message).toContain("dug deep");
    // Two stories under Ownership: the pointer names neither, so it is skipped with both titles and how to name one;
    // not "skipped as notes: label its parts", as before.
    const unresolved = bank.warnings.find((warning) => warning.code === "POINTER_UNRESOLVED")!;
    expect(unresolved.line).toBe(3);
    expect(unresolved.message).toContain("the stories filed under Ownership, and 2 stories are filed there");
    expect(unresolved.message).toContain('"Describe a time you were on call');
    expect(bank.warnings.some((warning) => warning.code === "SKIPPED_PROSE")).toBe(false);
    expect(bank.stories).toHaveLength(3);
  });

  it("reads a principle whose name holds a comma, and 'my ... story' (review)", () => {
    const bank = parseText(`## Are Right, A Lot

### Tell me about a data decision.

**Situation:** The PM wanted a quarter on the map view.
**Action:** I ran an A/B test for two weeks.
**Result:** ANRs fell 18% and we dropped the project.

## Customer Obsession

### Tell me about a time data changed your mind.

See Are Right, A Lot.

### Tell me about a time you used an experiment.

See my Are Right, A Lot story.
`);
    expect(bank.stories).toHaveLength(1);
    expect(bank.stories[0]!.questions).toEqual(["Tell me about a data decision.", "Tell me about a time data changed your mind.", "Tell me about a time you used an experiment."]);
  });

  it("does not read a section's name inside a longer description as the section", () => {
    const bank = parseText(BANK.replace("Same story as under Ownership, told with the focus on the customer", "See the certificate story under Ownership."));
    const onCall = bank.stories.find((story) => story.title.startsWith("Describe a time you were on call"))!;
    expect(onCall.questions).toContain("Tell me about a time you put the customer first when something went wrong.");
  });

  it("groups a retelling that opens 'Same Android cold start as under Dive Deep.', not a cross-reference or a shared setting", () => {
    const retold = (opening: string) =>
      parseText(`${BANK}
## Insist on the Highest Standards

### Tell me about a time you raised the bar on quality.

${opening} I did not want it to creep back up.

**Action:** I added a startup benchmark to CI that fails a PR which slows cold start by more than 10%.
**Result:** Cold start stayed under 1.8 seconds for 14 releases.
`);
    const bank = retold("Same Android cold start as under Dive Deep.");
    const experience = (start: string) => bank.stories.find((story) => story.title.startsWith(start))!.experience;
    expect(experience("Tell me about a time you raised the bar")).toBe(experience("Tell me about a time you dug deep"));
    // Review: a "see" note is a cross-reference to a related story; a shared app, codebase or team is no shared event;
    // "but a different problem" says so; a section of two stories names neither; a person is no event.
    for (const opening of [
      "After I got our cold start down (see Dive Deep story), I kept watching it.",
      "Same codebase as in Dive Deep.",
      "Same Android app as under Dive Deep, but a different problem.",
      "Same Android cold start as under Dive Deep, new problem.",
      "(Same outage as under Ownership.)",
      "Same manager as under Dive Deep.",
    ]) {
      const raised = retold(opening).stories.find((story) => story.title.startsWith("Tell me about a time you raised the bar"))!;
      expect(raised.experience, opening).toBe(raised.id);
    }
  });

  it("reads a story whose Experience: line no other story holds like any story, and never joins two different lines", () => {
    const bank = parseText(`## Launching the produce forecast
S: I owned the new demand forecast for fresh produce across 140 stores.
A: I launched it everywhere at once and shelves ran empty; I rolled it back the same day.
R: We lost two weeks of berry sales, and I wrote the post-mortem.

## Black Friday in three days
S: Marketing moved Black Friday forward and we had three days to forecast it.
A: I reused last year's promotion uplift and checked it with two planners.
R: Stock-outs stayed under 2%.

## Availability back up
Experience: produce forecast
This is the produce forecast project again, told from the customer side.
A: The next spring I ran the model in shadow mode for four weeks, then in 20 stores.
R: Availability rose from 91% to 95.5%.

## The billing migration
Experience: Q3 migration
S: In Q3 I led the migration of billing from MySQL to Postgres.
A: I ran both databases side by side for a month.
R: We cut over with no downtime.

## Nobody owned the pages
S: After the migration to Postgres, on-call pages doubled and no team owned them.
A: I sorted the alerts by owner and deleted forty.
R: Pages fell by half.
`);
    const experience = (title: string) => bank.stories.find((story) => story.title === title)!.experience;
    // Before, the line alone stopped "This is ... again" from grouping it.
    expect(experience("Availability back up")).toBe(experience("Launching the produce forecast"));
    // A story that names itself on the line is not joined to another story that uses its words (review).
    expect(experience("Nobody owned the pages")).not.toBe(experience("The billing migration"));
    expect(new Set(bank.stories.map((story) => story.experience)).size).toBe(4);

    const twins = parseText(`## The checkout redesign
Experience: checkout redesign
S: Our checkout converted 2.1% of visits in 2023 across 14 markets.
A: I ran five rounds of usability tests on the Stripe-backed checkout with 38 shoppers.
R: Conversion rose to 2.6% in 14 markets.

## The checkout redesign, told for Dive Deep
Experience: payment page
S: Our checkout converted 2.1% of visits in 2023 across 14 markets.
A: I ran five rounds of usability tests on the Stripe-backed checkout with 38 shoppers.
R: Conversion rose to 2.6% in 14 markets.
`);
    expect(twins.stories[0]!.experience).not.toBe(twins.stories[1]!.experience);
  });
});
