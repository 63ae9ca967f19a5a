import { describe, expect, it } from "vitest";
import { decodeBankBytes, parseBankFiles, repairMojibake } from "../../src/bank/index.js";

const STORY = "## Led the launch\n**Situation:** Launch slipped.\n**Action:** I re-planned it.\n**Result:** Shipped 2 weeks later.\n";

describe("decoding bank files", () => {
  it("strips a UTF-8 byte-order mark and normalises CRLF and CR line endings", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(STORY.replace(/\n/g, "\r\n"))]);
    const { text, warnings } = decodeBankBytes(bytes, "bank.md");
    expect(text).toBe(STORY);
    expect(warnings).toEqual([]);
    expect(decodeBankBytes(Buffer.from("a\rb\r\nc"), "x.md").text).toBe("a\nb\nc");
  });

  it("reads UTF-16 with a byte-order mark (little and big endian)", () => {
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(STORY, "utf16le")]);
    expect(decodeBankBytes(little, "bank.md").text).toBe(STORY);
    const big = Buffer.from(little);
    for (let i = 2; i < big.length; i += 2) [big[i], big[i + 1]] = [big[i + 1]!, big[i]!];
    big[0] = 0xfe;
    big[1] = 0xff;
    expect(decodeBankBytes(big, "bank.md").text).toBe(STORY);
  });

  it("reads Windows-1252 text when it is not valid UTF-8, and says so with the first bad line", () => {
    // "I’m proud – résumé" in Windows-1252 on line 2.
    const bytes = Buffer.from([...Buffer.from("line one\n"), 0x49, 0x92, 0x6d, 0x20, 0x70, 0x72, 0x6f, 0x75, 0x64, 0x20, 0x96, 0x20, 0x72, 0xe9, 0x73, 0x75, 0x6d, 0xe9]);
    const { text, warnings } = decodeBankBytes(bytes, "old.txt");
    expect(text).toBe("line one\nI\u2019m proud \u2013 r\u00e9sum\u00e9");
    expect(warnings).toEqual([expect.objectContaining({ code: "DECODED_AS_WINDOWS_1252", line: 2, file: "old.txt" })]);
  });

  it("refuses binary files with a typed error naming the file", () => {
    expect(() => decodeBankBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]), "photo.md")).toThrow(
      expect.objectContaining({ code: "INPUT_BINARY", message: expect.stringContaining("photo.md") }),
    );
  });
});

describe("mojibake repair", () => {
  it("repairs UTF-8 read as Windows-1252", () => {
    expect(repairMojibake("speed over perfection \u00e2\u20ac\u201d why").text).toBe("speed over perfection \u2014 why");
    expect(repairMojibake("it\u00e2\u20ac\u2122s").text).toBe("it\u2019s");
    expect(repairMojibake("caf\u00c3\u00a9 \u00e2\u20ac\u0153quoted\u00e2\u20ac\u009d").text).toBe("caf\u00e9 \u201cquoted\u201d");
  });

  it("leaves real curly quotes, dashes and accents alone", () => {
    const real = "I\u2019d say \u201cship it\u201d \u2014 caf\u00e9, na\u00efve, \u00c2ge, \u00e2ge";
    expect(repairMojibake(real)).toEqual({ text: real, repairs: 0 });
  });

  it("warns once per repaired line when parsing a bank", () => {
    const bank = parseBankFiles([{ path: "b.md", bytes: Buffer.from(`## Chose speed \u00e2\u20ac\u201d why?\n**Situation:** x.\n**Action:** I did y.\n**Result:** z.\n`), sha256: "x" }]);
    expect(bank.stories[0]!.title).toBe("Chose speed \u2014 why?");
    expect(bank.warnings).toEqual([expect.objectContaining({ code: "MOJIBAKE_REPAIRED", line: 1 })]);
  });

  it("quotes the line's own repair in the warning, not a stock example", () => {
    const bank = parseBankFiles([{ path: "b.md", bytes: Buffer.from(`## Why I don\u00e2\u20ac\u2122t guess\n**Situation:** x.\n**Action:** I did y.\n**Result:** z.\n`), sha256: "x" }]);
    expect(bank.warnings[0]!.message).toContain('"\u00e2\u20ac\u2122" is now "\u2019"');
    expect(bank.warnings[0]!.message).not.toContain("\u2014");
  });
});
