import { describe, expect, it } from "vitest";
import { detectMetrics } from "../../src/critique/detect-metrics.js";

const texts = (text: string) => detectMetrics(text).map((metric) => metric.text);

describe("detectMetrics", () => {
  it("finds both ends of a change between two figures with words between them, without the full stop", () => {
    expect(texts("Failures dropped from 9 a month to 2.")).toEqual(["9 a month", "2"]);
  });

  it("finds small counts given as a rate", () => {
    expect(texts("We now see 3 per sprint.")).toEqual(["3 per sprint"]);
  });

  it("finds changes of scale without digits", () => {
    expect(texts("Reviews went from days to hours")).toEqual(["from days to hours"]);
  });

  it("does not take a change of tool or place for a figure", () => {
    expect(texts("I moved us from Jenkins to GitHub Actions and from Oregon to Virginia.")).toEqual([]);
  });

  it("marks how long the work took, but not a saving per week", () => {
    const [took, saved] = detectMetrics("Over three months I rebuilt it, and it saved 5 hours a week.");
    expect(took).toMatchObject({ text: "three months", durationOfWork: true });
    expect(saved).toMatchObject({ text: "5 hours", durationOfWork: false });
  });
});
