import type { Story, StoryPart } from "../core/story.js";
import type { Principle } from "../principles/index.js";
import { shorten, splitSentences } from "../text/index.js";
import type { Competency, TextProfile } from "../understanding/index.js";

export type LeadPart = Exclude<StoryPart, "lesson">;

// Which part of a story an interviewer asking about this competency wants first.
const LEAD_BY_COMPETENCY: Record<string, LeadPart> = {
  "exceeded-goal": "result", cost: "result", performance: "result", deadline: "result", obstacles: "result", automation: "result",
  conflict: "situation", "disagree-commit": "situation", failure: "situation", "missed-goal": "situation", "bad-decision": "situation",
  customer: "situation", trust: "situation", "feedback-received": "situation", ambiguity: "situation", "team-wellbeing": "situation",
  "ownership-beyond-role": "task", "long-term": "task", prioritization: "task", "big-vision": "task", learning: "task", "anticipate-need": "task",
  "root-cause": "action", incident: "action", innovation: "action", simplification: "action", influence: "action", mentoring: "action",
  hiring: "action", "feedback-given": "action", quality: "action", "process-improvement": "action", collaboration: "action",
  communication: "action", speed: "action", judgement: "action", "broad-impact": "action", security: "action",
};

const NUMBER = /\d|\b(half|double[ds]?|tripled?|twice|thousands?|millions?|hundreds?)\b/i;

/** Which part to open with: what this kind of question wants, if the story has it. */
export function chooseLeadPart(story: Story, questionCompetency: string | undefined): LeadPart {
  const wanted = (questionCompetency && LEAD_BY_COMPETENCY[questionCompetency]) || (story.parts.result && NUMBER.test(story.parts.result) ? "result" : "action");
  const fallbacks: Record<LeadPart, LeadPart[]> = {
    result: ["result", "action", "situation", "task"],
    situation: ["situation", "task", "action", "result"],
    task: ["task", "situation", "action", "result"],
    action: ["action", "result", "task", "situation"],
  };
  return fallbacks[wanted].find((part) => story.parts[part]) ?? "situation";
}

/** The competency both question and story show most strongly, if any. */
export function sharedCompetency(question: TextProfile, story: TextProfile, competencies: readonly Competency[]): Competency | undefined {
  let best: { competency: Competency; score: number } | undefined;
  for (const competency of competencies) {
    const score = (question.competencies.get(competency.id) ?? 0) * (story.competencies.get(competency.id) ?? 0);
    if (score > 0 && (!best || score > best.score)) best = { competency, score };
  }
  return best?.competency;
}

/**
 * One sentence a candidate can use: what the story shows for this question,
 * quoting the line that shows it, and where to start telling it.
 */
export function explainMatch(input: {
  story: Story;
  storyText: string;
  storyProfile: TextProfile;
  shared: Competency | undefined;
  principle: Principle | undefined;
  lead: LeadPart;
  matchedTerms: string[];
}): string {
  const { story, storyText, storyProfile, shared, principle, lead, matchedTerms } = input;
  const pieces: string[] = [];
  if (shared) {
    const quote = quoteEvidence(storyText, storyProfile, shared.id);
    pieces.push(`Shows ${shared.name.toLowerCase()}${principle ? ` (${principle})` : ""}${quote ? `: "${quote}"` : ""}`);
  } else if (matchedTerms.length > 0) {
    pieces.push(`Covers ${matchedTerms.slice(0, 3).map((term) => `"${term}"`).join(", ")} from the question${principle ? ` (${principle})` : ""}`);
  } else if (principle) {
    pieces.push(`Your closest ${principle} story`);
  } else {
    pieces.push("Closest story in your bank, but a weak fit");
  }
  const leadText = story.parts[lead];
  const opener = leadText ? shorten(splitSentences(leadText)[0]?.text ?? leadText, 90) : "";
  pieces.push(`lead with the ${lead}${opener ? `: "${opener}"` : ""}`);
  if (!story.parts.result) pieces.push("it has no result yet: add one before using it");
  return `${pieces.join("; ")}.`;
}

// The sentence with the most evidence for the competency, not merely the first one that mentions it.
function quoteEvidence(text: string, profile: TextProfile, competencyId: string): string | undefined {
  const matches = profile.evidence.get(competencyId);
  if (!matches?.length) return undefined;
  const sentences = splitSentences(text);
  let best: { text: string; weight: number } | undefined;
  for (const sentence of sentences) {
    let weight = 0;
    for (const match of matches) {
      const token = profile.tokens[match.from];
      if (token && token.start >= sentence.start && token.end <= sentence.end) weight += match.cue.weight * match.cue.pattern.length;
    }
    if (weight > 0 && (!best || weight > best.weight)) best = { text: sentence.text, weight };
  }
  return best ? shorten(best.text.replace(/[.;:,\s]+$/, ""), 90) : undefined;
}


