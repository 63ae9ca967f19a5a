import { describe, expect, it } from "vitest";
import { answerWithoutReasoning, ReasoningFilter } from "../../src/providers/openai/reasoning-block.js";

const streamed = (deltas: string[]) => {
  const filter = new ReasoningFilter();
  return deltas.map((delta) => filter.push(delta)).join("");
};

describe("a reasoning model's <think> block", () => {
  it("held back when it arrives in pieces, its tags split across deltas, with blanks after it", () => {
    expect(streamed(["  <th", "ink>Let me", " think.</th", "ink>", "\n\n", "  ", "Lead with", " the result."])).toBe("Lead with the result.");
    expect(streamed(["<think>", "x", "</think>", "Answer"])).toBe("Answer");
  });

  it("a reply that only starts like one is shown whole, from the delta that decides it", () => {
    expect(streamed(["<t", "able> row"])).toBe("<table> row");
    expect(streamed(["Plain", " answer"])).toBe("Plain answer");
  });

  it("a lone closing tag (the opening one was in the prompt) ends the reasoning; a reply never closed is an error saying so", () => {
    expect(answerWithoutReasoning("Okay, the user wants JSON.\n</think>\n{\"a\": 1}", "chat (r1)")).toBe('{"a": 1}');
    expect(answerWithoutReasoning("<think>a</think> b", "chat (r1)")).toBe("b");
    expect(answerWithoutReasoning("No reasoning here.", "chat (r1)")).toBe("No reasoning here.");
    expect(() => answerWithoutReasoning("<think>and on and on", "chat (r1)")).toThrow("chat (r1): the model's reply was all reasoning (its <think> block never closed, 20 characters); it may have run out of tokens.");
  });

  it("counts every character sent, reasoning too", () => {
    const filter = new ReasoningFilter();
    for (const delta of ["<think>", "twelve chars", "</think>", "ok"]) filter.push(delta);
    expect(filter.received).toBe(7 + 12 + 8 + 2);
  });

  it("held back until a lone closing tag when the model is known to send one, and given back whole when none comes", () => {
    const filter = new ReasoningFilter({ expectLoneClose: true });
    expect(["The user", " wants JSON.</th", "ink>\n", "{\"a\"", ": 1}"].map((delta) => filter.push(delta)).join("")).toBe('{"a": 1}');
    expect(filter.rest()).toBe("");
    const none = new ReasoningFilter({ expectLoneClose: true });
    expect(["Plain", " answer"].map((delta) => none.push(delta)).join("")).toBe("");
    expect(none.rest()).toBe("Plain answer");
    // An opening tag still works as ever.
    const opened = new ReasoningFilter({ expectLoneClose: true });
    expect(["<think>x", "</think>", "Answer"].map((delta) => opened.push(delta)).join("")).toBe("Answer");
    expect(opened.rest()).toBe("");
  });
});
