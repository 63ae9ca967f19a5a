import { describe, expect, it } from "vitest";
import { runCoach } from "../support/run-coach.js";

const help = async (command: string) => (await runCoach([command, "--help"])).stdout;

describe("command help lists what the contracts and README promise", () => {
  it("stories and match name --store in their usage lines", async () => {
    expect((await help("stories")).split("\n")[0]).toBe("Usage: coach stories [--bank PATH]... [--store DIR] [--json]");
    expect((await help("match")).split("\n")[0]).toBe("Usage: coach match [QUESTION] [--bank PATH]... [--store DIR] [-k N] [--json] [--questions FILE]");
  });

  it("chat names the hint command of a mock interview", async () => {
    expect(await help("chat")).toMatch(/"hint" \(or "which story fits\?"\) shows your stories for the\s+question on the table without answering it/);
  });

  it("eval lists --refresh and --report among its options, and doctor its --json line", async () => {
    const options = (await help("eval")).split("Options:\n")[1]!.split("\n\n")[0]!;
    expect(options).toMatch(/^ {2}--report DIR {7}Write the report to DIR instead\.$/m);
    expect(options).toMatch(/^ {2}--refresh {10}With --provider openai: ask the provider again/m);
    expect(await help("doctor")).toMatch(/^ {2}--json {7}One JSON line: \{"provider"/m);
  });

  it("index and coverage list --store among their options, and coverage its exit codes (audit: both left them out)", async () => {
    for (const command of ["index", "coverage"]) {
      const options = (await help(command)).split("Options:\n")[1]!.split("\n\n")[0]!;
      expect(options, command).toMatch(/^ {2}--store DIR +Where the index lives \(default \.\/\.coach, or COACH_HOME\)\.$/m);
    }
    expect(await help("coverage")).toMatch(/^Exit codes: 0 ok, 1 provider failure/m);
  });
});
