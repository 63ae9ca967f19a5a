import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBankFiles } from "../../src/bank/index.js";
import { jsonArrayElementLines } from "../../src/bank/json-array-element-lines.js";

const parse = (text: string) => parseBankFiles([{ path: "bank.json", bytes: Buffer.from(text), sha256: "test" }]);

describe("JSON bank source lines", () => {
  it("a one-line bank puts every story on line 1", () => {
    const { stories } = parse(JSON.stringify({ stories: [{ title: "A", text: "I did a thing." }, { title: "B", text: "I did another." }] }));
    expect(stories.map((story) => [story.source.startLine, story.source.endLine])).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  it("a hand-formatted bank gives each story the lines its object spans, braces and quotes in text included", () => {
    const text = [
      "{",
      '  "owner": "stories {are} here [not]",',
      '  "stories": [',
      '    { "title": "Cut the bill", "text": "I said \\"no\\" to {more} spend." },',
      "    {",
      '      "title": "Fixed the pager",',
      '      "situation": "Pages were lost.",',
      '      "action": "I traced it ] to DST."',
      "    },",
      '    { "title": "", "text": "skipped: empty title" }',
      "  ]",
      "}",
    ].join("\n");
    const { stories, warnings } = parse(text);
    expect(stories.map((story) => [story.title, story.source.startLine, story.source.endLine])).toEqual([
      ["Cut the bill", 4, 4],
      ["Fixed the pager", 5, 9],
    ]);
    expect(warnings.find((warning) => warning.code === "JSON_STORY_INVALID")?.line).toBe(10);
  });

  it("finds one range per element of any valid JSON array, in order", () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 6 }), fc.boolean(), (elements, pretty) => {
        const text = JSON.stringify({ before: { stories: [1] }, stories: elements }, null, pretty ? 2 : undefined);
        const ranges = jsonArrayElementLines(text, "stories");
        expect(ranges).toHaveLength(elements.length);
        for (const range of ranges) expect(range.endLine).toBeGreaterThanOrEqual(range.startLine);
      }),
      { numRuns: 300 },
    );
  });
});
