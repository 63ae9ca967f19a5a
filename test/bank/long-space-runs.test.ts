import { describe, expect, it } from "vitest";
import { parseBankFiles } from "../../src/bank/index.js";

describe("a bank with a long run of spaces", () => {
  it("parses quickly (it took about a minute for 160,000 spaces) and reads the run as one space", () => {
    const text = `# Fixed the nightly job\n\nSituation: The job failed${" ".repeat(160_000)}every night.\nAction: I rewrote the retry logic.\nResult: It has not failed since.\n`;
    const started = performance.now();
    const { stories } = parseBankFiles([{ path: "spaces.md", bytes: Buffer.from(text), sha256: "test" }]);
    // A wide guard against the quadratic pattern, not a speed goal.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(stories).toHaveLength(1);
    expect(stories[0]!.text).not.toMatch(/ {64}/);
    expect(stories[0]!.parts).toEqual({ situation: "The job failed every night.", action: "I rewrote the retry logic.", result: "It has not failed since." });
  });
});
