import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRINCIPLES } from "../../src/principles/index.js";
import { MatchResponseSchema } from "../../src/server/api-response-schemas.js";
import { jsonLines, runCoach, SAMPLE_BANK } from "../support/run-coach.js";
import { startTestLlmServer, type TestLlmServer } from "../support/test-llm-server.js";

// The contract's `coach match --json` line.
const MatchLine = MatchResponseSchema;

describe("coach match, index and coverage", () => {
  let cwd: string;
  let bank: string;
  beforeAll(() => {
    cwd = mkdtempSync(path.join(os.tmpdir(), "coach-match-"));
    bank = path.join(cwd, "bank");
    mkdirSync(bank);
    cpSync(SAMPLE_BANK, bank, { recursive: true });
  });

  it("with an empty store uses the sample bank, says so, and prints contract-shaped JSON", async () => {
    const run = await runCoach(["match", "Tell me about a time you failed", "--json"], { cwd });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/provider local/);
    expect(run.stderr).toContain(`the store ${path.join(cwd, ".coach")} is empty and no --bank was given; using the bundled sample bank`);
    const [line] = jsonLines(run.stdout);
    MatchLine.parse(line);
    expect(line.matches).toHaveLength(3);
    expect(line.competencies[0].name).toBe("failure");
    // The bank's own failure story: its section is "Tell Me About a Time You Failed" (by-principle.md line 343).
    expect(line.matches.map((match: any) => match.id)).toContain("by-principle-tell-me-about-a-time-you-failed");
    for (let i = 1; i < line.matches.length; i++) expect(line.matches[i - 1].score).toBeGreaterThanOrEqual(line.matches[i].score);
    // Each "why" quotes a line of that very story.
    for (const match of line.matches) {
      const quote = /: "([^"…]{20,})/.exec(match.why)?.[1];
      expect(quote, match.why).toBeDefined();
      expect(match.text.replace(/\*\*|__|`/g, "").replace(/\s+/g, " ")).toContain(quote!.trim().replace(/\s+/g, " "));
    }
    // The failure story's evidence is the skipped load test (the line that owns it, or the one that made it), not its setup.
    const failed = line.matches.find((match: any) => match.id === "by-principle-tell-me-about-a-time-you-failed");
    expect(failed.why).toMatch(/skipped (the load )?test/);
  });

  it("shows one telling per experience and lists the other in alsoTold", async () => {
    const run = await runCoach(["match", "--bank", bank, "-k", "5", "--json", "Tell me about a bug that only showed up when the clocks changed"], { cwd });
    expect(run.code).toBe(0);
    const [line] = jsonLines(run.stdout);
    const ids = line.matches.map((match: any) => match.id);
    const tellings = ["by-principle-walk-me-through-a-time-you-stepped-in-on-something-that", "numbered-traced-missed-on-call-pages-to-a-daylight-saving-bug"];
    const shown = line.matches.find((match: any) => tellings.includes(match.id));
    expect(shown, "the daylight-saving story is found").toBeDefined();
    expect(ids.filter((id: string) => tellings.includes(id))).toHaveLength(1);
    expect(shown.alsoTold.map((other: any) => other.id)).toEqual(tellings.filter((id) => id !== shown.id));
    expect(new Set(line.matches.map((match: any) => match.experience)).size).toBe(line.matches.length);
    expect(shown.text.startsWith("#")).toBe(true);
  });

  it("reads questions from a file and from stdin, one JSON line each, blank lines skipped", async () => {
    const file = path.join(cwd, "questions.txt");
    writeFileSync(file, "Tell me about a time you disagreed with your manager\n\nHow have you shown Frugality?\n");
    const fromFile = await runCoach(["match", "--questions", file, "--json"], { cwd });
    expect(jsonLines(fromFile.stdout).map((line) => line.question)).toEqual(["Tell me about a time you disagreed with your manager", "How have you shown Frugality?"]);
    const fromStdin = await runCoach(["match", "--json"], { cwd, input: "Describe a time you mentored someone\n" });
    expect(jsonLines(fromStdin.stdout)).toHaveLength(1);
    expect(jsonLines(fromFile.stdout)[1].principles[0].name).toBe("Frugality");
  });

  it("an empty question is a usage error; a 10,000-character one is refused with exit 3", async () => {
    const empty = await runCoach(["match", "   "], { cwd });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/question is empty/);
    const huge = await runCoach(["match", "x".repeat(10_000)], { cwd });
    expect(huge.code).toBe(3);
    expect(huge.stderr).toMatch(/10000 characters; the limit is 2000/);
  });

  it("a question with no words is a usage error, and in a questions file an error line naming the line", async () => {
    const digits = await runCoach(["match", "12345"], { cwd });
    expect(digits.code).toBe(2);
    expect(digits.stderr).toMatch(/"12345" has no words to match on/);
    const file = path.join(cwd, "wordless.txt");
    writeFileSync(file, "Tell me about a time you failed\n?\n");
    const run = await runCoach(["match", "--questions", file, "--json"], { cwd });
    expect(run.code).toBe(2);
    const [answered, refused] = jsonLines(run.stdout);
    expect(answered.matches).toHaveLength(3);
    expect(refused).toMatchObject({ question: "?", matches: [], error: { code: "USAGE" } });
    expect(refused.error.message).toContain(`${file}:2:`);
  });

  it("a questions file that is binary or empty is an input error (exit 3); an over-long line names its file and line and the rest are answered", async () => {
    const binary = path.join(cwd, "questions.bin");
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x03, 0xff, 0x00]));
    const fromBinary = await runCoach(["match", "--questions", binary, "--json"], { cwd });
    expect(fromBinary.code).toBe(3);
    expect(fromBinary.stdout).toBe("");
    expect(fromBinary.stderr).toMatch(/questions\.bin looks like a binary file/);
    const empty = path.join(cwd, "empty.txt");
    writeFileSync(empty, "\n  \n");
    expect((await runCoach(["match", "--questions", empty], { cwd })).code).toBe(3);
    const mixed = path.join(cwd, "mixed.txt");
    writeFileSync(mixed, `Tell me about a time you failed\n${"a".repeat(10_000)}\nDescribe a conflict with a peer\n`);
    const run = await runCoach(["match", "--questions", mixed, "--json"], { cwd });
    expect(run.code).toBe(3);
    const lines = jsonLines(run.stdout);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatchObject({ principles: [], competencies: [], matches: [], error: { code: "INPUT_TOO_LARGE" } });
    expect(lines[1].error.message).toMatch(/^.*mixed\.txt:2: /);
    expect(lines[2].matches.length).toBeGreaterThan(0);
  });

  it("a questions file of one over-long line names the file and line", async () => {
    const one = path.join(cwd, "one-long.txt");
    writeFileSync(one, `${"b".repeat(2_114)}\n`);
    const run = await runCoach(["match", "--questions", one], { cwd });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`${one}:1: the question is 2114 characters`);
  });

  it("-k takes whole numbers written in digits only", async () => {
    for (const k of ["1e1", "0x3", " 2", "2.0"]) {
      const run = await runCoach(["match", "-k", k, "Tell me about a time you failed"], { cwd });
      expect(run.code, k).toBe(2);
      expect(run.stderr).toMatch(/-k: .* is not a whole number from 1 to 50/);
    }
  });

  it("answers a question in another language, with a notice that matching is tuned for English", async () => {
    const run = await runCoach(["match", "Erzählen Sie mir von einem Konflikt mit Ihrem Vorgesetzten", "--json"], { cwd });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/does not look like English/);
    expect(jsonLines(run.stdout)[0].matches.length).toBeGreaterThan(0);
  });

  it("coach index says when nothing changed, and re-embeds one edited story", async () => {
    const store = path.join(cwd, "store-a");
    const first = await runCoach(["index", bank, "--store", store], { cwd });
    expect(first.stdout).toMatch(/^Indexed 33 stories \(32 experiences\) from 2 files/);
    const again = await runCoach(["index", bank, "--store", store], { cwd });
    expect(again.stdout).toMatch(/Index is up to date.*nothing to do/);
    const file = path.join(bank, "by-principle.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("Pages dropped from 31 a week to 8", "Pages dropped from 31 a week to 7"));
    const edited = await runCoach(["index", bank, "--store", store, "--json"], { cwd });
    expect(jsonLines(edited.stdout)[0]).toMatchObject({ status: "rebuilt", stories: 33, embedded: 1 });
    const missing = await runCoach(["index", "--store", store], { cwd });
    expect(missing.code).toBe(2);
  });

  it("coach coverage prints one line per principle with a fit level", async () => {
    const run = await runCoach(["coverage", "--bank", bank, "--json"], { cwd });
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines.map((line) => line.principle)).toEqual([...PRINCIPLES]);
    for (const line of lines) {
      expect(["strong", "workable", "stretch", "none"]).toContain(line.fit);
      expect(line.fit === "none" ? line.stories.length === 0 : line.stories.length > 0).toBe(true);
    }
    // Frugality has two stories filed under it in the sample bank, each with an action and a result.
    expect(lines.find((line) => line.principle === "Frugality")!.fit).toBe("strong");
  });
});

describe("coach match with an OpenAI-compatible provider (test LLM server)", () => {
  let llm: TestLlmServer;
  let cwd: string;
  beforeAll(async () => {
    llm = await startTestLlmServer({ dimensions: 48 });
    cwd = mkdtempSync(path.join(os.tmpdir(), "coach-provider-"));
    cpSync(SAMPLE_BANK, path.join(cwd, "bank"), { recursive: true });
  });
  afterAll(async () => llm.close());

  it("uses the provider's embeddings for the index and the question, and re-embeds only an edited story", async () => {
    const env = { COACH_PROVIDER: "openai", OPENAI_API_KEY: "k", OPENAI_BASE_URL: llm.url, COACH_EMBED_MODEL: "test-embed" };
    const run = await runCoach(["match", "--bank", "bank", "--json", "Tell me about a time you failed"], { cwd, env });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/provider openai at http:\/\/127\.0\.0\.1/);
    const inputs = llm.requestsTo("embeddings").flatMap((request) => request.body.input);
    expect(inputs).toHaveLength(34); // 33 stories, then the question
    expect(inputs.at(-1)).toBe("Tell me about a time you failed");
    expect(llm.requestsTo("embeddings")[0]!.body.model).toBe("test-embed");
    const manifest = JSON.parse(readFileSync(path.join(cwd, ".coach/index/manifest.json"), "utf8"));
    expect(manifest.embedder).toEqual({ id: "openai:test-embed", fingerprint: expect.stringMatching(/^openai:test-embed@[0-9a-f]{12}$/), dimensions: 48 });

    const file = path.join(cwd, "bank", "numbered.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("Cold start dropped to 1.8s", "Cold start dropped to 1.6s"));
    llm.requests.length = 0;
    const second = await runCoach(["match", "--bank", "bank", "--json", "Tell me about a time you failed"], { cwd, env });
    expect(second.code).toBe(0);
    const reEmbedded = llm.requestsTo("embeddings").flatMap((request) => request.body.input);
    expect(reEmbedded).toHaveLength(2);
    expect(reEmbedded[0]).toContain("1.6s");
  });

  it("an index built from vectors of another size is rebuilt, and a bad reply is a clear error, never an internal one", async () => {
    const server = await startTestLlmServer({ dimensions: 2 });
    try {
      const env = { COACH_PROVIDER: "openai", OPENAI_API_KEY: "k", OPENAI_BASE_URL: server.url, COACH_MAX_RETRIES: "0" };
      const store = path.join(cwd, "dimensions-store");
      expect((await runCoach(["index", "bank", "--store", store], { cwd, env })).code).toBe(0);
      // The server now answers with 64-dimension vectors under the same model name.
      server.dimensions = 64;
      const run = await runCoach(["match", "Tell me about a time you failed", "--store", store, "--json"], { cwd, env });
      expect(run.stderr).not.toMatch(/internal error/);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/64-dimension vectors.*index has 2.*rebuilding/);
      expect(run.stderr.match(/coach: provider openai/g)).toHaveLength(1);
      expect(jsonLines(run.stdout)[0].matches).toHaveLength(3);
      // Rebuilt: the next run finds the index current and embeds only its question.
      server.requests.length = 0;
      expect((await runCoach(["match", "Tell me about a time you failed", "--store", store, "--json"], { cwd, env })).code).toBe(0);
      expect(server.requestsTo("embeddings")).toHaveLength(1);

      server.fault("embeddings", { kind: "status", status: 200, body: '{"object": "list", "data": []}' });
      const bad = await runCoach(["index", "bank", "--store", store, "--force"], { cwd, env });
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/coach: embeddings \(text-embedding-3-small\): the provider returned 0 vectors for 1 text/);
      expect(bad.stderr).not.toMatch(/internal error/);

      const forced = await runCoach(["index", "bank", "--store", store, "--force", "--json"], { cwd, env });
      expect(forced.code).toBe(0);
      expect(jsonLines(forced.stdout)[0]).toMatchObject({ status: "rebuilt", stories: 33 });
      expect(JSON.parse(readFileSync(path.join(store, "index/manifest.json"), "utf8")).embedder.dimensions).toBe(64);
    } finally {
      await server.close();
    }
  });

  it("a key in the environment alone sends nothing", async () => {
    llm.requests.length = 0;
    const run = await runCoach(["match", "--bank", "bank", "Tell me about a time you failed", "--store", "local-store"], { cwd, env: { OPENAI_API_KEY: "k", OPENAI_BASE_URL: llm.url } });
    expect(run.code).toBe(0);
    expect(llm.requests).toHaveLength(0);
  });

  it("an unreachable provider fails with exit 1 and one clear line", async () => {
    const run = await runCoach(["match", "--bank", "bank", "Tell me about a time you failed", "--store", "other-store"], {
      cwd,
      env: { COACH_PROVIDER: "openai", OPENAI_API_KEY: "k", OPENAI_BASE_URL: "http://127.0.0.1:1/v1", COACH_MAX_RETRIES: "0" },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/coach: embeddings \(text-embedding-3-small\): cannot reach the provider/);
  });

  it("with a chat model, the ranking's first five are judged and ordered by the model's fit; --no-judge and a failing model leave the ranking alone", async () => {
    const env = { COACH_PROVIDER: "openai", OPENAI_API_KEY: "k", OPENAI_BASE_URL: llm.url, COACH_MAX_RETRIES: "0", COACH_CHAT_MODEL: "test-chat" };
    const question = "Tell me about a time you missed a deadline";
    llm.requests.length = 0;
    const plain = await runCoach(["match", "--bank", "bank", "--store", "judge-store", "-k", "5", "--json", "--no-judge", question], { cwd, env });
    expect(plain.code).toBe(0);
    expect(llm.requestsTo("chat")).toHaveLength(0);
    const ranking = jsonLines(plain.stdout)[0].matches as Array<{ id: string; title: string }>;
    expect(ranking).toHaveLength(5);

    // The model calls the ranking's fifth story the one strong fit, and its first a stretch.
    llm.reply((body: any) => {
      const content: string = body.messages[1].content;
      const shown: Array<{ story: string; title: string }> = JSON.parse(content.slice(content.indexOf("{"))).stories;
      return { json: { stories: shown.map(({ story }) => ({ story, fit: story === "S5" ? "strong" : story === "S1" ? "stretch" : "workable", why: story === "S5" ? "This story fits, the strong one." : "This story fits.", leadWith: "result" })) } };
    });
    const judged = await runCoach(["match", "--bank", "bank", "--store", "judge-store", "--json", question], { cwd, env });
    expect(judged.code).toBe(0);
    expect(llm.requestsTo("chat")).toHaveLength(1);
    const line = jsonLines(judged.stdout)[0];
    MatchLine.parse(line);
    expect(line.matches.map((match: { id: string }) => match.id)).toEqual([ranking[4]!.id, ranking[1]!.id, ranking[2]!.id]);
    expect(line.matches[0]).toMatchObject({ fit: "strong", why: "This story fits, the strong one.", leadWith: "result" });
    expect(line.judge).toMatchObject({ fallback: false, model: "openai:test-chat" });
    const text = await runCoach(["match", "--bank", "bank", "--store", "judge-store", question], { cwd, env });
    expect(text.stdout).toContain("fit and why judged by openai:test-chat; stories ordered by fit, then by score");
    // The same question and stories again: answered from the store's cache, not the model.
    expect(llm.requestsTo("chat")).toHaveLength(1);

    llm.reply({ content: "I think the second one." });
    const failed = await runCoach(["match", "--bank", "bank", "--store", "judge-store", "--json", "Tell me about a time you were late on a commitment"], { cwd, env });
    expect(failed.code).toBe(0);
    expect(failed.stderr).toMatch(/coach: The model could not judge these stories \(the model's reply was not a judgement of every story shown\); showing the offline ranking and fits\./);
    expect(jsonLines(failed.stdout)[0].judge).toMatchObject({ fallback: true });
    const offline = await runCoach(["match", "--bank", "bank", "--store", "judge-store", "--json", "--no-judge", "Tell me about a time you were late on a commitment"], { cwd, env });
    expect(jsonLines(failed.stdout)[0].matches).toEqual(jsonLines(offline.stdout)[0].matches);
    expect(jsonLines(offline.stdout)[0].judge).toBeUndefined();
    // Turned off in the environment, as --no-judge turns it off: no request to the chat model.
    llm.requests.length = 0;
    const off = await runCoach(["match", "--bank", "bank", "--store", "judge-store", "--json", "Tell me about a time you let a colleague down"], { cwd, env: { ...env, COACH_MATCH_JUDGE: "0" } });
    expect(off.code).toBe(0);
    expect(llm.requestsTo("chat")).toHaveLength(0);
    expect(jsonLines(off.stdout)[0].judge).toBeUndefined();
  });
});
