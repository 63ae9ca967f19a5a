import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../support/run-coach.js";

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    return entry.isDirectory() ? sourceFiles(file) : entry.name.endsWith(".ts") ? [file] : [];
  });
}

describe("the package as users install it (npm install -g coach's tarball)", () => {
  it("depends at run time only on packages the command loads: an unused one cost 200 MB and, through @langchain/classic's @langchain/openai 1.6 (Node 22), failed npm install --engine-strict on Node 20", () => {
    const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const sources = sourceFiles(path.join(PROJECT_ROOT, "src")).map((file) => readFileSync(file, "utf8")).join("\n");
    const unused = Object.keys(manifest.dependencies).filter((name) => !new RegExp(`(from |import\\()"${name.replace(/[/.]/g, "\\$&")}(/[^"]*)?"`).test(sources));
    expect(unused).toEqual([]);
  });
});
