import { execFileSync } from "node:child_process";
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

  it("ships what the command reads at run time (bundle, models, taxonomy, sample bank, prompts, eval data) and not the tests, sources, scripts or a local eval report", () => {
    // npm's own client, as `npm test` runs it, else the one on PATH; --ignore-scripts: the bundle in dist/ is the one the tests run.
    const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ["npm"];
    const output = execFileSync(npm[0]!, [...npm.slice(1), "pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: PROJECT_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    const files = (JSON.parse(output) as { files: { path: string }[] }[])[0]!.files.map((file) => file.path);
    for (const needed of [
      "package.json",
      "dist/cli/coach.mjs",
      "dist/cli/index-worker.mjs",
      "corpus/models/clause-roles.json",
      "corpus/models/story-ranker.json",
      "corpus/questions.jsonl",
      "corpus/lexicon/english-words.txt",
      "corpus/sample-bank/numbered.md",
      "prompts/critique.v1.md",
      "evals/baseline.json",
      "evals/retrieval/sample-bank.jsonl",
      "evals/coach/scenarios.jsonl",
    ]) {
      expect(files, needed).toContain(needed);
    }
    expect(files.some((file) => file.startsWith("corpus/taxonomy/")), "corpus/taxonomy").toBe(true);
    const needless = files.filter((file) => /^(test|src|scripts|docs|\.ci|evals\/report)\//.test(file) || /^(tsconfig.*|vitest\.config\.ts)$/.test(file));
    expect(needless).toEqual([]);
  }, 60_000);
});
