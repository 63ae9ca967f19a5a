import { describe, expect, it } from "vitest";
import { shorten } from "../../src/text/index.js";

describe("shorten", () => {
  it("keeps a short text whole, with its spaces tidied", () => {
    expect(shorten("Cut  the\nbill.", 20)).toBe("Cut the bill.");
  });

  it("cuts at a word boundary and marks the cut", () => {
    // The first 9 characters end inside "reporting", so "reporting" goes.
    expect(shorten("Cut the reporting cluster bill", 10)).toBe("Cut the…");
    expect(shorten("Give me an example of a time you anticipated", 26)).toBe("Give me an example of a…");
  });

  it("drops punctuation left hanging before the mark", () => {
    expect(shorten("First, second, third, fourth", 16)).toBe("First, second…");
  });

  it("cuts a single long word where it must", () => {
    expect(shorten("abcdefghijklmnop", 6)).toBe("abcde…");
  });
});
