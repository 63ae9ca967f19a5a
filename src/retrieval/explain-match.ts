import type { Story, StoryPart } from "../core/story.js";
import { capitalise } from "../text/index.js";
import type { Principle } from "../principles/index.js";
import type { Competency, NonBehaviouralKind, TextProfile } from "../understanding/index.js";
import { headingEvidence, quoteSentence, themeSentence, wholeSentences, wordsSentence, type EvidenceSentence, type HeadingLine } from "./quote-evidence.js";

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

// A question theme counts as asked when it scores this much: the learned classifier gives every theme a little.
const ASKED_THEME = 0.2;
// A principle counts as asked at this share of the question's strongest one.
const ASKED_PRINCIPLE = 0.3;

/** The themes a question asks about, strongest first (none for a question with no clear theme). */
export function askedThemes(question: TextProfile, competencies: readonly Competency[]): Competency[] {
  return competencies
    .filter((competency) => (question.competencies.get(competency.id) ?? 0) >= ASKED_THEME)
    .sort((a, b) => question.competencies.get(b.id)! - question.competencies.get(a.id)!);
}

/** An asked theme the story shows, with the sentence that shows it (none when only its heading names the theme). */
export interface SharedTheme {
  competency: Competency;
  sentence: EvidenceSentence | undefined;
  /** The line of the heading (title, a question the story answers, its tags) that names the theme, when no sentence shows it. */
  heading?: HeadingLine;
}

/**
 * The asked theme the story shows most strongly in a sentence of its own,
 * or that its own heading names: a theme its profile merely leans to (a
 * system's "failure logs") is not claimed.
 */
export function sharedTheme(story: Story, storyProfile: TextProfile, question: TextProfile, asked: readonly Competency[], questionTerms: readonly string[] = []): SharedTheme | undefined {
  const candidates = asked
    .map((competency) => ({ competency, score: (question.competencies.get(competency.id) ?? 0) * (storyProfile.competencies.get(competency.id) ?? 0) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score);
  for (const { competency } of candidates) {
    const sentence = themeSentence(story, competency.id, questionTerms);
    if (sentence) return { competency, sentence };
    // A story written for "Tell me about a time you failed" is a failure story even when no sentence says so outright.
    const heading = headingEvidence(story, competency.id);
    if (heading) return { competency, sentence, heading };
  }
  return undefined;
}

/** The principle the story is filed under that the question asks about most, if any. */
export function sharedFiledPrinciple(question: TextProfile, story: Story): Principle | undefined {
  let best: { principle: Principle; weight: number } | undefined;
  for (const principle of story.principles) {
    const weight = question.principles.get(principle) ?? 0;
    if (weight >= ASKED_PRINCIPLE && (!best || weight > best.weight)) best = { principle, weight };
  }
  return best?.principle;
}

/** Everything a match's explanation is built from. */
export interface ExplanationInput {
  story: Story;
  /** The themes the question asks about, strongest first. */
  asked: readonly Competency[];
  theme: SharedTheme | undefined;
  /** A principle the story is filed under that the question asks about. */
  principle: Principle | undefined;
  /**
   * True when the story's principles were inferred from its content (its bank names none): then the principle is
   * what its content reads as, never the writer's filing.
   */
  principleInferred?: boolean;
  lead: LeadPart;
  /** The question's content words (stemmed) the story also uses. */
  matchedTerms: string[];
  /** Set when the question is not a story question ("Why Amazon?"). */
  nonBehavioural?: NonBehaviouralKind;
  /** True when no signal told this story apart from any other. */
  unmatched?: boolean;
}

// What to do with a story no line of which shows the theme asked about. The score is the story's standing among
// the bank's stories, often high for the closest of a bank with no story on the theme: a verdict such as "a weak fit"
// beside [0.90] would contradict it, so the why says what the story lacks and when it can still be told.
const ADD_A_LINE = "tell it only if you can add a line that does";

/**
 * One sentence a candidate can use: what the story shows for this question,
 * quoting the whole sentence that shows it (or that uses the question's
 * words), or plainly what it lacks; then where to start telling it.
 */
export function explainMatch(input: ExplanationInput): string {
  const { story, asked, theme, principle, lead, matchedTerms, nonBehavioural, unmatched, principleInferred } = input;
  const pieces: string[] = [];
  // "(Earn Trust)" after a theme is the bank's filing. A principle inferred from the story's content is not named
  // beside it: the theme quoted already says what the content shows, and a bracket would read as the writer's filing.
  const filed = principle && !principleInferred ? ` (${principle})` : "";
  const missing = asked[0] ? `no line shows ${asked[0].name.toLowerCase()}` : "";
  let quoted: EvidenceSentence | undefined;
  if (nonBehavioural) {
    pieces.push(`Optional for ${article(nonBehavioural)} ${nonBehavioural} question: use it only as a short example`);
  } else if (unmatched) {
    pieces.push("Nothing in the question's words or themes points to this story or any other");
  } else if (theme) {
    quoted = theme.sentence;
    // The heading line that names the theme is quoted: a title ("Customer Obsession") need not, when the question it answers does.
    const evidence = theme.sentence ? `"${quoteSentence(theme.sentence)}"` : headingQuote(theme.heading ?? { text: story.title, kind: "title" });
    pieces.push(`Shows ${theme.competency.name.toLowerCase()}${filed}: ${evidence}`);
  } else {
    const words = matchedTerms.length > 0 ? wordsSentence(story, matchedTerms) : undefined;
    if (words) {
      quoted = words;
      const named = words.words.slice(0, 3).map((word) => `"${word}"`).join(", ");
      // Beside what the story lacks a principle would read as praise; it is named only when the question asks for no theme.
      pieces.push(`Shares ${named} with the question${missing ? "" : filed}: "${quoteSentence(words)}"${missing ? `, but ${missing}: ${ADD_A_LINE}` : ""}`);
    } else if (principle && principleInferred && !missing) {
      // The bank files this story under nothing: the principle is what its content reads as, not the writer's word.
      pieces.push(`Its content reads as ${principle}, which the question asks about`);
    } else if (principle && !principleInferred) {
      pieces.push(missing ? `Filed under ${principle}, which the question asks about, but ${missing}: ${ADD_A_LINE}` : `Your closest ${principle} story`);
    } else {
      pieces.push(missing ? `${capitalise(missing)}: ${ADD_A_LINE}` : "It shares no word with the question outright");
    }
  }
  pieces.push(leadClause(story, lead, quoted));
  if (!story.parts.result) pieces.push("it has no result yet: add one before using it");
  return `${pieces.join("; ")}.`;
}

// The lead part opens on the quoted line when that line is in it, else on its first sentence.
function leadClause(story: Story, lead: LeadPart, quoted: EvidenceSentence | undefined): string {
  if (quoted && quoted.part === lead) return `lead with the ${lead}, from that line`;
  const leadText = story.parts[lead];
  const first = leadText ? wholeSentences(leadText)[0] : undefined;
  return `lead with the ${lead}${first ? `: "${quoteSentence({ text: first, part: lead }, 90)}"` : ""}`;
}

// Where in the heading the theme is named: a title is "its heading", as before; a question or tags say so.
function headingQuote(line: HeadingLine): string {
  const where = line.kind === "question" ? "the question it answers" : line.kind === "tags" ? "its tags" : "its heading";
  return `${where}, "${quoteSentence({ text: line.text, part: undefined }, 90)}"`;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}
