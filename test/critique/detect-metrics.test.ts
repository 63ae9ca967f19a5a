import { describe, expect, it } from "vitest";
import { detectMetrics } from "../../src/critique/detect-metrics.js";
import { critiqueAnswer } from "../../src/critique/index.js";

const texts = (text: string) => detectMetrics(text).map((metric) => metric.text);

describe("detectMetrics", () => {
  it("finds both ends of a change between two figures with words between them, without the full stop", () => {
    expect(texts("Failures dropped from 9 a month to 2.")).toEqual(["9 a month", "2"]);
  });

  it("finds a change told in words, hedged or as a rate (audit)", () => {
    expect(texts("Errors dropped from about eight a month to one.")).toEqual(["from about eight a month to one"]);
    expect(texts("Escalations went from roughly twenty per week to under 5.")).toEqual(["from roughly twenty per week to under 5"]);
  });

  it("finds a share as the size of a change and one unit late or early (user audit)", () => {
    expect(texts("His detentions were down by about a third.")).toEqual(["by about a third"]);
    expect(texts("It had fallen by a quarter by June.")).toEqual(["by a quarter"]);
    expect(texts("We shipped a day late, and the next release a week before the deadline.")).toEqual(["a day", "a week"]);
  });

  it("leaves out days of the month, numbered names and a portion someone has (user audit)", () => {
    expect(texts("We went live on 24 March, and again on March 3rd.")).toEqual([]);
    expect(texts("My Year 11 class on Ward 7 in Q3.")).toEqual([]);
    expect(texts("She balanced her half of the ledger.")).toEqual([]);
    // Still a figure: a half that is a change (the date beside it is not).
    expect(texts("We cut the backlog in half by 30 June.")).toEqual(["half"]);
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

  it.each([
    ["I worked at 3M.", []],
    ["When I joined 3M in 2019, the line stopped daily.", []],
    ["3M's plant in Austin ran three shifts.", []],
    ["I managed two 7-Eleven stores.", []],
    ["It was a Web 2.0 app.", []],
    ["We ran K8s clusters on EC2 and kept backups in S3.", []],
    ["We upgraded 200 laptops to Windows 10.", ["200"]],
    ["We moved from Python 2.7 to Python 3.11.", []],
    ["We moved to Python 3.", []],
    ["Office 365 licences were cut by 30%.", ["30%"]],
    ["The iPhone 15 build shipped on Ubuntu 22.04 runners.", []],
  ])("takes no company or product name that carries a number for a figure: %j", (text, figures) => {
    expect(texts(text)).toEqual(figures);
  });

  it.each([
    ["It now serves 5M users.", ["5M users"]],
    ["We saved $3M.", ["$3M"]],
    ["It cut costs 3M a year.", ["3M a year"]],
    ["It handles 3M requests/day.", ["3M requests"]],
    ["Traffic peaked at 3M.", ["3M"]],
    ["We saved 3M.", ["3M"]],
    ["The tests now take 40s.", ["40s"]],
  ])("keeps a figure that only looks like a name: %j", (text, figures) => {
    expect(texts(text)).toEqual(figures);
  });

  it.each([
    ["We grew the team to 5 engineers.", "5 engineers"],
    ["I onboarded 3 new hires in a month.", "3 new hires"],
    ["I trained 40 support agents.", "40 support agents"],
    ["By spring I had trained 6 line operators.", "6 line operators"],
    ["We won 3 new customers.", "3 new customers"],
    ["It was adopted by five more teams.", "five more teams"],
    ["I built a team of 12 engineers.", "12 engineers"],
    ["Both grew fast: 2 juniors I mentored were promoted.", "2 juniors"],
    ["Three graduates I coached passed the review.", "Three graduates"],
  ])("reads a count of people as a figure, whatever its size: %j", (text, figure) => {
    expect(detectMetrics(text).filter((metric) => !metric.teamSize).map((metric) => metric.text)).toEqual([figure]);
  });

  it.each([
    ["I led a team of 5 engineers.", "5 engineers"],
    ["Our team of 12 engineers shipped it.", "12 engineers"],
    ["I ran a 12-person team.", "12"],
    ["My 3 engineers shipped it.", "3 engineers"],
    ["It took 6 engineers two weeks.", "6 engineers"],
  ])("marks a team's size as such: %j", (text, figure) => {
    expect(detectMetrics(text).find((metric) => metric.text === figure)).toMatchObject({ teamSize: true, durationOfWork: false });
  });

  it("marks how long the work took, but not a saving per week", () => {
    const [took, saved] = detectMetrics("Over three months I rebuilt it, and it saved 5 hours a week.");
    expect(took).toMatchObject({ text: "three months", durationOfWork: true });
    expect(saved).toMatchObject({ text: "5 hours", durationOfWork: false });
  });

  // Audit with non-native speakers: the time the speaker spent on a step read as a figure of the setup
  // (NUMBERS_ONLY_IN_SETUP: "Your numbers ("three days") describe the situation").
  it.each([
    ["I spend three days to dive in the data and I find the join is wrong.", "three days"],
    ["I spent two weeks digging in the logs.", "two weeks"],
    ["We invested two months in the rewrite.", "two months"],
    ["I put in 20 hours over the weekend to finish it.", "20 hours"],
  ])("marks time the speaker spent on a step as the work's duration: %j", (text, figure) => {
    expect(detectMetrics(text).find((metric) => metric.text.endsWith(figure))).toMatchObject({ durationOfWork: true });
  });

  it.each([
    ["Now the team spends 2 hours on it instead of 2 days.", "2 hours"],
    ["After the fix I spend only 1 hour a week on the report.", "1 hour"],
  ])("keeps time spent after the change, set against before, as an outcome: %j", (text, figure) => {
    expect(detectMetrics(text).find((metric) => metric.text === figure)).toMatchObject({ durationOfWork: false });
  });

  it("does not tell a story that spent days on a step to move its figures into the result", () => {
    const answer =
      "Our sales report is wrong every month and finance complains. I spend three days to dive in the data and I find the join is wrong. I rewrite the query and I test it with the finance team. After that the report is correct and the finance team is happy.";
    const codes = critiqueAnswer("Tell me about a time you solved a problem.", answer).issues.map((issue) => issue.code);
    expect(codes).not.toContain("NUMBERS_ONLY_IN_SETUP");
    expect(codes).toContain("NOT_QUANTIFIED");
  });
});
