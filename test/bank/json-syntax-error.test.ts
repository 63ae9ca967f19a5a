import { describe, expect, it } from "vitest";
import { parseJsonBank } from "../../src/bank/parse-json-bank.js";
import { findJsonSyntaxError } from "../../src/bank/json-syntax-error.js";
import { InputError } from "../../src/errors/index.js";

const BANK = '{"stories": [\n  {"title": "Cut CI time", "text": "I split the tests.\\nCI fell to 18 minutes \\u2014 from 40."},\n  {"title": "Mentored", "principles": ["Hire and Develop the Best"], "situation": "A new grad joined.", "result": "She led a review.", "n": -1.5e3, "ok": true, "none": null}\n]}\n';

describe("a JSON bank that is not valid JSON", () => {
  it("is reported at the line and column at fault, which JSON.parse does not name (cut short, trailing comma, single quotes)", () => {
    const cases: Array<[string, string, RegExp]> = [
      // Cut short after line 2: the end of line 2, not line 1, nor the empty line after the last line break.
      ['{"stories": [\n  {"title": "A", "text": "I did x."},\n', "bank.json:2: not valid JSON at column 38", /ends before the JSON does/],
      // A trailing comma on line 3, before the closing bracket on line 4.
      ['{"stories": [\n  {"title": "A", "text": "I did x."},\n  {"title": "B", "text": "I did y."},\n]}\n', "bank.json:3: not valid JSON at column 37", /comma before the closing bracket/],
      ['{"stories": [\n  {"title": \'A\', "text": "x"}\n]}', "bank.json:2: not valid JSON at column 13", /single quote/],
      ['{"stories": [\n  {"title": "A" "text": "x"}\n]}', "bank.json:2: not valid JSON at column 17", /a double quote where "," or "}" should be/],
      ['{"stories": []}\n\nnotes after it\n', "bank.json:3: not valid JSON at column 1", /"n" after the end of the JSON/],
    ];
    for (const [text, where, why] of cases) {
      let message = "";
      try {
        parseJsonBank(text, "bank.json");
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, text).toContain(where);
      expect(message, text).toMatch(why);
      // One line: no excerpt of the file with its line breaks.
      expect(message).not.toContain("\n");
    }
  });

  it("agrees with JSON.parse on which texts are valid, for every cut and one-character change of a bank", () => {
    expect(findJsonSyntaxError(BANK)).toBeNull();
    const variants: string[] = [];
    for (let end = 0; end <= BANK.length; end++) variants.push(BANK.slice(0, end));
    for (let at = 0; at < BANK.length; at++) {
      for (const char of ['"', ",", "}", "]", "'", " ", "\\", "x", "1", "\n"]) variants.push(BANK.slice(0, at) + char + BANK.slice(at + 1));
    }
    for (const text of variants) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      const fault = findJsonSyntaxError(text);
      expect(fault === null, JSON.stringify(text)).toBe(valid);
      if (fault) expect(fault.offset).toBeLessThanOrEqual(text.length);
    }
  });
});

describe("a JSON bank nested deeper than the call stack goes", () => {
  it("is refused as JSON cut short at its last line, not as an internal error", () => {
    // 200,000 brackets: JSON.parse reads them (and finds the file ends too soon); a reader that recursed would overflow.
    const text = `{"stories": [\n  ${"[".repeat(200_000)}\n`;
    let error: unknown;
    try {
      parseJsonBank(text, "deep.json");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe("INPUT_NOT_PARSEABLE");
    expect((error as Error).message).toBe("deep.json:2: not valid JSON at column 200003: the file ends before the JSON does (was it cut short?).");
  });

  it("is valid when closed again, and an error deep inside it is found at its place", () => {
    const depth = 100_000;
    expect(findJsonSyntaxError(`${"[".repeat(depth)}1${"]".repeat(depth)}`)).toBeNull();
    expect(findJsonSyntaxError(`${'{"a":['.repeat(depth)}1,]${"]}".repeat(depth)}`)).toMatchObject({ line: 1, column: depth * 6 + 2, reason: "a comma before the closing bracket: remove it" });
  });

  it("is valid JSON too deep to read when closed again, and said so rather than called invalid", () => {
    const depth = 200_000;
    const text = `{"stories": [{"title": "A", "text": "I led the billing migration."}], "notes": ${"[".repeat(depth)}${"]".repeat(depth)}}`;
    expect(findJsonSyntaxError(text)).toBeNull();
    expect(() => parseJsonBank(text, "deep.json")).toThrow(/^deep\.json: its JSON nests arrays or objects too deeply to read/);
  });
});
