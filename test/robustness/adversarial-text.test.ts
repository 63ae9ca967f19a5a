import { describe, expect, it } from "vitest";
import { parseBankFiles } from "../../src/bank/index.js";
import { asksForInterview, isCoverageCommand, isGreeting, isHintRequest, isSkipCommand, isStopCommand, isThanks } from "../../src/coach/chat-commands.js";
import { suppliesFollowUp } from "../../src/coach/follow-up-credit.js";
import { readInterviewRequest } from "../../src/coach/interview-topics.js";
import { critiqueAnswer, enforceNoInvention } from "../../src/critique/index.js";
import { validateQuestion } from "../../src/retrieval/index.js";

// Long runs of one character or pair, in the shapes that made patterns backtrack before (a run after a word, a run
// before a label separator, a run alone; markdown openers with no closer). Every text-reading entry point must stay fast on each: user input reaches
// the critique (200,000 characters over HTTP), bank files (5 MB) and, from a model, the no-invention check.
const RUNS = [" ", "\t", "\u00a0", "\u2003", "\n", " \n", "\r\n", "\u2003\n", " \u00a0", "#", "*", "_", "-", "—", "/", ",", ".", "'", "(", ")", ":", "really ", "a", "1,", "1 ", "I ", "We ", "[", "![", "<a", "[a](", "**a ", "张", "张 ", "张 a ", "５", "٥٬", "\u3000", "Walker, ", "hundred and "];
const LENGTH = 60_000;

function shapes(run: string): string[] {
  const long = run.repeat(Math.ceil(LENGTH / run.length));
  return [`I fixed${long}the outage.`, `Result${long}- x`, `a${long}— x`, `(still need to write${long})x`, `Same incident as #${long}4`, long];
}

// A wide guard against super-linear patterns, not a speed goal: each call here takes milliseconds.
const BOUND_MS = 3_000;

function timed(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

describe("every text-reading entry point stays fast on long runs of any character", () => {
  for (const run of RUNS) {
    it(`runs of ${JSON.stringify(run)}`, () => {
      for (const text of shapes(run)) {
        const slow: string[] = [];
        const check = (name: string, work: () => unknown) => {
          const ms = timed(() => {
            try {
              work();
            } catch {
              // Refusing the input is an answer too; only the time matters here.
            }
          });
          if (ms > BOUND_MS) slow.push(`${name}: ${Math.round(ms)} ms`);
        };
        check("critique", () => critiqueAnswer("Tell me about a time you failed.", text));
        check("markdown bank", () => parseBankFiles([{ path: "bank.md", bytes: Buffer.from(`# A story\n\nSituation: ${text}\nAction: I fixed it.\nResult: It worked.\n`), sha256: "a" }]));
        check("JSON bank", () => parseBankFiles([{ path: "bank.json", bytes: Buffer.from(JSON.stringify({ stories: [{ title: "A story", text }] })), sha256: "b" }]));
        check("no-invention", () => enforceNoInvention(text, [text.slice(0, 1000)]));
        check("question", () => validateQuestion(text.slice(0, 2000)));
        check("chat commands", () => [isStopCommand, isSkipCommand, isHintRequest, isCoverageCommand, isGreeting, isThanks, asksForInterview].map((test) => [test(text), test(`hi${text}`), test(`please${text}coverage`)]));
        check("interview request", () => readInterviewRequest(`interview me on ${text}`));
        check("follow-up answer", () => suppliesFollowUp("WE_HEAVY", text));
        expect(slow, JSON.stringify(text.slice(0, 40))).toEqual([]);
      }
    });
  }
});
