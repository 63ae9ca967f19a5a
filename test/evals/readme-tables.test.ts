import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A Markdown table whose delimiter row has more or fewer cells than its header is not rendered as a table at all.
describe("README tables", () => {
  it("give every table's delimiter row as many cells as its header", () => {
    const lines = readFileSync(path.join(import.meta.dirname, "..", "..", "README.md"), "utf8").split("\n");
    const cells = (line: string) => line.trim().replace(/^\||\|$/g, "").split("|").length;
    const mismatched = lines.flatMap((line, index) =>
      index > 0 && /^\|(?:\s*:?-+:?\s*\|)+\s*$/.test(line) && cells(line) !== cells(lines[index - 1]!) ? [`line ${index + 1}: ${lines[index - 1]}`] : [],
    );
    expect(mismatched).toEqual([]);
  });
});
