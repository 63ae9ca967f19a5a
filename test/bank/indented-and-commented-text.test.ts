import { describe, expect, it } from "vitest";
import { parseText } from "../support/parse-text.js";

const parse = parseText;

describe("indented story text", () => {
  it("reads indented lines of a .txt file as text, not as a code block", () => {
    const bank = parse(
      `STORY 1 - CI SPEEDUP

    Situation: The data team nightly job missed its SLA twice a week.
    Task: I owned the fix.
    Action: I partitioned the largest table by day and moved the join.
    Result: The job finished 3 hours earlier.

STORY 2 - MENTORING

\tSituation: A new grad on my team was struggling with code reviews.
\tTask: Ramp her up within a quarter.
\tAction: I paired with her twice a week.
\tResult: Her PRs averaged 5 comments by quarter end.
`,
      "stories.txt",
    );
    expect(bank.stories.map((story) => [story.title, story.source.startLine, story.source.endLine])).toEqual([
      ["CI SPEEDUP", 1, 6],
      ["MENTORING", 8, 13],
    ]);
    expect(bank.stories[0]!.parts).toEqual({
      situation: "The data team nightly job missed its SLA twice a week.",
      task: "I owned the fix.",
      action: "I partitioned the largest table by day and moved the join.",
      result: "The job finished 3 hours earlier.",
    });
    expect(bank.stories[1]!.partsInferred).toBe(false);
    expect(bank.warnings).toEqual([]);
  });

  it("reads an indented block of labels under a markdown heading as the story", () => {
    const bank = parse(`# Stories

## Indented
    Situation: The data team's nightly job missed its SLA twice a week.
    Task: I owned the fix.
    Action: I partitioned the largest table by day.
    Result: The job finished 3 hours earlier.
`);
    expect(bank.stories).toHaveLength(1);
    expect(bank.stories[0]!.parts).toEqual({
      situation: "The data team's nightly job missed its SLA twice a week.",
      task: "I owned the fix.",
      action: "I partitioned the largest table by day.",
      result: "The job finished 3 hours earlier.",
    });
    expect(bank.warnings).toEqual([]);
  });

  it("keeps fenced code, and indented code in a .md file, as code (unchanged)", () => {
    const bank = parse(`## Sped up the build
**Situation:** Builds took 40 minutes.

    Result: cache = new Map();
    build(cache);

\`\`\`
Result: fenced
\`\`\`

**Action:** I cached dependencies.
**Result:** Builds take 12 minutes.
`);
    expect(bank.stories[0]!.parts.result).toBe("Builds take 12 minutes.");
    // Code lines go with the part above them as they are; a "Result:" inside code opens no part.
    expect(bank.stories[0]!.parts.situation).toContain("Result: cache = new Map();");
    expect(bank.stories[0]!.parts.situation).toContain("Result: fenced.");
  });
});

describe("HTML comments", () => {
  it("leaves a commented-out draft out of the story above it", () => {
    const bank = parse(`# Stories

## Cut CI time in half
**Situation:** Our CI pipeline took 48 minutes.
**Action:** I split the integration suite across 8 runners.
**Result:** CI went from 48 to 19 minutes. <!-- check the number -->

<!--
## Old draft: the Kubernetes migration
**Situation:** We ran 40 services on hand-built VMs.
**Result:** Deploys went from 2 hours to 10 minutes.
-->

## Mentored a new grad
**Situation:** A new grad on my team was struggling with code reviews.
**Action:** I paired with her twice a week.
**Result:** Her PRs averaged 5 comments by quarter end.
`);
    expect(bank.stories.map((story) => [story.title, story.source.startLine, story.source.endLine])).toEqual([
      ["Cut CI time in half", 3, 6],
      ["Mentored a new grad", 14, 17],
    ]);
    expect(bank.stories[0]!.parts.result).toBe("CI went from 48 to 19 minutes.");
    expect(bank.stories[0]!.text).not.toContain("Kubernetes");
    expect(bank.warnings).toEqual([]);
  });

  it("keeps a comment inside fenced code, and text after an unclosed comment (unchanged)", () => {
    const bank = parse(`## Fixed the template
**Situation:** The page template leaked a comment.
\`\`\`
<!-- build: 42 -->
\`\`\`
**Result:** The leak is gone. <!-- not closed
`);
    expect(bank.stories[0]!.text).toContain("<!-- build: 42 -->");
    expect(bank.stories[0]!.parts.result).toBe("The leak is gone. <!-- not closed.");
  });
});
