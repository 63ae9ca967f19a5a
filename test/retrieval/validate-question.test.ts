import { describe, expect, it } from "vitest";
import { validateQuestion } from "../../src/retrieval/index.js";

const flagged = (question: string) => validateQuestion(question).notices.some((notice) => notice.code === "NOT_ENGLISH");

describe("validateQuestion: whether a question reads as English", () => {
  it("takes English with none of an interview question's usual words as English", () => {
    expect(flagged("Result: Two juniors I mentored got promoted")).toBe(false);
    expect(flagged("Biggest professional failure, lessons learned afterwards?")).toBe(false);
    expect(flagged("Tell me about a time you failed")).toBe(false);
  });

  it("tells Spanish, Portuguese and German apart, though they share 'a', 'me' and 'do' with English", () => {
    expect(flagged("¿Me puedes contar de una vez que fallaste en el trabajo?")).toBe(true);
    expect(flagged("Conte uma situação do seu trabalho em que a equipe discordou")).toBe(true);
    expect(flagged("Erzählen Sie mir von einem Konflikt mit Ihrem Vorgesetzten")).toBe(true);
    // An English interview verb in a Spanish question (review).
    expect(flagged("Describe una situación difícil con tu jefe y cómo la resolviste")).toBe(true);
  });

  it("leaves a question of three words or fewer alone: too short to tell", () => {
    expect(flagged("Proudest achievement?")).toBe(false);
  });
});
