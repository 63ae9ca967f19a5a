import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBankFiles } from "../../src/bank/index.js";
import { isCoachError } from "../../src/errors/index.js";
import { cpuSeconds } from "../support/parse-text.js";

function parseBytes(bytes: Uint8Array, name = "fuzz.md") {
  return parseBankFiles([{ path: name, bytes: Buffer.from(bytes), sha256: "x" }]);
}

// Either a parsed bank or one of our typed errors: never anything else.
function parsesOrTypedError(bytes: Uint8Array, name?: string): boolean {
  try {
    const bank = parseBytes(bytes, name);
    return Array.isArray(bank.stories) && Array.isArray(bank.warnings);
  } catch (error) {
    if (isCoachError(error)) return true;
    throw error;
  }
}

const markdownPiece = fc.oneof(
  fc.constantFrom("# ", "## ", "### ", "#### ", "**Situation:** ", "Task: ", "A: ", "R: ", "- ", "> ", "```", "---", "*(See Q", "Tags: ", "\n", "\n\n", "\r\n", "\u00e2\u20ac\u201d", "\u2019", "|", "1) ", "**", "__", "Lesson:", "Q: "),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);

describe("parser robustness", () => {
  it("random markdown-like text: stories or typed errors, never a crash", () => {
    fc.assert(
      fc.property(fc.array(markdownPiece, { maxLength: 80 }), (pieces) => parsesOrTypedError(Buffer.from(pieces.join(""), "utf8"))),
      { numRuns: 400 },
    );
  });

  it("random bytes, as markdown and as JSON: stories or typed errors, never a crash", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => parsesOrTypedError(bytes)), { numRuns: 300 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => parsesOrTypedError(bytes, "fuzz.json")), { numRuns: 300 });
  });

  it("random JSON values as a JSON bank: stories or typed errors", () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => parsesOrTypedError(Buffer.from(JSON.stringify({ stories: [value] })), "bank.json")), { numRuns: 200 });
  });

  it("deeply nested lists and quotes do not exhaust the stack", () => {
    const nestedQuotes = `## Deep\n${">".repeat(5000)} Situation: deep\nAction: I went deep.\nResult: still fine.\n`;
    const nestedLists = `## Deeper\n${Array.from({ length: 1000 }, (_, depth) => `${" ".repeat(depth * 2)}- level ${depth}`).join("\n")}\n`;
    const nestedEmphasis = `## Emph\nSituation: ${"**".repeat(20000)}x\n`;
    for (const text of [nestedQuotes, nestedLists, nestedEmphasis]) expect(parsesOrTypedError(Buffer.from(text))).toBe(true);
    expect(parseBytes(Buffer.from(nestedQuotes)).stories).toHaveLength(1);
  });

  it("parses a bank of just under 5 MB in reasonable time and finds all its stories", () => {
    const story = (index: number) =>
      `### ${index}) **Tell me about time number ${index} you delivered.**\n\n**Situation:**  \nThe release for region ${index} was late.\n\n**Action:**\n- I re-planned the work.\n\n**Result:**  \nShipped ${index % 50} days early.\n\n---\n\n`;
    const parts: string[] = [];
    let size = 0;
    let count = 0;
    while (size < 4.9 * 1024 * 1024) {
      const text = story(count++);
      parts.push(text);
      size += Buffer.byteLength(text);
    }
    let bank!: ReturnType<typeof parseBytes>;
    const seconds = cpuSeconds(() => (bank = parseBytes(Buffer.from(parts.join("")))));
    expect(bank.stories).toHaveLength(count);
    expect(seconds).toBeLessThan(60); // a guard against runaway complexity, not a benchmark
  }, 300_000);

  it("a line with no newline, a file of only whitespace, and a lone heading", () => {
    expect(parseBytes(Buffer.from("x".repeat(200_000))).stories).toEqual([]);
    expect(parseBytes(Buffer.from(" \n\t\n")).warnings).toContainEqual(expect.objectContaining({ code: "NO_STORIES_IN_FILE" }));
    expect(parseBytes(Buffer.from("# Only a title")).stories).toEqual([]);
  });
});
