import { describe, expect, it } from "vitest";
import { enforceNoInvention } from "../../src/critique/index.js";

const check = (text: string, sources: string[]) => enforceNoInvention(text, sources).text;

describe("never inventing names: a word that is also a name, spoken to where a sentence opens", () => {
  const sources = ["I fixed the bug with my team."];

  it("reads such a word before a comma or colon as a person", () => {
    expect(check("Walker, thanks.", sources)).toBe("[name], thanks.");
    expect(check("Chase: great work.", sources)).toBe("[name]: great work.");
    expect(check("Great answer. Will, Bill and Mark would agree.", sources)).toBe("Great answer. [name], [name] and [name] would agree.");
    expect(check("- Grant: approved the budget.", sources)).toBe("- [name]: approved the budget.");
    expect(enforceNoInvention("Walker, thanks.", sources).replacements).toEqual([{ original: "Walker", placeholder: "[name]" }]);
  });

  it("keeps ordinary words opening a sentence, and words that open sentences before a pause anyway", () => {
    for (const advice of [
      "Will this help? Chase the result. Mark the result clearly.",
      "Good, now add a number. Rather, lead with the result. Key: the number you moved.",
      "Nice, that is specific. Best, your coach",
      "**Key:** lead with the result.\n## Gap: no result",
    ]) {
      expect(check(advice, sources)).toBe(advice);
    }
  });

  it("keeps the person when the candidate wrote the name, and only as a name", () => {
    expect(check("Walker, thanks.", ["Walker reviewed my design."])).toBe("Walker, thanks.");
    expect(check("Walker, thanks.", ["I lent my walker to a friend."])).toBe("[name], thanks.");
  });
});
