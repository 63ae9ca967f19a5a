import { describe, expect, it } from "vitest";
import { enforceNoInvention } from "../../src/critique/index.js";

const check = (text: string, sources: string[]) => enforceNoInvention(text, sources).text;

describe("never inventing figures: digits of any script", () => {
  it("reads full-width, Arabic-Indic, Devanagari and mathematical digits as the figures they are", () => {
    const sources = ["Errors fell 50% in 3 weeks."];
    for (const same of ["Errors fell ５０% in ３ weeks.", "Errors fell ٥٠٪ in ٣ weeks.", "Errors fell ५० percent in ३ weeks.", "Errors fell ５０％ in 𝟑 weeks."]) {
      expect(check(same, sources)).toBe(same);
    }
    expect(check("Errors fell ６０% in ４ weeks.", sources)).toBe("Errors fell [X%] in [timeframe].");
    expect(check("Errors fell ٦٠٪.", sources)).toBe("Errors fell [X%].");
    expect(enforceNoInvention("Errors fell ６０%.", sources).replacements).toEqual([{ original: "６０%", placeholder: "[X%]" }]);
  });

  it("reads the candidate's own figures in those digits too", () => {
    expect(check("Errors fell 50%; you saved $1,200.", ["Errors fell ５０％; we saved ＄１，２００."])).toBe("Errors fell 50%; you saved $1,200.");
    expect(check("Errors fell 50%.", ["Errors fell ٥٠٪."])).toBe("Errors fell 50%.");
  });
});

describe("never inventing figures: units and counted nouns", () => {
  const engineers = ["We were 5,000 engineers."];

  it("takes no count of people as a source for money, in signs or words", () => {
    expect(check("You saved 5,000 dollars.", engineers)).toBe("You saved [N] dollars.");
    expect(check("You saved $5,000.", engineers)).toBe("You saved [$X].");
    expect(check("You saved five thousand dollars.", engineers)).toBe("You saved [N] dollars.");
    expect(check("You saved 5k dollars and 5,000 USD.", engineers)).toBe("You saved [N] dollars and [N] USD.");
    expect(check("It cost 200 rupees.", ["We were 200 engineers."])).toBe("It cost [N] rupees.");
    expect(check("You saved five thousand dollars.", ["We were five thousand engineers."])).toBe("You saved [N] dollars.");
  });

  it("reads one value however it is written: digits, multipliers and words", () => {
    for (const same of ["You led 5k engineers.", "You led five thousand engineers.", "You led 5 thousand engineers.", "You led 5,000."]) {
      expect(check(same, engineers)).toBe(same);
    }
    const dollars = ["We saved 5,000 dollars."];
    for (const same of ["You saved $5,000.", "You saved 5k dollars.", "You saved five thousand dollars."]) {
      expect(check(same, dollars)).toBe(same);
    }
    expect(check("It took 3 months.", ["It took three months."])).toBe("It took 3 months.");
    expect(check("It took three months.", ["It took 3 months."])).toBe("It took three months.");
    expect(check("We helped a dozen teams.", ["We helped 12 teams."])).toBe("We helped a dozen teams.");
    // Still the same value, never a near one.
    expect(check("You led 5 million engineers.", engineers)).toBe("You led [N] engineers.");
    expect(check("It took three weeks.", ["It took 3 months."])).toBe("It took [timeframe].");
  });

  it("lets a count back a count and a bare number, but not money, time or a percentage, either way", () => {
    const customers = ["We had 1,200 customers."];
    expect(check("You reached 1,200 users.", customers)).toBe("You reached 1,200 users.");
    expect(check("It took 1,200 hours, cost $1,200 and grew 1,200%.", customers)).toBe("It took [timeframe], cost [$X] and grew [X%].");
    const notPeople = ["It cost $1,200, took 1,200 hours and grew 1,200%."];
    expect(check("You reached 1,200 users.", notPeople)).toBe("You reached [N].");
    expect(check("You reached 1,200 customers.", ["We reached 1,200."])).toBe("You reached 1,200 customers.");
  });
});
