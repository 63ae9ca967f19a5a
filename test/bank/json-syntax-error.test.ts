import { describe, expect, it } from "vitest";
import { parseJsonBank } from "../../src/bank/parse-json-bank.js";
import { findJsonSyntaxError } from "../../src/bank/json-syntax-error.js";

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
