import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";
import { detectMetrics } from "../../src/critique/detect-metrics.js";

const figures = (text: string) => detectMetrics(text).filter((metric) => !metric.durationOfWork && !metric.teamSize).map((metric) => metric.text);

// Audit (session 19): "We redid the migration two weeks later" made a failure story's result quantified: a span of
// time that says when the next thing happened ("N weeks later", "two months after the launch") is no outcome figure.
describe("a time that says when, not how much", () => {
  it("is not the result's figure", () => {
    const answer =
      "Last spring I ran the move of our billing data to a new warehouse. I skipped the dry run to save a day. On the night, a bad mapping dropped the invoice dates on a batch of customer accounts. I stopped the load, restored the backup and called each finance lead myself. We ran the move again three weeks later with no errors.";
    const critique = critiqueAnswer("Tell me about a time you made a mistake.", answer);
    expect(critique.star.result.present).toBe(true);
    expect(critique.metrics).toEqual([]);
    expect(critique.quantified).toBe(false);
  });

  it("marks 'N later' and 'N after ...' as when, and keeps the figures told beside them", () => {
    expect(figures("We ran the move again three weeks later with no errors.")).toEqual([]);
    expect(figures("The vendor called back a week later.")).toEqual([]);
    expect(figures("Two months after the launch, refunds were down to 1.5%.")).toEqual(["1.5%"]);
  });

  it("still reads how late or how long the outcome is as a figure", () => {
    expect(figures("We shipped a day later than planned.")).toEqual(["a day"]);
    expect(figures("I cut the nightly job to 12 minutes after the fix.")).toEqual(["12 minutes"]);
    expect(figures("The flowers arrived about twenty minutes late.")).toEqual(["twenty minutes"]);
  });

  it("reads 'N after ...' as a measure beside a comparison or as what an outcome took (review)", () => {
    expect(figures("After that, refunds reached customers 5 days after the request instead of a month.")).toEqual(["5 days"]);
    expect(figures("New hires shipped their first change 3 days after joining.")).toEqual(["3 days"]);
    expect(figures("I rolled it back and, three days after the outage, I ran the postmortem.")).toEqual([]);
  });
});
