import { describe, expect, it } from "vitest";
import { parseText } from "../support/parse-text.js";

const parse = parseText;

const BANK = `# Stories

## 1. Cut the build time

**Situation:** Our CI took 40 minutes per push.
**Action:** I cached dependencies and split the test suite.
**Result:** Builds take 9 minutes.

## 2. Same as story 1, but open with the cost of waiting

## 3. Talked a customer out of leaving

**Situation:** Our largest customer gave notice over missed SLAs.
**Action:** I flew out and walked them through a fix plan.
**Result:** They renewed for two years.

## 4. Scaled the on-call rota

## 5. Mentoring

See story 3.
`;

describe("a heading that is itself a pointer, and empty headings", () => {
  it("folds a heading that points at another story into it, with no question added, and says so", () => {
    const bank = parse(BANK);
    expect(bank.stories.map((story) => story.id)).toEqual(["bank-cut-the-build-time", "bank-talked-a-customer-out-of-leaving"]);
    expect(bank.headings.filter((heading) => heading.kind === "pointer").map((heading) => [heading.line, heading.text])).toEqual([
      [9, "Same as story 1, but open with the cost of waiting"],
      [19, "Mentoring"],
    ]);
    // A body pointer adds its heading to the story's questions; a pointer heading is a note, not a question.
    expect(bank.stories.map((story) => story.questions)).toEqual([[], ["Mentoring"]]);
    expect(bank.warnings.find((warning) => warning.line === 9)).toEqual({
      code: "POINTER_RESOLVED",
      message:
        '"Same as story 1, but open with the cost of waiting" points to number 1 ("Cut the build time", line 3); it is a heading with nothing under it, so it is read as a note on that story rather than a story of its own.',
      file: "bank.md",
      line: 9,
    });
  });

  it("reports an empty heading among stories instead of dropping it silently", () => {
    const bank = parse(BANK);
    expect(bank.warnings.filter((warning) => warning.code === "EMPTY_STORY")).toEqual([
      {
        code: "EMPTY_STORY",
        message: '"Scaled the on-call rota" (line 17) has nothing under it, so it is not a story. Write the story under it, or point it at one ("Same as story 2.").',
        file: "bank.md",
        line: 17,
      },
    ]);
    // A heading over a table of stories is not empty; a principle heading beside stories is a section.
    const tabled = parse(`## Ownership

## First draft

## More stories

| Story | Situation | Action | Result |
|---|---|---|---|
| Cut costs | The bill doubled. | I rightsized the databases. | It fell 38%. |

## Empty one

## Another empty one
`);
    expect(tabled.warnings).toEqual([
      {
        code: "EMPTY_STORY",
        message:
          '"First draft" (line 3) has nothing under it, so it is not a story (nor are 2 more headings with nothing under them: lines 11, 13). Write the story under it, or point it at one ("Same as story 2.").',
        file: "bank.md",
        line: 3,
      },
    ]);
  });
});
