import { describe, expect, it } from "vitest";
import { isQuestionLike } from "../../src/bank/heading-text.js";

describe("isQuestionLike", () => {
  it("takes interview questions for questions, with or without a question mark", () => {
    expect(isQuestionLike("Tell me about a time you failed")).toBe(true);
    expect(isQuestionLike("Why Amazon?")).toBe(true);
    expect(isQuestionLike("What would your manager say about you")).toBe(true);
  });

  it("takes a title that opens with a wh-word for a title", () => {
    expect(isQuestionLike("Why crash-free rate lied (OOMs)")).toBe(false);
    expect(isQuestionLike("Which ARR number is right")).toBe(false);
    expect(isQuestionLike("How the stuffing crew knew which accounts to hit")).toBe(false);
  });
});
