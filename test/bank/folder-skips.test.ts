import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBank } from "../../src/bank/index.js";

const STORY = "## Cut CI time in half\n**Situation:** CI took 48 minutes.\n**Action:** I split the suite across 8 runners.\n**Result:** CI went from 48 to 19 minutes.\n";
const RESUME = '{"basics": {"name": "Sam Rivera"}, "work": [{"name": "Acme", "position": "SWE"}]}';
const BINARY = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);

function folderWith(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), "coach-folder-skips-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), content);
  }
  return folder;
}

describe("a folder with files that are not banks", () => {
  it("skips a JSON file of another kind and a binary .txt with a warning naming each, and reads the rest", async () => {
    const folder = folderWith({ "stories.md": STORY, "resume.json": RESUME, "notes/junk.txt": BINARY });
    const bank = await loadBank([folder]);
    expect(bank.stories.map((story) => story.id)).toEqual(["stories-cut-ci-time-in-half"]);
    const skipped = bank.warnings.filter((warning) => warning.code === "FILE_SKIPPED");
    expect(skipped.map((warning) => [path.basename(warning.file), warning.line])).toEqual([
      ["junk.txt", 1],
      ["resume.json", 1],
    ]);
    expect(skipped[0]!.message).toMatch(/junk\.txt looks like a binary file, not a markdown, text or JSON story bank\. Skipped: the other files were read\.$/);
    expect(skipped[1]!.message).toMatch(/resume\.json: a JSON bank is \{"stories": \[\.\.\.\]\}; it has no "stories" key \(its keys: "basics", "work"\)\. Skipped/);
    // Skipped files are still part of the bank's record, so the index notices when one changes.
    expect(bank.files).toHaveLength(3);
  });

  it("still refuses each of those files given by name, with the same error as before", async () => {
    const folder = folderWith({ "resume.json": RESUME, "junk.txt": BINARY });
    await expect(loadBank([path.join(folder, "resume.json")])).rejects.toMatchObject({ code: "INPUT_NOT_PARSEABLE" });
    await expect(loadBank([path.join(folder, "junk.txt")])).rejects.toMatchObject({ code: "INPUT_BINARY" });
  });

  it("refuses a folder where nothing is a bank, with the first file's own error", async () => {
    const folder = folderWith({ "junk.txt": BINARY, "resume.json": RESUME });
    await expect(loadBank([folder])).rejects.toMatchObject({ code: "INPUT_BINARY", message: expect.stringContaining("junk.txt looks like a binary file") });
    const withEmpty = folderWith({ "empty.md": "", "resume.json": RESUME });
    await expect(loadBank([withEmpty])).rejects.toMatchObject({ code: "INPUT_EMPTY", message: expect.stringMatching(/empty\.md is empty; .* Skipped as not story banks: .*resume\.json\.$/) });
  });

  it("does not skip a JSON bank with a mistake in it: that is the user's bank", async () => {
    const folder = folderWith({ "stories.md": STORY, "more.json": '{"stories": [{"title": "A", "situation": "s",}]}' });
    await expect(loadBank([folder])).rejects.toMatchObject({ code: "INPUT_NOT_PARSEABLE", message: expect.stringContaining("more.json:1: not valid JSON") });
    const shaped = folderWith({ "stories.md": STORY, "more.json": '{"stories": {"title": "A"}}' });
    await expect(loadBank([shaped])).rejects.toMatchObject({ code: "INPUT_NOT_PARSEABLE", message: expect.stringContaining('more.json: a JSON bank is {"stories": [...]}') });
  });
});

describe("an empty bank file", () => {
  it("says it is empty rather than that no story was found", async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "coach-empty-bank-"));
    for (const [name, text] of [["empty.md", ""], ["blank.md", "\n\n   \n"]] as const) {
      const file = path.join(folder, name);
      writeFileSync(file, text);
      await expect(loadBank([file])).rejects.toMatchObject({ code: "INPUT_EMPTY", message: expect.stringContaining(`${name}: the file is empty;`) });
    }
    await expect(loadBank([folder])).rejects.toMatchObject({ code: "INPUT_EMPTY", message: expect.stringContaining("all 2 bank files are empty") });
  });
});

describe("a folder with symbolic links", () => {
  it("reads a linked file and a linked folder as what they point to, lists a folder linked twice or to its parent once, and passes a broken link by", async () => {
    const elsewhere = folderWith({ "kept-elsewhere.md": STORY.replace("Cut CI time in half", "Halved the build"), "more/linked-folder.md": STORY.replace("Cut CI time in half", "Sped up deploys") });
    const folder = folderWith({ "stories.md": STORY });
    symlinkSync(path.join(elsewhere, "kept-elsewhere.md"), path.join(folder, "linked.md"));
    symlinkSync(path.join(elsewhere, "more"), path.join(folder, "more"));
    symlinkSync(path.join(elsewhere, "more"), path.join(folder, "same-again"));
    symlinkSync(folder, path.join(folder, "loop"));
    symlinkSync(path.join(elsewhere, "gone.md"), path.join(folder, "broken.md"));
    const bank = await loadBank([folder]);
    expect(bank.stories.map((story) => story.title).sort()).toEqual(["Cut CI time in half", "Halved the build", "Sped up deploys"]);
    expect(bank.files.map((file) => path.relative(folder, path.resolve(file.path)))).toEqual(["linked.md", path.join("more", "linked-folder.md"), "stories.md"]);
  });
});

describe("a file reached twice through links", () => {
  it("is read once, under its own name, when a link beside it or a second link points to it", async () => {
    const elsewhere = folderWith({ "kept-elsewhere.md": STORY.replace("Cut CI time in half", "Halved the build") });
    const folder = folderWith({ "stories.md": STORY });
    // "again.md" sorts before "stories.md": the story keeps the file's own name all the same.
    symlinkSync(path.join(folder, "stories.md"), path.join(folder, "again.md"));
    symlinkSync(path.join(elsewhere, "kept-elsewhere.md"), path.join(folder, "one.md"));
    symlinkSync(path.join(elsewhere, "kept-elsewhere.md"), path.join(folder, "two.md"));
    const bank = await loadBank([folder]);
    expect(bank.stories.map((story) => story.id).sort()).toEqual(["one-halved-the-build", "stories-cut-ci-time-in-half"]);
    expect(bank.files.map((file) => path.basename(file.path)).sort()).toEqual(["one.md", "stories.md"]);
  });

  it("is read once when named beside the folder that links it", async () => {
    const elsewhere = folderWith({ "kept-elsewhere.md": STORY });
    const folder = folderWith({});
    symlinkSync(path.join(elsewhere, "kept-elsewhere.md"), path.join(folder, "linked.md"));
    const bank = await loadBank([folder, path.join(elsewhere, "kept-elsewhere.md")]);
    expect(bank.stories).toHaveLength(1);
  });
});
