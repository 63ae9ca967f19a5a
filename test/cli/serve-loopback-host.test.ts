import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCoach } from "../support/run-coach.js";
import { startServe } from "../support/serve.js";

const store = () => mkdtempSync(path.join(os.tmpdir(), "coach-loopback-"));

describe("coach serve --host: loopback however it is written needs no token", () => {
  it("serves on [::1] (as written in a URL), LOCALHOST, 0:0:0:0:0:0:0:1 and ::ffff:127.0.0.1 without COACH_TOKEN", async () => {
    for (const [host, url] of [
      ["[::1]", "http://[::1]:"],
      ["LOCALHOST", "http://LOCALHOST:"],
      ["0:0:0:0:0:0:0:1", "http://[0:0:0:0:0:0:0:1]:"],
      ["::ffff:127.0.0.1", "http://[::ffff:127.0.0.1]:"],
    ]) {
      const server = await startServe(["--host", host!, "--store", store()]);
      try {
        expect(server.url.startsWith(url!), `${host} served on ${server.url}`).toBe(true);
        const health = await fetch(`${server.url}/api/health`);
        expect(await health.json(), host).toMatchObject({ ok: true });
      } finally {
        await server.stop();
      }
    }
  }, 60_000);

  it("an empty --host is a usage error, not every address", async () => {
    const run = await runCoach(["serve", "--host", "", "--port", "0", "--store", store()], { env: { COACH_TOKEN: "change-me" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--host: the value is empty; give an address such as 127.0.0.1, or leave the flag out.");
    expect(run.stderr).not.toMatch(/serving \d+ stories/);
  });
});
