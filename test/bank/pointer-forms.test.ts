import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBank, parseBankFiles } from "../../src/bank/index.js";
import { readPointer } from "../../src/bank/parse-markdown-bank.js";
import type { RegionReading } from "../../src/bank/read-story-region.js";
import { parseText } from "../support/parse-text.js";

const parse = parseText;

const BANK = `# Stories

## 1. Cut CI time in half
**Situation:** Our CI pipeline took 48 minutes.
**Action:** I split the suite across 8 runners.
**Result:** CI went from 48 to 19 minutes.

## 2. Tell me about a time you improved a process.
Ditto

## 3. Tell me about a time you simplified something.
same as 1

## 4. Tell me about a time you saved time.
Same story as 1 (CI speedup).

## 5. Tell me about a time you delivered fast.
See: Q1

## 6. Tell me about a time you reused work.
Reuse story 1.

## 7. Tell me about a time you dove deep.
Covered in Q1.

## 8. Tell me about a time you used data.
See [[Cut CI time in half]]

## 9. Tell me about a time you cut waste.
See [Cut CI time in half](#1-cut-ci-time-in-half)

## 10. Tell me about a time you were wrong.
Same answer as Q2.

## 11. Tell me about a time you went in circles.
See Q12

## 12. Tell me about a time you looped.
See Q11

## 13. Tell me about a time you planned capacity.
Use 2 runners per suite, then explain the cache.

## 14. Tell me about a time you read the docs.
See [the vendor docs](https://example.com/ci)
`;

describe("pointer entries written in other ways", () => {
  it("reads Ditto, bare numbers, 'See: Q1', 'Reuse story 1', 'Covered in Q1' and Obsidian and markdown links as pointers", () => {
    const bank = parse(BANK);
    expect(bank.stories.map((story) => story.title)).toEqual(["Cut CI time in half"]);
    expect(bank.stories[0]!.questions).toEqual([
      "Tell me about a time you improved a process.",
      "Tell me about a time you simplified something.",
      "Tell me about a time you saved time.",
      "Tell me about a time you delivered fast.",
      "Tell me about a time you reused work.",
      "Tell me about a time you dove deep.",
      "Tell me about a time you used data.",
      "Tell me about a time you cut waste.",
      "Tell me about a time you were wrong.",
    ]);
    expect(bank.warnings.map((warning) => [warning.code, warning.line])).toEqual([
      ["POINTER_RESOLVED", 8],
      ["POINTER_RESOLVED", 11],
      ["POINTER_RESOLVED", 14],
      ["POINTER_RESOLVED", 17],
      ["POINTER_RESOLVED", 20],
      ["POINTER_RESOLVED", 23],
      ["POINTER_RESOLVED", 26],
      ["POINTER_RESOLVED", 29],
      ["POINTER_RESOLVED", 32],
      ["POINTER_UNRESOLVED", 35],
      ["POINTER_UNRESOLVED", 38],
      // Not pointers: a number that is part of a sentence, and a link to a web page.
      ["SKIPPED_PROSE", 41],
      ["SKIPPED_PROSE", 44],
    ]);
    expect(bank.headings.filter((heading) => heading.kind === "pointer")).toHaveLength(11);
  });

  it("follows a pointer to a pointer, and stops at a loop instead of going round", () => {
    const bank = parse(BANK);
    const chained = bank.warnings.find((warning) => warning.line === 32)!;
    expect(chained.message).toBe(
      '"Tell me about a time you were wrong." points to number 2, "Tell me about a time you improved a process." (a pointer itself), which leads to "Cut CI time in half" (line 3); its question now finds that story too.',
    );
    const looped = bank.warnings.find((warning) => warning.line === 35)!;
    expect(looped.message).toBe(
      '"Tell me about a time you went in circles." points to number 12, "Tell me about a time you looped." (a pointer itself), and the pointers lead back to themselves without reaching a story; it was skipped.',
    );
  });

  it("takes 'Same as above' after a pointer to that pointer's story, and leaves 'Same as above' after a story as it was", () => {
    const bank = parse(`## 1. Cut CI time
**Situation:** CI took 48 minutes. **Action:** I split the suite. **Result:** 19 minutes.

## 2. Mentored a new grad
**Situation:** A new grad struggled. **Action:** I paired with her. **Result:** She led a feature.

## 3. Tell me about a time you sped things up.
See Q1

## 4. Tell me about a time you went faster.
Same as above.

## 5. Tell me about a time you coached someone.
**Situation:** A new hire. **Action:** I taught him. **Result:** He shipped.

## 6. Tell me about a time you developed someone.
Same as above.
`);
    expect(bank.stories.map((story) => [story.title, story.questions])).toEqual([
      ["Cut CI time", ["Tell me about a time you sped things up.", "Tell me about a time you went faster."]],
      ["Mentored a new grad", []],
      ["Tell me about a time you coached someone.", ["Tell me about a time you coached someone.", "Tell me about a time you developed someone."]],
    ]);
  });
});

// Pointer patterns run only on short entries, but a word can be 60,000 characters long.
const RUNS = [" ", "a", "1", "[", "]", "#", "|", ":", "(", "\u2003"];
const SHAPES = (long: string) => [`See: ${long}Q1`, `See [[${long}]]`, `See [[a#${long}|b]]`, `See [${long}](#x)`, `See [a](${long})`, `Same as ${long}1`, `Ditto ${long}`, `Covered in ${long}Q1`, `same story as ${long}`];
// What a short unlabelled entry reads as: the patterns are what is timed.
const SHORT_ENTRY = { words: 2, labelled: false, parts: {}, partsInferred: false } as unknown as RegionReading;

describe("pointer patterns stay fast on long runs", () => {
  for (const run of RUNS) {
    it(`runs of ${JSON.stringify(run)}`, () => {
      const long = run.repeat(Math.ceil(60_000 / run.length));
      for (const text of SHAPES(long)) {
        const started = performance.now();
        readPointer(SHORT_ENTRY, text, text);
        parseBankFiles([{ path: "bank.json", bytes: Buffer.from(JSON.stringify({ stories: [{ title: "A story", text }] })), sha256: "x" }]);
        expect(performance.now() - started, text.slice(0, 30)).toBeLessThan(3_000);
      }
    });
  }
});

describe("a described pointer with a place and no noun", () => {
  it("'same as the payments outage above.' after a bold title folds into the story it describes", () => {
    const bank = parse(`## Bias for Action

**Hotfix during the outage**
At 2 a.m. our payments API started returning 500s and the on-call lead was unreachable. I rolled back the last deploy myself, posted in the incident channel, and paged the database team. Service came back in 12 minutes and we avoided about $40k in lost orders.

**Biggest mistake** - same as the payments outage above.
`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Hotfix during the outage"]);
    expect(bank.stories[0]!.questions).toContain("Biggest mistake");
    expect(bank.warnings.map((warning) => warning.code)).toContain("POINTER_RESOLVED");
    expect(bank.warnings.map((warning) => warning.code)).not.toContain("SKIPPED_PROSE");
  });
});

describe("a bank of nothing but pointer entries", () => {
  const write = (text: string) => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "coach-pointers-only-")), "mine.md");
    writeFileSync(file, text);
    return file;
  };

  it("is refused saying its entries point at stories that are not in it, naming the first two", async () => {
    const file = write("## Ownership\n\n### 1. Took ownership\n*(See Q92)*\n\n### 2. Failure story\nSame as #1.\n\n### 3. Conflict\nSee the CI story above.\n");
    await expect(loadBank([file])).rejects.toMatchObject({
      code: "INPUT_EMPTY",
      message: `${file}: no stories found: every entry is a pointer to a story that is not in the bank ("Took ownership", line 3; "Failure story", line 6; and 1 more). Write out the stories they point to (a heading followed by Situation/Task/Action/Result text), or give the file that holds them too.`,
    });
  });

  it("says 'its pointer entry' beside skipped notes, and keeps the heading advice for a bank with no pointer", async () => {
    const withNotes = write("## 1. Took ownership\nSee Q92\n\n## Tips\nKeep it short and always quantify your results.\n");
    await expect(loadBank([withNotes])).rejects.toMatchObject({ message: expect.stringContaining('no stories found: its pointer entry points to a story not in the bank ("Took ownership", line 1).') });
    const notes = write("## Tips\nKeep it short and always quantify your results.\n");
    await expect(loadBank([notes])).rejects.toMatchObject({ message: `${notes}: no stories found. A story is a heading followed by Situation/Task/Action/Result text (see coach stories --help).` });
  });
});

describe("a described pointer followed by advice, among stories that share its word", () => {
  const bank = `# Stories

## Usage-Based Pricing Migration
**Situation:** Our flat pricing lost money on heavy accounts.
**Task:** I owned the pricing workstream.
**Action:** I modelled 14 months of usage and ran customer interviews with twelve admins.
**Result:** Revenue per account rose 11%.

## Saving Helix Logistics
**Situation:** During the usage-based pricing migration, Helix saw their bill rise 38% on the preview page.
**Task:** I owned the response.
**Action:** I met their COO and offered a usage cap.
**Result:** They renewed for two years.

## Pricing again
Same as the pricing story above, but lead with the customer interviews.
`;

  it("reads 'Same as the pricing story above, but lead with ...' as a pointer, not as a note to skip", () => {
    const parsed = parse(bank);
    expect(parsed.stories).toHaveLength(2);
    expect(parsed.warnings.map((warning) => warning.code)).toContain("POINTER_RESOLVED");
    expect(parsed.warnings.map((warning) => warning.code)).not.toContain("SKIPPED_PROSE");
  });

  it("folds into the story whose title holds the described word, not the nearer story that mentions it in passing", () => {
    const parsed = parse(bank);
    const pricing = parsed.stories.find((story) => story.title === "Usage-Based Pricing Migration")!;
    const helix = parsed.stories.find((story) => story.title === "Saving Helix Logistics")!;
    expect(pricing.questions).toContain("Pricing again");
    expect(helix.questions).not.toContain("Pricing again");
  });
});

describe("a described pointer two stories fit equally", () => {
  it("folds into the nearer and names the other, so the user can point at it by title", () => {
    const parsed = parse(`# Stories

## Usage-Based Pricing Migration
**Situation:** Our flat pricing lost money on heavy accounts.
**Action:** I modelled 14 months of usage.
**Result:** Revenue per account rose 11%.

## Pricing Migration: Winning Back Helix
**Situation:** Helix saw their bill rise 38%.
**Action:** I met their COO and offered a usage cap.
**Result:** They renewed for two years.

## Pricing again
Same as the pricing story above.
`);
    const resolved = parsed.warnings.find((warning) => warning.code === "POINTER_RESOLVED")!;
    expect(parsed.stories.find((story) => story.title.startsWith("Pricing Migration"))!.questions).toContain("Pricing again");
    expect(resolved.message).toContain('"Usage-Based Pricing Migration" (line 3) fits that description as well');
    expect(resolved.message).toContain('See "Usage-Based Pricing Migration"');
  });

  it("names no other story when only one fits the description", () => {
    const parsed = parse(`# Stories

## Usage-Based Pricing Migration
**Situation:** Our flat pricing lost money on heavy accounts.
**Action:** I modelled 14 months of usage.
**Result:** Revenue per account rose 11%.

## Winning Back Helix
**Situation:** Helix saw their bill rise 38%.
**Action:** I met their COO and offered a usage cap.
**Result:** They renewed for two years.

## Pricing again
Same as the pricing story above.
`);
    const resolved = parsed.warnings.find((warning) => warning.code === "POINTER_RESOLVED")!;
    expect(resolved.message).toContain('("Usage-Based Pricing Migration", line 3)');
    expect(resolved.message).not.toContain("fits that description as well");
  });
});

describe("a described pointer two tellings of one event fit", () => {
  it("names no other story: the other telling is the same experience", () => {
    const parsed = parse(`# Stories

## Usage-Based Pricing Migration
Experience: pricing migration
**Situation:** Our flat pricing lost money on heavy accounts.
**Action:** I modelled 14 months of usage.
**Result:** Revenue per account rose 11%.

## Pricing Migration, told for Customer Obsession
Experience: pricing migration
**Situation:** Our flat pricing lost money on heavy accounts, and admins feared surprise bills.
**Action:** I built a price preview page.
**Result:** 68% of admins checked their bill before the switch.

## Pricing again
Same as the pricing story above.
`);
    const resolved = parsed.warnings.find((warning) => warning.code === "POINTER_RESOLVED")!;
    expect(new Set(parsed.stories.map((story) => story.experience)).size).toBe(1);
    expect(resolved.message).toContain('("Pricing Migration, told for Customer Obsession", line 9)');
    expect(resolved.message).not.toContain("fits that description as well");
  });
});

describe("a described pointer's comma (code review)", () => {
  it("ends the pointer only before advice on telling it, not before more of a story", () => {
    const parsed = parse(`# Stories

## Launching the onboarding flow
**Situation:** Sign-ups stalled at the second screen.
**Task:** I owned the launch of a new onboarding flow.
**Action:** I cut the form from nine fields to four.
**Result:** Completion rose 22%.

## Disagreeing with our designer
See the launch story above, where I disagreed with our designer about the progress bar; I ran an A/B test, we shipped her version, and conversion rose 9%.
`);
    const codes = parsed.warnings.map((warning) => warning.code);
    expect(codes).not.toContain("POINTER_RESOLVED");
    expect(codes).not.toContain("POINTER_UNRESOLVED");
    expect(parsed.stories.find((story) => story.title === "Launching the onboarding flow")!.questions).not.toContain("Disagreeing with our designer");
  });
});
