import { describe, expect, it } from "vitest";
import { listenError } from "../../src/cli/listen-error.js";
import { exitCodeFor } from "../../src/errors/index.js";

const failed = (code: string) => Object.assign(new Error(`listen ${code}`), { code });

describe("why coach serve could not listen", () => {
  it("names the flag to change, with a stable code and exit 1", () => {
    const inUse = listenError(failed("EADDRINUSE"), 18001, "127.0.0.1");
    expect(inUse).toMatchObject({ code: "PORT_IN_USE", location: { flag: "--port" }, message: expect.stringMatching(/^--port: port 18001 on 127\.0\.0\.1 is already in use; pick another with --port/) });
    expect(exitCodeFor(inUse)).toBe(1);
    expect(listenError(failed("EACCES"), 80, "127.0.0.1")).toMatchObject({ code: "LISTEN_FAILED", message: expect.stringMatching(/^--port: .*port 80 .*below 1024/) });
    expect(listenError(failed("EADDRNOTAVAIL"), 3000, "10.9.9.9")).toMatchObject({ code: "LISTEN_FAILED", location: { flag: "--host" }, message: expect.stringMatching(/^--host: 10\.9\.9\.9 is not an address of this machine/) });
  });

  it("leaves other failures as they are", () => {
    const other = failed("EMFILE");
    expect(listenError(other, 3000, "127.0.0.1")).toBe(other);
  });
});
