import { describe, expect, it } from "vitest";
import { runCoach } from "../support/run-coach.js";

// 192.0.2.1 is in TEST-NET-1 (RFC 5737): documentation only, never one of this machine's addresses.
const NOT_HERE = "192.0.2.1";

describe("coach serve --host that is not this machine's", () => {
  it("without a token: the address is the problem reported (exit 1, LISTEN_FAILED), and the token is named too", async () => {
    const run = await runCoach(["serve", "--host", NOT_HERE, "--port", "0"]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n").at(-1)).toBe(
      `coach: --host: ${NOT_HERE} is not an address of this machine; leave --host out for 127.0.0.1, or give one of this machine's addresses. Any address other than loopback also needs COACH_TOKEN set, since other machines can reach it.`,
    );
  });

  it("with a token: the same LISTEN_FAILED, without the token's part", async () => {
    const run = await runCoach(["serve", "--host", NOT_HERE, "--port", "0"], { env: { COACH_TOKEN: "change-me" } });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n").at(-1)).toBe(`coach: --host: ${NOT_HERE} is not an address of this machine; leave --host out for 127.0.0.1, or give one of this machine's addresses.`);
  });

  it("an address of this machine without a token is still refused for the token (exit 2)", async () => {
    const run = await runCoach(["serve", "--host", "0.0.0.0", "--port", "0"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--host 0.0.0.0 is reachable from other machines: set COACH_TOKEN first.");
  });
});
