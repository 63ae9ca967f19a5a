import { describe, expect, it } from "vitest";
import { parseText } from "../support/parse-text.js";

const STORY = `**Situation:** The build took 40 minutes.
**Action:** I cached the dependencies and split the tests.
**Result:** Builds took 9 minutes.
`;

describe("a story under an empty heading", () => {
  it("is named after its file, never shown with no title, and keeps its id when its text is edited", () => {
    const bank = parseText(`# \n${STORY}`, "build-speed.md");
    expect(bank.stories.map((story) => story.title)).toEqual(["build speed"]);
    const edited = parseText(`# \n${STORY.replace("9 minutes", "8 minutes")}`, "build-speed.md");
    expect(edited.stories[0]!.id).toBe(bank.stories[0]!.id);
  });

  it("is named by its question when it has one", () => {
    const bank = parseText(`## \n**Question:** Tell me about a time you sped something up.\n${STORY}`, "stories.md");
    expect(bank.stories[0]!.title).toBe("Tell me about a time you sped something up.");
  });
});
