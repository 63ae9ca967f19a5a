import { describe, expect, it } from "vitest";
import { CueScanner, wordMatches } from "../../src/understanding/match-cues.js";
import { loadTaxonomy, OTHER_SENSE, profileText, senseTaggedTerms, tokenize, type Cue } from "../../src/understanding/index.js";

const cue = (phrase: string): Cue => ({ pattern: phrase.split(" "), weight: 1, unless: [], source: phrase, owner: "test", hint: false, context: false });
const scan = (cues: string[], text: string) => new CueScanner(cues.map(cue)).scan(tokenize(text), text).map((match) => `${match.cue.source}@${match.from}`);

describe("cue words", () => {
  it("matches a prefix, a word as written, or one of the forms listed with |", () => {
    expect(["intern", "interns", "internship", "internal", "international", "internet"].map((word) => wordMatches("intern*", word))).toEqual([true, true, true, true, true, true]);
    expect(["intern", "interns", "internship", "internships", "internal", "international", "internet", "inter"].map((word) => wordMatches("intern|interns|internship|internships", word))).toEqual([
      true, true, true, true, false, false, false, false,
    ]);
    // A listed form may itself be a prefix.
    expect(["trace", "traced", "traceability", "tracing", "track", "traction"].map((word) => wordMatches("trace*|tracing", word))).toEqual([true, true, true, true, false, false]);
  });

  it("finds a cue of listed forms once where it matches, whichever form and wherever it starts", () => {
    expect(scan(["intern|interns|internship|internships"], "Our internal tool for interns, and the internship.")).toEqual(["intern|interns|internship|internships@4", "intern|interns|internship|internships@7"]);
    // Forms of which one is a prefix are filed by first letters only, so "failure" is not found twice.
    expect(scan(["fail|failure*"], "I failed; the failure was mine. Failover worked.")).toEqual(["fail|failure*@3"]);
    expect(scan(["track* down", "trace*|tracing"], "I tracked down the leak by tracing calls; we stayed on track.")).toEqual(["track* down@1", "trace*|tracing@6"]);
  });
});

describe("the taxonomy's cues take no word that only starts like one", () => {
  const score = (competency: string, text: string) => profileText(text, "story").competencies.get(competency) ?? 0;

  it("reads an internal tool, an international team or the internet as no mentoring", () => {
    expect(score("mentoring", "I built an internal tool for the international team, and it ran over the internet.")).toBe(0);
    // "interns" alone: weight 1, a story's score 1 - e^(-0.45 * 1).
    expect(score("mentoring", "We took on interns.")).toBeCloseTo(1 - Math.exp(-0.45), 6);
    // "intern" and "interns" are forms of one cue, counted as one cue met twice: 1 + ln 2.
    expect(score("mentoring", "Each intern shipped a feature, and the interns stayed on.")).toBeCloseTo(1 - Math.exp(-0.45 * (1 + Math.log(2))), 6);
  });

  it("reads failover, inventory, different and difficult as no failure, invention or quality", () => {
    expect(score("failure", "The database failover took four minutes.")).toBe(0);
    expect(score("innovation", "We counted the inventory every night.")).toBe(0);
    expect(score("quality", "It was a difficult week with a different vendor.")).toBe(0);
  });

  it("keeps a failover's word one term whatever stands beside it", () => {
    // Under "fail*" a failover beside "test" was another sense of failing ("failov~"); it is no failing at all.
    expect(senseTaggedTerms("The failover test passed.", loadTaxonomy().templateWords)).toEqual(["failov", "test", "pass"]);
    expect(senseTaggedTerms("The failover test passed.", loadTaxonomy().templateWords)).not.toContain(`failov${OTHER_SENSE}`);
  });
});

describe("a cue's exceptions are looked for in its own sentence only", () => {
  // The taxonomy's own cues with exceptions: "retention" (team wellbeing) unless "customer retention" and the like,
  // "fail|failed|..." (failure) unless "test*", "build*" and the like nearby.
  const cues = loadTaxonomy().competencies.flatMap((entry) => entry.cues).filter((one) => one.source === "retention" || one.source.startsWith("fail|"));
  const found = (text: string) => new CueScanner(cues).scan(tokenize(text), text).map((match) => `${match.cue.owner}@${match.from}`);

  it("keeps a cue whose exception sits in the next or the previous sentence", () => {
    expect(found("Engineer retention rose. Customer retention followed.")).toEqual(["team-wellbeing@1"]);
    expect(found("Was engineer retention up? Customer retention was!")).toEqual(["team-wellbeing@2"]);
    expect(found("Engineer retention rose\nCustomer retention followed")).toEqual(["team-wellbeing@1"]);
    expect(found("The nightly tests passed. I failed the team.")).toEqual(["failure@5"]);
  });

  it("still rules a cue out by an exception in its own sentence", () => {
    expect(found("Customer retention rose.")).toEqual([]);
    expect(found("Engineer retention rose, and so did customer retention.")).toEqual([]);
    expect(found("I failed the team. The nightly tests failed too.")).toEqual(["failure@1"]);
  });

  it("reads no sentence end in an abbreviation or a decimal", () => {
    expect(found("The tests, e.g. the nightly ones, failed.")).toEqual([]);
    expect(found("The tests ran 3.5 hours and failed.")).toEqual([]);
  });
});
