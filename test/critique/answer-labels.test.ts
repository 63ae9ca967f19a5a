import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";

const QUESTION = "Tell me about a time you improved performance.";
const SITUATION = "Our checkout API 🚀 was slow at Acme in 2022.";
const ACTION = "I profiled it and added a cache.";
const RESULT = "Latency fell 40%.";
const texts = (spans: Array<{ text: string }>) => spans.map((span) => span.text);

const STYLES: Array<[string, string]> = [
  ["plain", `Situation: ${SITUATION}\nAction: ${ACTION}\nResult: ${RESULT}`],
  ["bold, CRLF", `**Situation:** ${SITUATION}\r\n**Action:** ${ACTION}\r\n**Result:** ${RESULT}`],
  ["underlined", `__Situation__: ${SITUATION}\r\n__Action__: ${ACTION}\r\n__Result__: ${RESULT}`],
  ["dashed", `Situation - ${SITUATION}\nAction - ${ACTION}\nResult - ${RESULT}`],
  ["heading lines, CRLF", `### Situation\r\n${SITUATION}\r\n### Action\r\n${ACTION}\r\n### Result\r\n${RESULT}`],
  ["headings with colons", `## Situation: ${SITUATION}\n## Action: ${ACTION}\n## Result: ${RESULT}`],
  ["bold list items", `- **Situation:** ${SITUATION}\n- **Action:** ${ACTION}\n- **Result:** ${RESULT}`],
  ["bold lines without colons", `**Situation**\n${SITUATION}\n**Action**\n${ACTION}\n**Result**\n${RESULT}`],
  ["bare label lines", `Situation\n${SITUATION}\nAction\n${ACTION}\nResult\n${RESULT}`],
  ["bold letters on one line", `**S:** ${SITUATION} **A:** ${ACTION} **R:** ${RESULT}`],
  ["mixed", `**Situation:** ${SITUATION}\n### Action\n${ACTION}\nResult: ${RESULT}`],
  ["Spanish, on one line", `Situación: ${SITUATION} Acción: ${ACTION} Resultado: ${RESULT}`],
];

describe("part labels in a drafted answer", () => {
  it.each(STYLES)("%s labels are in no span and no share", (_style, answer) => {
    const critique = critiqueAnswer(QUESTION, answer);
    expect(texts(critique.star.situation.spans)).toEqual([SITUATION]);
    expect(texts(critique.star.action.spans)).toEqual([ACTION]);
    expect(texts(critique.star.result.spans)).toEqual([RESULT]);
    expect(critique.star.task.spans).toEqual([]);
    expect(critique.star.lesson.spans).toEqual([]);
    for (const part of Object.values(critique.star)) for (const span of part.spans) expect(answer.slice(span.start, span.end)).toBe(span.text);
    // 9, 7 and 3 of the answer's 19 words once the labels are left out (the emoji is not a word).
    expect(critique.star.situation.share).toBe(0.474);
    expect(critique.star.action.share).toBe(0.368);
    expect(critique.star.result.share).toBe(0.158);
  });

  it("gives UTF-16 offsets into the answer as received, across CRLF and an emoji", () => {
    const answer = `**Situation:** ${SITUATION}\r\n**Action:** ${ACTION}\r\n**Result:** ${RESULT}`;
    const critique = critiqueAnswer(QUESTION, answer);
    // "**Situation:** " is 15 units; the situation is 45 (the emoji takes 2); "\r\n**Action:** " is 14 more; the action is 32; "\r\n**Result:** " is 14 more.
    expect(critique.star.situation.spans).toEqual([{ start: 15, end: 60, text: SITUATION }]);
    expect(critique.star.action.spans).toEqual([{ start: 74, end: 106, text: ACTION }]);
    expect(critique.star.result.spans).toEqual([{ start: 120, end: 137, text: RESULT }]);
  });
});
