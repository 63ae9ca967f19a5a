import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBank, parseBankFiles } from "../../src/bank/index.js";

function parse(json: string, name = "bank.json") {
  return parseBankFiles([{ path: name, bytes: Buffer.from(json, "utf8"), sha256: "x" }]);
}

// One element per line, so element n (from 0) sits on line n + 2.
const EXPORTED = `{"stories": [
 {"title": "Cut CI time", "question": null, "situation": "CI took 48 minutes.", "task": null, "action": "I split the suite across 8 runners.", "result": "19 minutes.", "principles": "Ownership, Are Right, A Lot", "tags": ["ci", "Dive Deep", null], "experience": null},
 {"title": "Same CI", "text": "See \\"Cut CI time\\""},
 {"title": "Tell me about a time you sped something up.", "text": "Same as above"},
 {"title": "Tagged", "text": "I mentored a new grad until she led the next feature.", "tags": "mentoring, Hire and Develop the Best"},
 {"title": "Both", "text": "Same as above", "situation": "Our deploys failed weekly.", "action": "I added a canary.", "result": "No failed deploy since."}
]}`;

describe("JSON banks as exporters write them", () => {
  it("reads null as absent, a principles or tags string as a comma list, and principle names among the tags as principles", () => {
    const bank = parse(EXPORTED);
    expect(bank.stories.map((story) => story.title)).toEqual(["Cut CI time", "Tell me about a time you sped something up.", "Tagged", "Both"]);
    const [ci, , tagged] = bank.stories;
    expect(ci!.question).toBeNull();
    expect(Object.keys(ci!.parts)).toEqual(["situation", "action", "result"]);
    expect(ci!.principles).toEqual(["Ownership", "Are Right, A Lot", "Dive Deep"]);
    expect(ci!.principleSource).toBe("tags");
    expect(ci!.tags).toEqual(["ci"]);
    expect(tagged!.principles).toEqual(["Hire and Develop the Best"]);
    expect(tagged!.tags).toEqual(["mentoring"]);
    expect(bank.warnings.filter((warning) => warning.code === "JSON_STORY_INVALID")).toEqual([]);
  });

  it("treats an entry that only points to a story by name as a pointer; 'Same as above' stays a story", () => {
    const bank = parse(EXPORTED);
    expect(bank.stories[0]!.questions).toEqual(["Same CI"]);
    const pointers = bank.warnings.filter((warning) => warning.code.startsWith("POINTER_"));
    expect(pointers.map((warning) => [warning.code, warning.line])).toEqual([["POINTER_RESOLVED", 3]]);
    // JSON entries have no numbers, and "above" cannot be told apart on one line: such entries are kept, not dropped.
    expect(bank.stories[1]!.title).toBe("Tell me about a time you sped something up.");
    // A story with parts of its own stays a story, whatever its text says.
    expect(bank.stories[3]!.title).toBe("Both");
    expect(bank.stories[3]!.parts.action).toBe("I added a canary.");
  });

  it("keeps 'Same as above' and 'See Q1' entries of a one-line JSON bank, losing no question", () => {
    const bank = parse(`{"stories":[{"title":"Cut CI","text":"Situation: x. Action: I did y. Result: 5% up."},{"title":"Fast Q","question":"Tell me about ownership","text":"See Q1"},{"title":"Fast R","text":"Same as above."},{"title":"Fast S","question":"Tell me about speed","text":"See \\"Cut CI\\""}]}`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Cut CI", "Fast Q", "Fast R"]);
    expect(bank.stories[1]!.question).toBe("Tell me about ownership");
    expect(bank.stories[0]!.questions).toEqual(["Tell me about speed"]);
    expect(bank.warnings.map((warning) => warning.code)).not.toContain("POINTER_UNRESOLVED");
  });

  it("still skips a story whose title is null or whose part is not text, naming the field", () => {
    const bank = parse(`{"stories": [\n {"title": null, "text": "I did it."},\n {"title": "N", "situation": 5, "action": "I did it."}\n]}`);
    expect(bank.stories).toEqual([]);
    expect(bank.warnings.map((warning) => [warning.code, warning.line, warning.message])).toEqual([
      ["NO_STORIES_IN_FILE", 1, "bank.json: none of its 2 stories could be read."],
      ["JSON_STORY_INVALID", 2, "stories[0] skipped: title: a string is needed, not null."],
      ["JSON_STORY_INVALID", 3, "stories[1] skipped: situation: a string is needed, not 5."],
    ]);
  });

  it("gives JSON advice, not markdown advice, when a JSON bank holds no story", async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "coach-json-advice-"));
    const write = (name: string, text: string) => {
      const file = path.join(folder, name);
      writeFileSync(file, text);
      return file;
    };
    const empty = loadBank([write("empty.json", '{"stories": []}')]);
    await expect(empty).rejects.toMatchObject({ code: "INPUT_EMPTY", message: expect.stringContaining('no stories found (its "stories" list is empty). A JSON bank is {"stories": [{"title": "...", "situation": "..."') });
    await expect(loadBank([write("empty2.json", '{"stories": []}')])).rejects.not.toMatchObject({ message: expect.stringContaining("heading") });
    await expect(loadBank([write("invalid.json", '{"stories": [{"title": "A", "situation": 5}]}')])).rejects.toMatchObject({
      message: expect.stringMatching(/no stories found \(stories\[0\] skipped: situation: a string is needed, not 5\)\. A JSON bank is/),
    });
    await expect(loadBank([write("list.json", '[{"title": "A", "text": "I did it."}]')])).rejects.toMatchObject({
      code: "INPUT_NOT_PARSEABLE",
      message: expect.stringContaining('this file is a bare list: put it under "stories"'),
    });
    await expect(loadBank([write("case.json", '{"Stories": [{"title": "A", "text": "I did it."}]}')])).rejects.toMatchObject({
      message: expect.stringContaining('found "Stories"; the key is "stories", in lower case'),
    });
    // A markdown file with no story keeps the markdown advice.
    await expect(loadBank([write("notes.md", "Just a note to self.\n")])).rejects.toMatchObject({ message: expect.stringContaining("A story is a heading followed by") });
  });

  it("reads a JSON bank saved as .txt even when \"stories\" is not its first key", () => {
    const bank = parse('{"version": 2, "stories": [{"title": "Cut CI time", "situation": "CI took 48 minutes.", "action": "I split it.", "result": "19 minutes."}]}', "export.txt");
    expect(bank.stories.map((story) => story.id)).toEqual(["export-cut-ci-time"]);
  });
});
