import { describe, expect, it } from "vitest";
import type { Story } from "../../src/core/story.js";
import { quoteSentence, storySentences, themeSentence, wholeSentences } from "../../src/retrieval/quote-evidence.js";

function story(parts: Story["parts"]): Story {
  const body = Object.values(parts).join("\n");
  return { id: "s", experience: "s", title: "A story", question: null, questions: [], principles: [], principleSource: "none", tags: [], parts, partsInferred: false, body, text: body, source: { file: "b.md", startLine: 1, endLine: 5 } };
}

describe("sentences a match can quote", () => {
  it("joins the rest of a sentence that a quoted question split off, and keeps a new line in lower case apart", () => {
    expect(wholeSentences('Since then I ask "is this tested?" at every planning meeting. Then I left.')).toEqual(['Since then I ask "is this tested?" at every planning meeting.', "Then I left."]);
    expect(wholeSentences("Wrote the plan.\nthen shipped it.")).toEqual(["Wrote the plan.", "then shipped it."]);
  });

  it("reads a story part by part, and its body when it has no parts", () => {
    expect(storySentences(story({ situation: "One. Two.", result: "Three." }))).toEqual([
      { text: "One.", part: "situation" },
      { text: "Two.", part: "situation" },
      { text: "Three.", part: "result" },
    ]);
  });

  it("does not take a hedged cue alone as showing a theme: a system's 'failure logs' are no failure of the candidate's", () => {
    const system = story({ situation: "The nightly export failed twice a week.", action: "I read the failure logs and added retries." });
    expect(themeSentence(system, "failure")).toBeUndefined();
    const own = story({ situation: "I ran the rollout.", action: "I skipped the canary stage and the login page broke for an hour." });
    expect(themeSentence(own, "failure")).toMatchObject({ text: "I skipped the canary stage and the login page broke for an hour.", part: "action" });
  });

  it("prefers, between sentences that show a theme equally, the one with a figure", () => {
    const saving = story({ task: "The goal was to lower the cloud spend.", result: "We moved the batch jobs and cut spend by 30%." });
    expect(themeSentence(saving, "cost")).toMatchObject({ text: "We moved the batch jobs and cut spend by 30%.", part: "result" });
  });

  it("quotes a long sentence by the clauses around its evidence, never cutting the evidence off", () => {
    const text = "I wrote the incident report for the finance team, added an alert on the queue depth, and replayed the stuck payments over the weekend, saving about $12,000 in late fees.";
    const sentence = { text, part: "result" as const, strength: 1, focusStart: text.indexOf("saving"), focusEnd: text.indexOf("saving") + 6 };
    // 168 characters; the last clause is 34, with the one before it 84, with two before it 119: over the 110 allowed.
    expect(quoteSentence(sentence)).toBe("…and replayed the stuck payments over the weekend, saving about $12,000 in late fees");
    // A short sentence is quoted whole, without its full stop.
    expect(quoteSentence({ text: "Spend fell by 30%.", part: "result" })).toBe("Spend fell by 30%");
  });
});
