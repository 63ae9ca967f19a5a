import { describe, expect, it } from "vitest";
import { CoachError, errorFromData, errorToData, InputError, ProviderError, StoreError, UsageError } from "../../src/errors/index.js";

/** Through data and back, as an error crosses from the index worker to the server's main thread. */
const across = (error: unknown) => errorFromData(structuredClone(errorToData(error)));

describe("errors as data between threads", () => {
  it("keeps the class, code, message and location of the coach's errors", () => {
    const input = across(new InputError("INPUT_NOT_PARSEABLE", "bad.json:1: not valid JSON (Unexpected end).", { file: "bad.json", line: 1 }));
    expect(input).toBeInstanceOf(InputError);
    expect(input).toMatchObject({ code: "INPUT_NOT_PARSEABLE", message: "bad.json:1: not valid JSON (Unexpected end).", location: { file: "bad.json", line: 1 } });

    const store = across(new StoreError("cannot write to the store", { file: "/store/index", code: "STORE_INACCESSIBLE" }));
    expect(store).toBeInstanceOf(StoreError);
    expect(store).toMatchObject({ code: "STORE_INACCESSIBLE", location: { file: "/store/index", flag: "--store" } });

    const usage = across(new UsageError("--port: not a port.", { flag: "--port" }));
    expect(usage).toBeInstanceOf(CoachError);
    expect(usage).toMatchObject({ code: "USAGE", location: { flag: "--port" } });
  });

  it("keeps a provider error's wait and vector sizes", () => {
    const provider = across(new ProviderError("PROVIDER_RATE_LIMITED", "rate limited", { retryAfterSeconds: 7, vectorSizes: { index: 64, provider: 2 } }));
    expect(provider).toBeInstanceOf(ProviderError);
    expect(provider).toMatchObject({ code: "PROVIDER_RATE_LIMITED", retryAfterSeconds: 7, vectorSizes: { index: 64, provider: 2 } });
  });

  it("leaves any other error an error with no code, so the server answers it as an internal error", () => {
    const other = across(new TypeError("x is undefined"));
    expect(other).not.toBeInstanceOf(CoachError);
    expect(other.message).toBe("x is undefined");
    expect(errorToData("a thrown string")).toEqual({ message: "a thrown string", stack: undefined });
  });
});
