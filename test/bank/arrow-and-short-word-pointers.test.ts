import { describe, expect, it } from "vitest";
import { readPointer } from "../../src/bank/parse-markdown-bank.js";
import type { RegionReading } from "../../src/bank/read-story-region.js";
import { parseText } from "../support/parse-text.js";

const parse = parseText;

const BANK = `# Stories

## 1. Cut CI time in half
**Situation:** Our CI pipeline took 48 minutes.
**Action:** I split the suite across 8 runners.
**Result:** CI went from 48 to 19 minutes.

## 2. Tell me about a time you failed.
**Situation:** In 2022 I owned the rollout of a new pricing page.
**Action:** I skipped the A/B test to hit the date.
**Result:** Conversion fell 12% in a week; I rolled back.

## 3. Describe a bad launch.
→ Q2

## 4. Tell me about a time you simplified something.
-> Q1

## 5. Tell me about a time you sped up a team.
See the CI story above.

## 6. Tell me about a time you took a risk.
- => Q2

## 7. Tell me about a time you used data.
→ [[Cut CI time in half]]

## 8. Tell me about a time you went further.
See the CI story above for the setup. After that I kept going: I moved our flaky integration tests into a nightly job, I wrote a guide for the team, and I added a dashboard that tracked build times per branch. We cut another 4 minutes and merged twice as often.

## 9. Tell me about a time you pushed for quality.
-> Q1, but stress the data angle and the dashboards.
`;

describe("arrow pointers and pointers that describe a story in a short word", () => {
  it("reads '→ Q2', '-> Q1', '- => Q2' and '→ [[Title]]' alone in an entry as pointers, and 'See the CI story above.' as the CI story", () => {
    const bank = parse(BANK);
    expect(bank.stories.map((story) => [story.title, `${story.source.startLine}-${story.source.endLine}`])).toEqual([
      ["Cut CI time in half", "3-6"],
      ["Tell me about a time you failed.", "8-11"],
      // Mentioning "the CI story above" in a story of its own does not make it a pointer.
      ["Tell me about a time you went further.", "28-29"],
    ]);
    expect(bank.stories[0]!.questions).toEqual(["Tell me about a time you simplified something.", "Tell me about a time you sped up a team.", "Tell me about a time you used data."]);
    expect(bank.stories[1]!.questions).toEqual(["Tell me about a time you failed.", "Describe a bad launch.", "Tell me about a time you took a risk."]);
    expect(bank.warnings.map((warning) => [warning.code, warning.line])).toEqual([
      ["POINTER_RESOLVED", 13],
      ["POINTER_RESOLVED", 16],
      ["POINTER_RESOLVED", 19],
      ["POINTER_RESOLVED", 22],
      ["POINTER_RESOLVED", 25],
      // An arrow in a longer note is not a pointer.
      ["SKIPPED_PROSE", 31],
    ]);
    expect(bank.warnings.find((warning) => warning.line === 19)!.message).toBe(
      '"Tell me about a time you sped up a team." points to "the CI story" ("Cut CI time in half", line 3); its question now finds that story too.',
    );
  });

  it("reads '=> Q12' to the twelfth story, and an arrow entry under a plain 'Q2:' line in a file with no headings", () => {
    const bank = parse(`Q1: Tell me about a time you failed.
Situation: In 2022 I owned the rollout of a new pricing page.
Action: I skipped the A/B test to hit the date.
Result: Conversion fell 12% in a week; I rolled back.

Q2: Describe a bad launch.
→ Q1
`, "stories.txt");
    expect(bank.stories.map((story) => [story.title, `${story.source.startLine}-${story.source.endLine}`, story.questions])).toEqual([
      ["Tell me about a time you failed.", "1-4", ["Tell me about a time you failed.", "Describe a bad launch."]],
    ]);
    expect(bank.warnings.map((warning) => [warning.code, warning.line])).toEqual([["POINTER_RESOLVED", 6]]);
    const reading = { words: 2, labelled: false, parts: {}, partsInferred: false } as unknown as RegionReading;
    expect(readPointer(reading, "=> Q12")).toEqual({ number: 12, title: null, description: null, section: null, direction: null });
    expect(readPointer(reading, "-> story #3.")).toEqual({ number: 3, title: null, description: null, section: null, direction: null });
    expect(readPointer(reading, '→ "Cut CI time in half"')).toEqual({ number: null, title: "Cut CI time in half", description: null, section: null, direction: null });
    expect(readPointer(reading, "-> Q1 then the dashboards")).toBeNull();
  });

  it("stays fast on long runs after an arrow", () => {
    const reading = { words: 2, labelled: false, parts: {}, partsInferred: false } as unknown as RegionReading;
    for (const run of [" ", "1", "#", "[", "]", "\"", "->", "→ "]) {
      const long = run.repeat(Math.ceil(60_000 / run.length));
      const started = performance.now();
      for (const text of [`→ ${long}Q1`, `-> ${long}`, `=> [[${long}]]`, `→ "${long}`, `- ${long}-> Q1`]) readPointer(reading, text);
      expect(performance.now() - started, JSON.stringify(run)).toBeLessThan(3_000);
    }
  });
});
