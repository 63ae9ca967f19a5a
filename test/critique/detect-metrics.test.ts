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

  it.each([
    ["Revenue grew by $3 million.", ["$3 million"]],
    ["It serves 5 million users.", ["5 million users"]],
    ["It serves 2.5 million users.", ["2.5 million users"]],
    ["It now serves 5M users.", ["5M users"]],
    ["We handled 5 million+ users without latency spikes.", ["5 million+ users"]],
    ["It handles 1.2 billion requests a day.", ["1.2 billion requests a day"]],
    ["The deal was worth $4B in revenue.", ["$4B"]],
    ["We passed 300k users.", ["300k users"]],
    ["Costs fell by $200k a year.", ["$200k a year"]],
    ["It reached half a million users.", ["half a million users"]],
    ["We saved half a million.", ["half a million"]],
    ["It reached a million users.", ["a million users"]],
    ["Sales grew by three million.", ["three million"]],
    ["It passed 10M+ downloads and 5,000+ reviews.", ["10M+ downloads", "5,000+"]],
  ])("reads a figure with a multiplier whole, as written: %j", (text, figures) => {
    expect(texts(text)).toEqual(figures);
  });

  it("takes no name, size or saying for a figure", () => {
    for (const text of ["Thanks a million.", "One in a million.", "Our B2B customers.", "The S3 bucket.", "The Y2K bug.", "H1B visas.", "A 5 MB file.", "The M&A team.", "Plan B."]) expect(texts(text), text).toEqual([]);
  });

  it("marks how long the work took, but not a saving per week", () => {
    const [took, saved] = detectMetrics("Over three months I rebuilt it, and it saved 5 hours a week.");
    expect(took).toMatchObject({ text: "three months", durationOfWork: true });
    expect(saved).toMatchObject({ text: "5 hours", durationOfWork: false });
  });
});
