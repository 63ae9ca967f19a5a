import { describe, expect, it } from "vitest";
import { chooseProbe } from "../../src/coach/index.js";
import type { CritiqueIssue } from "../../src/core/critique.js";
import type { CritiqueCase } from "../../src/evals/critique-eval.js";
import { evaluateFollowUps, firstLabelledGap } from "../../src/evals/follow-up-eval.js";

const QUESTION = "Tell me about a time you improved a process.";
const SETUP = "At my last company, our monthly billing close took the finance team five days and caused frequent errors. ";
const STEPS =
  "I mapped every manual step with the two accountants, wrote scripts to reconcile invoices against payments automatically, and added a daily check that flagged mismatches before month end. I also trained the team on the new workflow and documented it.";
const COMPLETE = `${SETUP}I owned the billing system, so my goal was to cut the close to two days before the next audit. ${STEPS} The next close took two days instead of five, errors fell from about 40 a month to 3, and the auditors signed off with no findings.`;
const NO_RESULT = `${SETUP}I owned the billing system, so my goal was to cut the close to two days before the next audit. ${STEPS}`;
const WE =
  `${SETUP}Our goal was to cut the close to two days before the next audit. We mapped every manual step with the accountants, we wrote scripts to reconcile invoices against payments automatically, and we added a daily check that flagged mismatches before month end. We also trained the team on the new workflow. The next close took two days instead of five, and errors fell from about 40 a month to 3.`;
const ALL_THERE = { situation: true, task: true, action: true, result: true, lesson: false, quantified: true, weHeavy: false, lessonRequired: false, notAStory: false };

function draft(id: string, answer: string, labels: Partial<CritiqueCase["labels"]>): CritiqueCase {
  return { id, question: QUESTION, answer, labels: { ...ALL_THERE, ...labels } };
}

const issue = (code: string, severity: CritiqueIssue["severity"] = "high"): CritiqueIssue => ({ code, severity, message: "" });

describe("the mock interview's choice of follow-up", () => {
  it("asks about the gap an interviewer probes first, and about length only when far too short", () => {
    expect(chooseProbe([issue("MISSING_RESULT"), issue("MISSING_ACTION"), issue("NOT_A_STORY")])).toBe("NOT_A_STORY");
    expect(chooseProbe([issue("MISSING_LESSON"), issue("WE_HEAVY", "medium")])).toBe("WE_HEAVY");
    // On a failure question the lesson is the point: asked before the numbers.
    expect(chooseProbe([issue("NOT_QUANTIFIED", "medium"), issue("MISSING_LESSON")])).toBe("MISSING_LESSON");
    expect(chooseProbe([issue("NUMBERS_ONLY_IN_SETUP", "medium"), issue("MISSING_LESSON")])).toBe("MISSING_LESSON");
    expect(chooseProbe([issue("TOO_SHORT", "medium"), issue("MISSING_TASK", "low"), issue("SETUP_TOO_LONG", "medium")])).toBeNull();
    expect(chooseProbe([issue("TOO_SHORT", "high")])).toBe("TOO_SHORT");
    expect(chooseProbe([])).toBeNull();
  });

  it("names a draft's first labelled gap in that order", () => {
    expect(firstLabelledGap({ ...ALL_THERE, action: false, result: false })).toBe("MISSING_ACTION");
    expect(firstLabelledGap({ ...ALL_THERE, quantified: false, lessonRequired: true })).toBe("MISSING_LESSON");
    expect(firstLabelledGap({ ...ALL_THERE, quantified: false, lessonRequired: true, lesson: true })).toBe("NOT_QUANTIFIED");
    // A missing situation or task is no gap a follow-up asks about.
    expect(firstLabelledGap({ ...ALL_THERE, situation: false, task: false })).toBeNull();
  });
});

describe("evaluateFollowUps", () => {
  it("counts probes of thin drafts, complete drafts spared, and probes on a labelled gap", () => {
    // The critique reads these four as: complete (no follow-up), no result (asks the outcome), "we" (asks your part),
    // and the no-result answer again, labelled complete on purpose: a probe the labels do not back.
    const metrics = evaluateFollowUps("hand", [
      draft("complete", COMPLETE, {}),
      draft("no-result", NO_RESULT, { result: false, quantified: false }),
      draft("we", WE, { weHeavy: true }),
      draft("mislabelled", NO_RESULT, {}),
    ]);
    expect(metrics).toEqual({
      dataset: "hand",
      cases: 4,
      thin: 2,
      probedWhenThin: 1,
      complete: 2,
      sparedWhenComplete: 0.5,
      probedForGap: 3,
      probeOnLabelledGap: 2 / 3,
      firstGapProbed: 1,
    });
  });
});
