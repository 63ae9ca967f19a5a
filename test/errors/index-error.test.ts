import { describe, expect, it } from "vitest";
import { errorFromData, errorToData, exitCodeFor, httpStatusFor, IndexError } from "../../src/errors/index.js";

describe("an abandoned index build (IndexError)", () => {
  it("is 503 over HTTP (the server could not do it now and changed nothing) and exit code 1, with its code kept across threads", () => {
    const timedOut = new IndexError("INDEX_TIMEOUT", "too long", { limitMs: 8000 });
    const stopped = new IndexError("INDEX_STOPPED", "shutting down");
    expect([httpStatusFor(timedOut), httpStatusFor(stopped)]).toEqual([503, 503]);
    expect([exitCodeFor(timedOut), exitCodeFor(stopped)]).toEqual([1, 1]);
    expect(timedOut.toJSON()).toEqual({ code: "INDEX_TIMEOUT", message: "too long" });
    const across = errorFromData(structuredClone(errorToData(stopped)));
    expect(across).toBeInstanceOf(IndexError);
    expect(across).toMatchObject({ code: "INDEX_STOPPED", message: "shutting down" });
  });
});
