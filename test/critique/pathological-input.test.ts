import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";

// Each of these took from 25 s to minutes (and blocked the HTTP server) when a pattern backtracked on it.
// The bound is a wide guard against that, not a speed goal: all of them now take well under a second.
describe("critique of pathological answers", () => {
  const cases: Array<[string, string]> = [
    ["a run of 34 '#' before the text", `${"#".repeat(34)} 1 I rewrote the deploy script.`],
    ["'really' said 30 times before a lesson", `I rewrote the deploy script and added retries to every step. I ${"really ".repeat(30)}wanted it to stay fixed.`],
    ["150,000 slashes inside one word", `I fixed ${"/".repeat(150_000)} it.`],
    ["100,000 spaces after a sentence", `I fixed it.${" ".repeat(100_000)}It worked.`],
    ["100,000 spaces inside a sentence", `I fixed it${" ".repeat(100_000)}then it worked.`],
    ["a label word then 100,000 spaces", `Result:${" ".repeat(100_000)}x`],
    ["a figure followed by 150,000 commas", `I cut costs by 40${",".repeat(150_000)} percent.`],
    // Whitespace other than spaces and tabs: each took minutes at 150,000 characters.
    ["150,000 em spaces inside a sentence", `I fixed${"\u2003".repeat(150_000)}the outage`],
    ["75,000 space and line-break pairs", `I fixed it.${" \n".repeat(75_000)}Result: it worked.`],
    ["a word, 75,000 space and line-break pairs, then a dash", `a${" \n".repeat(75_000)}- x`],
    ["a word, 75,000 em space and line-break pairs, then an em dash", `a${"\u2003\n".repeat(75_000)}\u2014 x`],
    ["an unfinished placeholder then 75,000 space and no-break space pairs", `I was hired at Globex. (still need to write${" \u00a0".repeat(75_000)})x`],
  ];
  for (const [name, answer] of cases) {
    it(`finishes quickly: ${name}`, () => {
      const started = performance.now();
      const critique = critiqueAnswer("Tell me about a time you failed", answer);
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(critique.words).toBeGreaterThanOrEqual(2);
      // Offsets and texts are still the answer's own.
      for (const part of Object.values(critique.star)) for (const span of part.spans) expect(answer.slice(span.start, span.end)).toBe(span.text);
    });
  }

  it("reads a long run of spaces as a gap: the parts around it are found as without it", () => {
    const plain = critiqueAnswer("Tell me about a time you failed", "I skipped the load test. The launch failed. I learned to always load test.");
    const spaced = critiqueAnswer("Tell me about a time you failed", `I skipped the load test.${" ".repeat(5_000)}The launch failed. I learned to always load test.`);
    expect(Object.fromEntries(Object.entries(spaced.star).map(([part, value]) => [part, value.present]))).toEqual(Object.fromEntries(Object.entries(plain.star).map(([part, value]) => [part, value.present])));
  });
});
