import type { Critique } from "../../core/critique.js";
import { COACHING_FIGURES } from "../coaching-figures.js";
import { enforceNoInvention, type Replacement } from "./enforce-no-invention.js";
import type { LlmCritique } from "./llm-critique-schema.js";

/** The model's critique after the no-invention check, field by field. */
export interface EnforcedCritique {
  critique: LlmCritique;
  /** What was replaced in the improved answer: each needs the candidate's real value. */
  inImprovedAnswer: Replacement[];
  /** Everything replaced, in every field. */
  all: Replacement[];
}

/**
 * Checks every text of the model's critique, not only the improved answer:
 * a follow-up or a piece of feedback that names a person or a figure the
 * candidate never gave ("How did Sarah react to the 25% drop?") gets a
 * placeholder too. Feedback may also cite the offline analysis (a part's
 * share, the word count), which is the coach's own reading of the answer,
 * and the coach's own guidance ("1-2 minutes", "150-300 words").
 */
export function enforceCritiqueFields(parsed: LlmCritique, candidateSources: readonly string[], question: string, offline: Critique): EnforcedCritique {
  const all: Replacement[] = [];
  const adviceSources = [...candidateSources, question, analysisFacts(offline), COACHING_FIGURES];
  const advice = (text: string) => {
    const enforced = enforceNoInvention(text, adviceSources);
    all.push(...enforced.replacements);
    return enforced.text;
  };
  const improved = enforceNoInvention(parsed.improvedAnswer, candidateSources);
  all.push(...improved.replacements);
  const parts = Object.fromEntries(Object.entries(parsed.parts).map(([part, value]) => [part, { ...value, feedback: advice(value.feedback) }])) as LlmCritique["parts"];
  return {
    critique: {
      parts,
      strengths: parsed.strengths.map(advice),
      improvements: parsed.improvements.map(advice),
      followUps: parsed.followUps.map(advice),
      improvedAnswer: improved.text,
    },
    inImprovedAnswer: improved.replacements,
    all,
  };
}

/** The offline analysis's own figures, as feedback may quote them: shares, length, speaking time, its issues. */
function analysisFacts(offline: Critique): string {
  const shares = Object.values(offline.star).map((part) => `${Math.round(part.share * 100)}%`);
  const minutes = Math.floor(offline.speakingSeconds / 60);
  return [...shares, `${offline.words} words`, `${offline.speakingSeconds} seconds`, `${minutes} minutes`, `${minutes} min ${offline.speakingSeconds % 60} s`, ...offline.issues.map((issue) => issue.message), ...offline.metrics].join("\n");
}
