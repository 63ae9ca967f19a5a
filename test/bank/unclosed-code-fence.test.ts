import { describe, expect, it } from "vitest";
import { cpuSeconds, parseText } from "../support/parse-text.js";

const STORY_B = `# Cut deploy time
**Situation:** Deploys took an hour.
**Action:** I split the pipeline and cached the images.
**Result:** Deploys took 5 minutes.
`;

describe("a code fence the bank never closes", () => {
  it("does not swallow the stories after it: they are read, with a warning naming the fence's line", () => {
    const bank = parseText(`# Sped up the build
**Situation:** Builds took 40 minutes.
\`\`\`
make -j8
**Action:** I cached dependencies.
**Result:** Builds took 9 minutes.

${STORY_B}`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Sped up the build", "Cut deploy time"]);
    expect(bank.stories[1]!.parts).toMatchObject({ action: "I split the pipeline and cached the images.", result: "Deploys took 5 minutes." });
    expect(bank.warnings).toContainEqual(expect.objectContaining({ code: "UNCLOSED_CODE_FENCE", file: "bank.md", line: 3 }));
  });

  it("leaves closed fences, and an unclosed one with no heading after it, as code, without a warning", () => {
    const closed = parseText(`# Sped up the build
**Situation:** Builds took 40 minutes.
\`\`\`bash
# not a heading: a shell comment
make -j8
\`\`\`
**Action:** I cached dependencies.
**Result:** Builds took 9 minutes.

${STORY_B}
~~~
make release
`);
    expect(closed.stories.map((story) => story.title)).toEqual(["Sped up the build", "Cut deploy time"]);
    expect(closed.warnings.map((warning) => warning.code)).not.toContain("UNCLOSED_CODE_FENCE");
  });

  it("stays fast on a file of fences that each leave the next one open", () => {
    const lines: string[] = [];
    for (let length = 2000; length >= 3; length--) lines.push("`".repeat(length), "# Heading", "~".repeat(length), "# Heading");
    expect(cpuSeconds(() => parseText(lines.join("\n")))).toBeLessThan(5);
  });
});
