import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import type { Critic } from "../../src/core/critique.js";
import { SessionStore } from "../../src/coach/index.js";
import { createApp } from "../../src/server/create-app.js";
import type { ServedBanks } from "../../src/server/served-banks.js";

describe("an error nobody raised on purpose", () => {
  it("answers 500 INTERNAL without its details, and gives them to the server's log", async () => {
    const logged: string[] = [];
    // A critic that breaks as a bug would: a plain Error, no coach error code.
    const critic: Critic = {
      critique: async () => {
        throw new TypeError("cannot read properties of undefined (reading 'spans')");
      },
    };
    // Only the critique route runs: no banks or coach are needed.
    const unused = async () => {
      throw new Error("unused");
    };
    const app = createApp({ banks: {} as ServedBanks, coach: unused, critic, sessions: new SessionStore("/nonexistent"), provider: "local", version: "test", onServerError: (message) => logged.push(message) });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/critique`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question: "Tell me about a fix.", answer: "I fixed it." }) });
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error: { code: "INTERNAL", message: "internal error" } });
      expect(logged).toEqual(["internal error: cannot read properties of undefined (reading 'spans')"]);
    } finally {
      server.close();
    }
  });
});
