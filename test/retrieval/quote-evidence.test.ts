import { describe, expect, it } from "vitest";
import type { Story } from "../../src/core/story.js";
import { headingShows, quoteSentence, storySentences, themeSentence, wholeSentences } from "../../src/retrieval/quote-evidence.js";

function story(parts: Story["parts"]): Story {
  const body = Object.values(parts).join("\n");
  return { id: "s", experience: "s", title: "A story", question: null, questions: [], principles: [], principleSource: "none", tags: [], parts, partsInferred: false, body, text: body, source: { file: "b.md", startLine: 1, endLine: 5 } };
}

describe("sentences a match can quote", () => {
  it("joins the rest of a sentence that a quoted question split off, and keeps a new line in lower case apart", () => {
    expect(wholeSentences('Since then I ask "is this tested?" at every planning meeting. Then I left.')).toEqual(['Since then I ask "is this tested?" at every planning meeting.', "Then I left."]);
    expect(wholeSentences("Wrote the plan.\nthen shipped it.")).toEqual(["Wrote the plan.", "then shipped it."]);
  });

  it("reads a part hard-wrapped over lines (a JSON bank's text, CRLF or not) as whole sentences, with no cut and no full stop added", () => {
    expect(wholeSentences("I disabled the retry path within 12\nminutes and paged finance. Refunds for all 1,400\r\ncustomers went out the same day.")).toEqual([
      "I disabled the retry path within 12 minutes and paged finance.",
      "Refunds for all 1,400 customers went out the same day.",
    ]);
    expect(quoteSentence(storySentences(story({ result: "Refunds for all 1,400\ncustomers went out the same day." }))[0]!)).toBe("Refunds for all 1,400 customers went out the same day");
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

describe("lines that show a failure of the speaker's own", () => {
  const shows = (sentence: string) => themeSentence(story({ action: sentence }), "failure");

  it("reads owning a wrong decision as a failure", () => {
    // "decision was mine" and "it was wrong" are hints (0.5 each; a decision of one's own may be right, and "it" may be a
    // config), together 1; "postmortem" adds 0.5.
    const owned = "In that postmortem I said plainly that the original decision was mine and it was wrong, and proposed migrating to a vendor.";
    expect(shows(owned)).toMatchObject({ text: owned, part: "action", strength: 1.5 });
    // "I was wrong": one specific cue of three words, 3.
    expect(shows("I was wrong about how much the cache would hold.")).toMatchObject({ strength: 3 });
  });

  it("does not read a neighbouring line about a decision, or something else being wrong, as a failure", () => {
    // One hint each, 0.5.
    expect(shows("The decision was mine to make, and I chose Postgres.")).toBeUndefined();
    expect(shows("I checked the config and it was wrong.")).toBeUndefined();
    // Someone else's mistake is none of the speaker's.
    expect(shows("I told him my manager was wrong about the deadline.")).toBeUndefined();
  });

  it("does not read what went wrong as the speaker getting it wrong", () => {
    // "went wrong" is a hint, 0.5 (it was 2, a failure on its own).
    expect(shows("I needed to understand what went wrong with the vendor.")).toBeUndefined();
  });
});

describe("lines that show the theme they are quoted for", () => {
  const shows = (competency: string, sentence: string) => themeSentence(story({ result: sentence }), competency);

  it("quotes no line for mentoring that only mentions one-on-ones, confidence or something internal", () => {
    // "one on one*" and "confidence" are hints (0.5 each): the speaker's own preference and confidence, not anyone developed.
    expect(shows("mentoring", "Personally, I prefer direct, data-driven feedback in one-on-ones so I can act on it immediately.")).toBeUndefined();
    expect(shows("mentoring", "This experience broadened my skill set and confidence.")).toBeUndefined();
    // "internally" meets no mentoring cue: the cue lists intern, interns, internship and internships, not "intern*".
    expect(shows("mentoring", "I was recognized internally for championing test quality.")).toBeUndefined();
  });

  it("still quotes a line that names the mentoring, or two hints together, and one that names exceeding expectations", () => {
    expect(shows("mentoring", "I mentored two junior engineers through their first on-call rotation.")).toMatchObject({ part: "result" });
    // "confidence" and "grew": two hints on different words, 0.5 + 0.5 = 1.
    expect(shows("mentoring", "Over three months her confidence grew and she led the next release.")).toMatchObject({ part: "result" });
    expect(shows("exceeded-goal", "Leadership recognized me with a Top Impactor Award for exceeding expectations.")).toMatchObject({ part: "result" });
  });

  it("counts hints at half of what showing a theme takes, once per set of words", () => {
    expect(shows("mentoring", "Over three months her confidence grew and she led the next release.")).toMatchObject({ strength: 1 });
    // "exceed*" (1), "award*" (1) and "recogni*" (a hint, 0.5).
    expect(shows("exceeded-goal", "Leadership recognized me with a Top Impactor Award for exceeding expectations.")).toMatchObject({ strength: 2.5 });
  });

  it("quotes no line for exceeding expectations that only mentions achievements or what was expected", () => {
    expect(shows("exceeded-goal", "This approach became my standard practice: always attach measurable KPIs to technical achievements.")).toBeUndefined();
    // "than expected" and the "expected" inside it cover the same words: one hint, 0.5.
    expect(shows("exceeded-goal", "Although it was more complex than expected, we delivered the milestone.")).toBeUndefined();
  });

  const titled = (title: string) => ({ ...story({ action: "I did it." }), title });

  it("takes no heading as showing a theme by a lone hint", () => {
    // "differently" meets no cue of quality's (its hint lists diff, diffs, diffed and diffing, not "diff*").
    expect(headingShows(titled("Strongly disagreed with my manager. Would I do anything differently?"), "quality")).toBe(false);
  });

  it("still takes a hedged cue in a heading as the writer's filing", () => {
    expect(headingShows(titled("Ownership (Critical Failure)"), "failure")).toBe(true);
  });
});
