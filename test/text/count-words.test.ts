import { describe, expect, it } from "vitest";
import { countWords } from "../../src/text/index.js";
import { critiqueAnswer } from "../../src/critique/index.js";
import { SessionStore } from "../../src/coach/index.js";
import { engineForSampleBank } from "../support/sample-engine.js";

describe("countWords", () => {
  it("counts runs of letters and digits, keeping apostrophes, points and hyphens inside them", () => {
    expect(countWords("I didn't cut p95 latency by 2.5 s — it was a follow-the-sun on-call.")).toBe(13);
  });

  it("counts each Chinese or Japanese character as a word, as word processors do", () => {
    // 我负责把结账服务迁到新集群 is 13 characters; 成本降了 is 4, and 30 one run of digits.
    expect(countWords("我负责把结账服务迁到新集群。成本降了30%。")).toBe(18);
    expect(countWords("リリースを延期した")).toBe(9);
    // Korean writes spaces between words: its words are counted as words.
    expect(countWords("나는 배포를 중단했다")).toBe(3);
    expect(countWords("我用Kubernetes重建了部署")).toBe(2 + 1 + 5);
  });

  it("times a Chinese answer by the character, at the pace Chinese is spoken", () => {
    const answer = "去年我们的结账服务经常超时，我负责找出原因。我分析了日志，发现数据库连接池太小，于是我调整了配置并增加了监控。超时率从百分之五降到了百分之零点五。";
    const critique = critiqueAnswer("Tell me about a time you fixed a problem.", answer);
    // 67 Han characters (counted with Python's unicodedata) at 250 characters a minute: 16.08 s.
    expect(critique.words).toBe(67);
    expect(critique.speakingSeconds).toBe(16);
  });

  it("takes a pasted Chinese answer in the chat as an answer to critique, not a question (review)", async () => {
    const engine = await engineForSampleBank();
    // 67 characters, no spaces: one "word" split on whitespace, 67 as the critique counts them.
    const answer = "去年我们的结账服务经常超时，我负责找出原因。我分析了日志，发现数据库连接池太小，于是我调整了配置并增加了监控。超时率从百分之五降到了百分之零点五。";
    const reply = await engine.respond(new SessionStore("/nonexistent").create(), answer);
    expect(reply.cards.map((card) => card.type)).toEqual(["critique"]);
  });
});
