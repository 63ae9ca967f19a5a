import { describe, expect, it } from "vitest";
import { formatFromName, safeUploadName } from "../../src/server/upload-bank-name.js";

describe("upload names", () => {
  it("keeps letters, digits, - and _ from any name given, a file name too", () => {
    const cases: Array<[given: string, kept: string]> = [
      ["mine", "mine"],
      ["x.md", "x"],
      ["notes.TXT", "notes"],
      ["bank.json", "bank"],
      ["My stories.md", "My-stories"],
      ["my bank (2).md", "my-bank-2"],
      ["été.md", "ete"],
      ["_notes.md", "notes"],
      ["v1.2 notes.md", "v1-2-notes"],
      ["../../etc/passwd", "etc-passwd"],
      [`${"a".repeat(63)} b`, "a".repeat(63)],
    ];
    for (const [given, kept] of cases) expect(safeUploadName(given), given).toBe(kept);
  });

  it("names a file with none of those characters from a hash of its name, the same each time", () => {
    expect(safeUploadName("日本.md")).toMatch(/^bank-[a-z0-9]+$/);
    expect(safeUploadName("日本.md")).toBe(safeUploadName("日本.md"));
    expect(safeUploadName("中国.md")).not.toBe(safeUploadName("日本.md"));
  });

  it("reads a bank's format from a file name's ending, when it has one", () => {
    expect(["x.json", "x.JSON", "x.md", "x.txt", "x.markdown", "x"].map(formatFromName)).toEqual(["json", "json", "markdown", "markdown", "markdown", undefined]);
  });
});
