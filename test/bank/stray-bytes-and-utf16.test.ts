import { describe, expect, it } from "vitest";
import { decodeBankBytes, parseBankFiles } from "../../src/bank/index.js";

const STORY = "## Led the launch\n**Situation:** Launch slipped.\n**Action:** I re-planned it.\n**Result:** Shipped 2 weeks later.\n";

// UTF-8 ("—", "“Priya”": the closing quote holds byte 0x9D, which Windows-1252 leaves undefined) with two
// Windows-1252 bytes pasted in on line 3: 0x92 (’) and 0x96 (–).
const MIXED = Buffer.concat([
  Buffer.from("## Mentored a new grad — “Priya”\n**Situation:** A new grad struggled.\n**Action:** I", "utf8"),
  Buffer.from([0x92]),
  Buffer.from("ve paired with her twice a week ", "utf8"),
  Buffer.from([0x96]),
  Buffer.from(" every week.\n**Result:** She led the next feature.\n", "utf8"),
]);

describe("stray Windows-1252 bytes in a UTF-8 file", () => {
  it("reads them as Windows-1252 and keeps the UTF-8 around them, with a warning that says so", () => {
    const bank = parseBankFiles([{ path: "mixed.md", bytes: MIXED, sha256: "x" }]);
    expect(bank.stories.map((story) => story.title)).toEqual(["Mentored a new grad — “Priya”"]);
    expect(bank.stories[0]!.parts.action).toBe("I’ve paired with her twice a week – every week.");
    expect(bank.warnings).toEqual([
      {
        code: "DECODED_AS_WINDOWS_1252",
        message: 'mixed.md is UTF-8 except for 2 bytes that are not (first at line 3: 0x92, read as "’"); read them as Windows-1252. Save the file as UTF-8 to silence this.',
        file: "mixed.md",
        line: 3,
      },
    ]);
  });

  it("keeps verbatim text's offsets: one character per stray byte, line endings untouched", () => {
    const bytes = Buffer.concat([Buffer.from("“Quote”\r\nI", "utf8"), Buffer.from([0x92]), Buffer.from("m done \u2014 ok\r\n", "utf8")]);
    const { text } = decodeBankBytes(bytes, "answer.txt", { verbatim: true });
    expect(text).toBe("“Quote”\r\nI’m done \u2014 ok\r\n");
    // Where U+FFFD stood before, now the character: nothing after it moves.
    const replaced = new TextDecoder().decode(bytes);
    expect(text.length).toBe(replaced.length);
    expect(text.indexOf("done")).toBe(replaced.indexOf("done"));
  });

  it("leaves a file whose strays are not Windows-1252 as it was: replaced, with the same warning", () => {
    const bytes = Buffer.concat([Buffer.from("## Title — x\n", "utf8"), Buffer.from([0x49, 0x81, 0x76, 0x65, 0x0a])]);
    const { text, warnings } = decodeBankBytes(bytes, "odd.md");
    expect(text).toBe("## Title — x\nI\uFFFDve\n");
    expect(warnings.map((warning) => [warning.code, warning.line])).toEqual([["INVALID_BYTES_REPLACED", 2]]);
  });

  it("still reads a file that is Windows-1252 throughout as before", () => {
    const bytes = Buffer.from([...Buffer.from("## Title\n"), 0x49, 0x92, 0x6d, 0x20, 0x96, 0x20, 0x72, 0xe9, 0x73, 0x75, 0x6d, 0xe9, 0x0a]);
    const { text, warnings } = decodeBankBytes(bytes, "old.md");
    expect(text).toBe("## Title\nI’m – résumé\n");
    expect(warnings).toEqual([{ code: "DECODED_AS_WINDOWS_1252", message: "old.md is not valid UTF-8; read it as Windows-1252. Save it as UTF-8 to silence this.", file: "old.md", line: 2 }]);
  });
});

describe("UTF-16 without a byte-order mark", () => {
  it("reads little- and big-endian text that decodes cleanly, saying it had no byte-order mark", () => {
    const little = Buffer.from(STORY, "utf16le");
    const read = decodeBankBytes(little, "bank.md");
    expect(read.text).toBe(STORY);
    expect(read.warnings).toEqual([
      { code: "DECODED_AS_UTF16", message: "bank.md is UTF-16 (utf-16le) without a byte-order mark; read it as such. Save it as UTF-8 to silence this.", file: "bank.md", line: 1 },
    ]);
    const big = Buffer.from(little);
    big.swap16();
    expect(decodeBankBytes(big, "bank.md").text).toBe(STORY);
    expect(parseBankFiles([{ path: "bank.md", bytes: big, sha256: "x" }]).stories.map((story) => story.title)).toEqual(["Led the launch"]);
  });

  it("refuses one that does not decode cleanly, saying what it looks like and how to fix it", () => {
    const cut = Buffer.from(STORY, "utf16le").subarray(0, 41);
    expect(() => decodeBankBytes(cut, "cut.md")).toThrow(
      expect.objectContaining({ code: "INPUT_BINARY", message: expect.stringContaining("cut.md looks like UTF-16 (little-endian) without a byte-order mark") }),
    );
    expect(() => decodeBankBytes(cut, "cut.md")).toThrow(/save it as UTF-8/);
  });

  it("still calls other files with zero bytes binary", () => {
    expect(() => decodeBankBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x00, 0x00, 0x0d, 0x49, 0x48]), "photo.md")).toThrow(
      expect.objectContaining({ code: "INPUT_BINARY", message: "photo.md looks like a binary file, not a markdown, text or JSON story bank." }),
    );
  });
});
