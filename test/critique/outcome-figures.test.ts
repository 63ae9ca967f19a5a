import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";
import { detectMetrics } from "../../src/critique/detect-metrics.js";

// Figures a result gives that were set aside as "how long the work took" or not read at all (critique drafts, 2026-11-23).
const figure = (text: string) => detectMetrics(text).map(({ text: value, durationOfWork }) => ({ value, durationOfWork }));

describe("figures that are outcomes", () => {
  it("reads money by the quarter as money, not as a span of time", () => {
    expect(figure("which kept roughly £80,000 a quarter out of the weaker channel.")).toEqual([{ value: "£80,000 a quarter", durationOfWork: false }]);
  });

  it("reads how late, early or close to a date something came as an outcome, and still sets aside how long the work took", () => {
    expect(figure("the parcel arrived about thirty minutes late.")).toEqual([{ value: "thirty minutes", durationOfWork: false }]);
    expect(figure("every pallet landed within three days of the planned date.")).toEqual([{ value: "three days", durationOfWork: false }]);
    expect(figure("I rebuilt the schedule over three months.")).toEqual([{ value: "three months", durationOfWork: true }]);
    expect(figure("we went live within two days of the original launch date.")).toEqual([{ value: "two days", durationOfWork: false }]);
  });

  it("still sets aside the hours the speaker put in and a span of the original plan spent on the work", () => {
    expect(figure("I stayed about two hours late every night.")).toEqual([{ value: "two hours", durationOfWork: true }]);
    expect(figure("I spent about two days of the original sprint on it.")).toEqual([{ value: "two days", durationOfWork: true }]);
  });

  it("reads a spelled share ('about a third of') as a figure, but not a quarter of the year", () => {
    expect(figure("the real return was about a third of what the report claimed.")).toEqual([{ value: "a third", durationOfWork: false }]);
    expect(figure("We shipped it in a quarter.")).toEqual([]);
    expect(figure("one quarter of the year went to it; three quarters of the way through we paused.")).toEqual([]);
    expect(figure("a quarter of the team had switched.")).toEqual([{ value: "a quarter", durationOfWork: false }]);
  });

  it("credits such a result as quantified", () => {
    const answer =
      "At a regional florist chain I ran dispatch, and one Saturday a wedding order was at risk because our van broke down. I owned getting it there on time. I rerouted a second driver, moved two local deliveries to the afternoon and phoned the venue. The flowers arrived about twenty minutes late, before the ceremony started.";
    const critique = critiqueAnswer("Tell me about a time you handled a crisis.", answer);
    expect(critique.metrics).toEqual(["twenty minutes"]);
    expect(critique.quantified).toBe(true);
  });
});
