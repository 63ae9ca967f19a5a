import { describe, expect, it } from "vitest";
import { runCoach } from "../support/run-coach.js";

// contracts: exit 2 for a usage error (bad flags, missing argument), and the message names the flag at fault.
describe("flag values", () => {
  it("an empty value (an unset shell variable) is a usage error naming the flag, in every command, never a default or a file named \"\"", async () => {
    const cases: Array<[string[], string]> = [
      [["match", "--questions", ""], "--questions"],
      [["critique", "--question", "Tell me about a time you failed", "--answer-file", ""], "--answer-file"],
      [["critique", "--batch", " "], "--batch"],
      [["chat", "--session", ""], "--session"],
      // Before, an empty --port took any free port and served.
      [["serve", "--port", ""], "--port"],
      [["serve", "--host", ""], "--host"],
      [["index", ""], "coach index: a bank path is empty"],
    ];
    for (const [args, named] of cases) {
      const run = await runCoach(args, { input: "Tell me about a time you failed\n", timeoutMs: 10_000 });
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr, args.join(" ")).toContain(named.startsWith("-") ? `coach: ${named}: the value is empty` : named);
      expect(run.stdout).toBe("");
    }
  }, 60_000);

  it("a flag whose value is missing because a flag follows says so in words, naming the flag", async () => {
    const forgotten = await runCoach(["match", "-k", "--json", "Tell me about a time you failed"]);
    expect(forgotten.code).toBe(2);
    expect(forgotten.stderr).toContain('coach match: -k needs a value, but the argument after it, "--json", starts with a dash and is read as a flag; give the value right after -k. See coach match --help.');
    // Node's own wording ("argument is ambiguous", "'--k=-XYZ'..") is not shown.
    expect(forgotten.stderr).not.toMatch(/ambiguous|XYZ|\.\./);
    const dashed = await runCoach(["critique", "--question", "-why did you leave?", "--answer", "I left."]);
    expect(dashed.code).toBe(2);
    expect(dashed.stderr).toContain('--question needs a value, but the argument after it, "-why did you leave?", starts with a dash and is read as a flag; give the value right after --question (a value that starts with a dash is written --question="-why did you leave?").');
  });

  it("a mistyped flag names the flag it likely meant, and a flag with no value at the end says so, in the coach's words (audit)", async () => {
    const typo = await runCoach(["match", "Tell me about a time you failed", "--bnak", "bank.md"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("coach match: unknown option --bnak (did you mean --bank?). See coach match --help.");
    const abbreviated = await runCoach(["coverage", "--stor", "x"]);
    expect(abbreviated.stderr).toContain("coach coverage: unknown option --stor (did you mean --store?).");
    // Nothing close: no guess.
    const unknown = await runCoach(["match", "Tell me about a time you failed", "--totallywrong"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("coach match: unknown option --totallywrong. See coach match --help.");
    const last = await runCoach(["match", "Tell me about a time you failed", "-k"]);
    expect(last.code).toBe(2);
    expect(last.stderr).toContain("coach match: -k needs a value; give it right after the flag. See coach match --help.");
    expect(last.stderr).not.toMatch(/<value>|argument missing/);
  });
});
