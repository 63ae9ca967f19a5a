import { describe, expect, it } from "vitest";
import { loadBank } from "../../src/bank/index.js";
import { storyTold } from "../../src/coach/story-told.js";
import { computeStoryFeatures } from "../../src/retrieval/index.js";
import { SAMPLE_BANK } from "../support/run-coach.js";

async function sampleFeatures() {
  return computeStoryFeatures((await loadBank([SAMPLE_BANK])).stories);
}

// The sample bank's cloud-cost story told as a candidate would in a mock interview: their own words, a few of its facts.
const LOOSE_RETELLING =
  "So at CareShift the analytics bill had gotten out of hand, about $38K a month, and finance wanted every team to trim 15%. I volunteered to take the reporting side and honestly I wanted to do better than fifteen. First thing I did was figure out where the compute was actually going, and it turned out most of it was feeding dashboards that no one had looked at in months. I gave the owners a couple of weeks to speak up, then archived the dead ones. The overnight rollups were running on machines that stayed up all day, so I turned them into scheduled jobs that shut themselves off, and I moved the steady load onto reserved pricing. We ended up around $15K a month, so well over half, and the people who actually used the reports didn't notice any difference.";

// Another cost-cutting experience: the same theme and much of its vocabulary, none of its facts.
const ANOTHER_COST_STORY =
  "At my previous company our cloud spend on the data warehouse kept climbing, and my manager asked me to find savings before the budget review. I went through the billing export and saw that our staging environments ran around the clock even though nobody used them at night or on weekends. I wrote a small scheduler that shut them down outside working hours and I worked with the platform team to right-size the largest database. I also set up a weekly cost report so each team could see its own spend. Over the next quarter we cut the warehouse bill by about a third, and the cost report became a standard part of our monthly review.";

describe("storyTold: the bank story an answer retells", () => {
  it("credits a retelling in the teller's own words, though it shares under half its words with the story", async () => {
    const told = storyTold(LOOSE_RETELLING, await sampleFeatures());
    expect(told?.story.title).toBe("Cut the reporting cluster bill by more than half.");
  });

  it("credits no story with another experience on the same theme", async () => {
    expect(storyTold(ANOTHER_COST_STORY, await sampleFeatures())).toBeUndefined();
  });

  it("credits no story with an answer too short to tell one", async () => {
    expect(storyTold("I archived the stale dashboards and moved the rollups to scheduled jobs.", await sampleFeatures())).toBeUndefined();
  });
});
