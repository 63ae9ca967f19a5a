import { describe, expect, it } from "vitest";
import { parseText } from "../support/parse-text.js";

// A story as pandoc writes it: paragraphs hard-wrapped at 60 columns, CRLF line endings.
const WRAPPED = [
  "## Stopped double charges at checkout",
  "",
  "**Situation:** Customers on slow networks were sometimes charged twice,",
  "because the payment gateway client retried without an idempotency",
  "key.",
  "",
  "**Action:** I added idempotency keys to every charge request, and I",
  "then wrote a reconciliation job that compared our ledger with the",
  "gateway's settlement report every night.",
  "",
  "**Result:** Duplicate charges fell from about 40 a week to none, and",
  "the 212 customers already charged twice were refunded within two",
  "days.",
].join("\r\n");

describe("hard-wrapped prose in a bank", () => {
  it("reads each wrapped sentence whole: no full stop where a line was wrapped", () => {
    const story = parseText(WRAPPED).stories[0]!;
    expect(story.parts.situation).toBe("Customers on slow networks were sometimes charged twice, because the payment gateway client retried without an idempotency key.");
    expect(story.parts.action).toBe("I added idempotency keys to every charge request, and I then wrote a reconciliation job that compared our ledger with the gateway's settlement report every night.");
    expect(story.parts.result).toBe("Duplicate charges fell from about 40 a week to none, and the 212 customers already charged twice were refunded within two days.");
    expect(story.body).not.toMatch(/client\. retried|I\. then|within\. two|two\. days/);
  });

  it("still ends each bullet and each note line as its own sentence", () => {
    const notes = ["## Cut the nightly build time", "", "**Action:**", "- profiled the build", "- cached the dependency layer", "- split the tests across four runners", "", "**Result:** builds fell from 40 to 9 minutes"].join("\n");
    const story = parseText(notes).stories[0]!;
    expect(story.parts.action).toBe("profiled the build. cached the dependency layer. split the tests across four runners.");
  });

  it("reads a wrapped question label whole, not its second line as the story (review)", () => {
    const bank = ["## Difficult customer", "**Question:** Tell me about a time when you had to deal with a", "difficult customer who wanted something you could not give.", "**Situation:** A hospital client wanted a custom export.", "**Result:** They renewed for two years."].join("\n");
    const story = parseText(bank).stories[0]!;
    expect(story.question).toBe("Tell me about a time when you had to deal with a difficult customer who wanted something you could not give.");
    expect(story.body).not.toContain("difficult customer who wanted");
  });
});
