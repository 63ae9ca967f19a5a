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

  it("parses quickly with other long whitespace: em spaces in a markdown line, tabs escaped in a JSON bank", () => {
    const markdown = `## 1. Fixed the outage\n**Situation:** a${"\u2003".repeat(150_000)}b\n**Action:** I rewrote it.\n**Result:** cut 40%.\n`;
    const json = JSON.stringify({ stories: [{ title: "Fixed the outage", situation: `Same incident as #${"\t".repeat(150_000)}x a${" \n".repeat(40_000)}- x`, action: "I rewrote it.", result: "Errors fell 40%." }] });
    const started = performance.now();
    const parsed = [parseBankFiles([{ path: "emsp.md", bytes: Buffer.from(markdown), sha256: "a" }]), parseBankFiles([{ path: "tabs.json", bytes: Buffer.from(json), sha256: "b" }])];
    // A wide guard against quadratic patterns (each took one to two minutes), not a speed goal.
    expect(performance.now() - started).toBeLessThan(5_000);
    for (const { stories } of parsed) {
      expect(stories).toHaveLength(1);
      expect(stories[0]!.parts.action).toBe("I rewrote it.");
    }
    // As "a b" reads without the run (the parser ends a part with a full stop).
    expect(parsed[0]!.stories[0]!.parts.situation).toBe("a b.");
  });
});
