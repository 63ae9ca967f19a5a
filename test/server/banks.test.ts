import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SAMPLE_BANK } from "../support/run-coach.js";
import { startServe } from "../support/serve.js";

async function json(response: Response | Promise<Response>): Promise<any> {
  return (await response).json();
}

const post = (url: string, body: unknown) => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });

const NUMBERED = readFileSync(path.join(SAMPLE_BANK, "numbered.md"), "utf8");

describe("bank sizes", () => {
  it("refuses any bank over 5 MB as UTF-8 as too large, and takes any bank under it however its JSON is escaped", async () => {
    const server = await startServe(["--store", mkdtempSync(path.join(os.tmpdir(), "coach-size-"))]);
    try {
      const limit = 5 * 1024 * 1024;
      const tooLarge = async (content: string) => {
        const response = await post(`${server.url}/api/banks`, { name: "big", content });
        expect(response.status).toBe(413);
        const { error } = await json(response);
        expect(error.code).toBe("INPUT_TOO_LARGE");
        expect(error.message).toMatch(/5 MB/);
      };
      // Just over in ASCII; over in two-byte characters, a body over 6 MB; far over, a body over any body limit.
      await tooLarge(`${NUMBERED}\n${"a".repeat(limit + 10 - NUMBERED.length - 1)}`);
      await tooLarge(`${NUMBERED}\n${"é".repeat(3_200_000)}`);
      await tooLarge("x".repeat(40 * 1024 * 1024));
      // Under 5 MB, but over 6 MB once its line breaks are escaped in JSON.
      const escaped = `${NUMBERED}\n${"\n".repeat(3_300_000)}`;
      expect(Buffer.byteLength(escaped)).toBeLessThan(limit);
      expect(JSON.stringify({ name: "escaped", content: escaped }).length).toBeGreaterThan(6 * 1024 * 1024);
      const accepted = await post(`${server.url}/api/banks`, { name: "escaped", content: escaped });
      expect(accepted.status).toBe(200);
      expect((await json(accepted)).stories.length).toBeGreaterThan(0);
      // Other routes keep their own limit.
      const huge = await post(`${server.url}/api/critique`, { question: "Tell me about a fix.", answer: "x".repeat(7 * 1024 * 1024) });
      expect(huge.status).toBe(413);
      expect((await json(huge)).error.code).toBe("BODY_TOO_LARGE");
    } finally {
      await server.stop();
    }
  }, 120_000);
});
