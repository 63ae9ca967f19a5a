import { describe, expect, it } from "vitest";
import { splitSentences, unwrapLines } from "../../src/text/index.js";

const texts = (text: string) => splitSentences(text).map((sentence) => sentence.text.replace(/\s+/g, " "));

describe("splitSentences and hard-wrapped prose", () => {
  it("joins lines wrapped at 40 columns without trailing spaces (pandoc's way), offsets into the text as given", () => {
    const text = [
      "The nightly invoice run at our brewery",
      "kept stalling on the 1st of the month.",
      "I split it into one batch per region and",
      "gave each batch its own retry budget.",
    ].join("\n");
    const sentences = splitSentences(text);
    expect(sentences.map((sentence) => sentence.text)).toEqual([
      "The nightly invoice run at our brewery\nkept stalling on the 1st of the month.",
      "I split it into one batch per region and\ngave each batch its own retry budget.",
    ]);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    expect(sentences.map((sentence) => [sentence.start, sentence.end])).toEqual([
      [0, 77],
      [78, 156],
    ]);
  });

  it("joins CRLF lines wrapped with a trailing space (an e-mail), where the next line opens in lower case or the line ends on 'the'", () => {
    const text = "Our support queue had 900 open tickets in May. I sorted them by \r\nproduct and found that one release caused a third of them. I asked the \r\nQA lead for a rollback, which went out the next morning.";
    expect(texts(text)).toEqual([
      "Our support queue had 900 open tickets in May.",
      "I sorted them by product and found that one release caused a third of them.",
      "I asked the QA lead for a rollback, which went out the next morning.",
    ]);
  });

  it("still ends a sentence at a blank line, a list item, a label, a heading and a line ending in a full stop, colon or question mark, while joining the wrapped line among them", () => {
    const text = [
      "# Cold storage outage",
      "Situation: the freezer alarms at our depot went off every",
      "night for a week.",
      "Task: find out why",
      "Action:",
      "- Pulled the sensor logs",
      "- Swapped the faulty probe",
      "",
      "Was it worth it?",
      "yes, spoilage stopped",
    ].join("\n");
    expect(texts(text)).toEqual([
      "# Cold storage outage",
      "Situation: the freezer alarms at our depot went off every night for a week.",
      "Task: find out why",
      "Action:",
      "- Pulled the sensor logs",
      "- Swapped the faulty probe",
      "Was it worth it?",
      "yes, spoilage stopped",
    ]);
  });

  it("keeps notes written one to a line with no full stops as separate sentences, but joins a wrapped paragraph of punctuated prose", () => {
    const notes = "pulled the sensor logs\nfound the faulty probe\nswapped it the same night";
    expect(texts(notes)).toEqual(["pulled the sensor logs", "found the faulty probe", "swapped it the same night"]);
    expect(texts("I pulled the sensor logs and\nfound the faulty probe.")).toEqual(["I pulled the sensor logs and found the faulty probe."]);
  });

  it("keeps notes jotted one to a line in lower case apart, though the last one ends on a full stop (review)", () => {
    const notes = "we met with the platform team and our SRE lead\nprofiled the service under load\nrewrote the retry logic with backoff\nadded a load test to CI.";
    expect(texts(notes)).toEqual(["we met with the platform team and our SRE lead", "profiled the service under load", "rewrote the retry logic with backoff", "added a load test to CI."]);
    // A line filled to a wrap width still goes on onto a next line in lower case.
    const wrapped = "we met with the platform team and our SRE lead and then we\nprofiled the service under load for a week.";
    expect(texts(wrapped)).toEqual(["we met with the platform team and our SRE lead and then we profiled the service under load for a week."]);
  });

  it("keeps a figure that ends a sentence at the start of a wrapped line with its sentence, but a list after a line stays a list (review)", () => {
    expect(texts("Our NPS went from 31 to\n44. Great result.")).toEqual(["Our NPS went from 31 to 44.", "Great result."]);
    expect(texts("The steps were\n1. profile the build\n2. cache it")).not.toContain("The steps were 1.");
  });

  it("does not join after a title in bold or a word alone on its line", () => {
    expect(texts("**Probe swap**\nwe found the faulty probe.\nResult\nspoilage stopped within a week.")).toEqual([
      "**Probe swap**",
      "we found the faulty probe.",
      "Result",
      "spoilage stopped within a week.",
    ]);
    // The same lines joined, once the first does not stand alone.
    expect(texts("The probe swap\nwe did fixed it.")).toEqual(["The probe swap we did fixed it."]);
  });

  it("reads a full stop after milliseconds, or after 'no' with no number, as a sentence end", () => {
    expect(texts("Checkout took 900 ms. I cached the tax table. The answer was no. We tried again. Ms. Diaz lives at No. 4.")).toEqual([
      "Checkout took 900 ms.",
      "I cached the tax table.",
      "The answer was no.",
      "We tried again.",
      "Ms. Diaz lives at No. 4.",
    ]);
  });
});

describe("unwrapLines", () => {
  it("turns only the line breaks inside a sentence into spaces, keeping the length (CRLF as two spaces)", () => {
    const text = "I rebuilt the\r\nrollout script.\r\n- Tested it on staging\nAnd after that\nwe shipped.";
    const unwrapped = unwrapLines(text);
    expect(unwrapped).toBe("I rebuilt the  rollout script.\r\n- Tested it on staging\nAnd after that we shipped.");
    expect(unwrapped.length).toBe(text.length);
  });

  it("leaves a text whose line breaks all end sentences as it is", () => {
    const text = "Pulled the logs.\nFound the bug.\n\n- Fixed it";
    expect(unwrapLines(text)).toBe(text);
  });
});
