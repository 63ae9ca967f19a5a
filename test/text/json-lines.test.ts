import { describe, expect, it } from "vitest";
import { z } from "zod";
import { InputError } from "../../src/errors/index.js";
import { parseJsonLines } from "../../src/text/index.js";

const Schema = z.object({ id: z.string(), n: z.number() });

describe("parseJsonLines", () => {
  it("reads each line against the schema and skips blank lines", () => {
    expect(parseJsonLines('{"id": "a", "n": 1}\n\n  \n{"id": "b", "n": 2}\n', Schema, "x.jsonl", "a case")).toEqual([
      { id: "a", n: 1 },
      { id: "b", n: 2 },
    ]);
  });

  it("names the file and line of a line that is not JSON", () => {
    const run = () => parseJsonLines('{"id": "a", "n": 1}\n{"id": "b", n: 2}', Schema, "x.jsonl", "a case");
    expect(run).toThrow(InputError);
    expect(run).toThrow(/^x\.jsonl:2: not valid JSON/);
  });

  it("names the line and the field of a line of the wrong shape", () => {
    expect(() => parseJsonLines('\n{"id": "a", "n": "one"}', Schema, "x.jsonl", "a case")).toThrow(/^x\.jsonl:2: not a case \(n: /);
  });
});
