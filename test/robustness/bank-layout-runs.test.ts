import { describe, expect, it } from "vitest";
import { parseBankFiles } from "../../src/bank/index.js";

// The parts of a bank file read before its stories (front matter, HTML comments, indented blocks, sub-heading names,
// heading numbers) stay fast on long runs of one character, like every other text-reading entry point.
const RUNS = [" ", "\t", "\n", " \n", "#", "*", "-", "—", ":", "<!--", "-->", "(", "1 ", "a", "really "];
const LENGTH = 60_000;
const BOUND_MS = 3_000;

function layouts(run: string): Array<[string, string]> {
  const long = run.repeat(Math.ceil(LENGTH / run.length));
  const story = "**Situation:** It broke.\n**Action:** I fixed it.\n**Result:** It works.\n";
  return [
    ["bank.md", `---\ntitle: ${long}\ntags: [${long}]\n${long}: x\n---\n${story}`],
    ["bank.md", `---\n${long}\n---\n${story}`],
    ["bank.md", `## A story\n${story}<!--${long}\n## Next\n${story}`],
    ["bank.md", `## A story\n${story}<!--${long}-->${long}<!--\n`],
    ["bank.md", `## A story\n\n    Situation: ${long}\n    Result: ${long}\n`],
    ["bank.txt", `STORY 1 - A STORY\n\n    Situation: ${long}\n`],
    ["bank.md", `## A story\n${story}### ${long} version\n${long}\n### Notes (${long}\n`],
    ["bank.md", `## 3${long}AM\n${story}## Q3${long}: Title\n${story}`],
  ];
}

describe("bank layout reading stays fast on long runs of any character", () => {
  for (const run of RUNS) {
    it(`runs of ${JSON.stringify(run)}`, () => {
      const slow: string[] = [];
      for (const [name, text] of layouts(run)) {
        const started = performance.now();
        parseBankFiles([{ path: name, bytes: Buffer.from(text), sha256: "x" }]);
        const ms = performance.now() - started;
        if (ms > BOUND_MS) slow.push(`${name} ${JSON.stringify(text.slice(0, 30))}: ${Math.round(ms)} ms`);
      }
      expect(slow).toEqual([]);
    });
  }
});
