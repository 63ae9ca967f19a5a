import type { Story, StoryPart } from "../core/story.js";
import { capitalise, listItemsOf, openingSentence } from "../text/index.js";
import type { Principle } from "../principles/index.js";
import type { Competency, NonBehaviouralKind, TextProfile } from "../understanding/index.js";
import type { RankerModel } from "../learning/index.js";
import { evidenceIn, FIGURE, headingAsking, headingEvidence, quoteSentence, themeSentence, wholeSentences, wordsSentence, type EvidenceSentence, type HeadingLine, type StorySentence, type WordsSentence } from "./quote-evidence.js";
import { pickWhySentence, type WhyQuestionView } from "./why-sentence/index.js";

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
export const ASKED_THEME = 0.2;
// A principle counts as asked at this share of the question's strongest one.
export const ASKED_PRINCIPLE = 0.3;

/** The themes a question asks about, strongest first (none for a question with no clear theme). */
export function askedThemes(question: TextProfile, competencies: readonly Competency[]): Competency[] {
  return competencies
    .filter((competency) => (question.competencies.get(competency.id) ?? 0) >= ASKED_THEME)
    .sort((a, b) => question.competencies.get(b.id)! - question.competencies.get(a.id)!);
}

// The asked themes the story leans to, most shared first: the ones worth looking for in its lines and heading.
function sharedCandidates(storyProfile: TextProfile, question: TextProfile, asked: readonly Competency[]): Competency[] {
  return asked
    .map((competency) => ({ competency, score: (question.competencies.get(competency.id) ?? 0) * (storyProfile.competencies.get(competency.id) ?? 0) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score)
    .map((entry) => entry.competency);
}

/** What a match's explanation quotes as the reason the story fits. */
export type QuotedEvidence =
  /** A sentence that shows an asked theme. */
  | { kind: "theme"; competency: Competency; sentence: EvidenceSentence }
  /** The heading line that names an asked theme, when no sentence shows it. */
  | { kind: "heading"; competency: Competency; line: HeadingLine }
  /**
   * The line the why-sentence model picks where the story shows an asked theme, though no cue in that line names it;
   * with `heading` when only the heading names the theme.
   */
  | { kind: "line"; competency: Competency; sentence: WordsSentence; heading?: HeadingLine }
  /** The story's title or a question it answers asks what the question asks, in about its words. */
  | { kind: "asked"; line: HeadingLine }
  /** A sentence that shares the question's words; `lacking` when the question asks for a theme no line shows. */
  | { kind: "words"; sentence: WordsSentence; lacking: boolean }
  /** Nothing quoted; `lacking` when the question asks for a theme no line shows. */
  | { kind: "none"; lacking: boolean };

/**
 * The line that shows the story fits the question. Whether one does is the
 * theme cues' call: a sentence with an asked theme's cue phrases, or a heading
 * that names the theme. Which line to quote is the why-sentence model's,
 * trained on readers' picks (without it, the sentence with the strongest
 * cues). With neither, a sentence with the question's words, else nothing.
 */
export function chooseEvidence(story: Story, storyProfile: TextProfile, question: WhyQuestionView, model: RankerModel | null): QuotedEvidence {
  const candidates = sharedCandidates(storyProfile, question.profile, question.asked);
  const cueShown = firstDefined(candidates, (competency) => {
    const sentence = themeSentence(story, competency.id, [...question.terms]);
    return sentence ? { kind: "theme" as const, competency, sentence } : undefined;
  });
  // Only looked for when no sentence shows a theme: reading the heading's cues costs as much as a sentence's.
  const heading = cueShown ? undefined : firstDefined(candidates, (competency) => {
    const line = headingEvidence(story, competency.id);
    return line ? { kind: "heading" as const, competency, line } : undefined;
  });
  // Readers found the cues' call of "no line shows it" no worse than any learned bar (evals/README.md); the model only picks the line.
  const pick = model && (cueShown || heading) ? pickWhySentence(model, story, question) : undefined;
  if (pick) {
    // Named only for a theme the cues found in the story, the one they chose first: never another asked theme the line happens to cue.
    const chosen = (cueShown ?? heading)!.competency;
    for (const competency of [chosen, ...candidates.filter((candidate) => candidate !== chosen)]) {
      const evidence = evidenceIn(pick.sentence, pick.profile, competency.id, question.terms);
      if (evidence.shows) return { kind: "theme", competency, sentence: evidence };
    }
    const sentence = evidenceIn(pick.sentence, pick.profile, undefined, question.terms);
    // When only the heading names the theme, the heading is named as the evidence, with the model's line beside it.
    return cueShown ? { kind: "line", competency: chosen, sentence } : { kind: "line", competency: chosen, sentence, heading: heading!.line };
  }
  if (cueShown) return cueShown;
  if (heading) return heading;
  const lacking = question.asked.length > 0;
  // Written for this very question, the story answers it ("It shares no word with the question" beside a story headed
  // by the question itself read as a fault, in a user audit). Where the question asks a theme, the story's question
  // must ask it too: "a large database migration that failed" shares three in four words with "a large database
  // migration you led", but only the first asks for a failure; "used data to drive a decision" asks what "used data to
  // make a decision" does (a user audit's story headed so was told "no line shows judgement: add a line").
  const asking = headingAsking(story, question.terms, lacking ? question.asked[0]!.id : undefined);
  if (asking) return { kind: "asked", line: asking };
  // Beside "no line shows X" a line sharing only "went" or "built" would read as evidence of something; where the
  // question asks for no theme, the words are all there is to go on, and readers found such lines fair (evals/README.md).
  const words = question.terms.size > 0 ? wordsSentence(story, [...question.terms], { telling: lacking }) : undefined;
  return words ? { kind: "words", sentence: words, lacking } : { kind: "none", lacking };
}

function firstDefined<T, R>(items: readonly T[], map: (item: T) => R | undefined): R | undefined {
  for (const item of items) {
    const result = map(item);
    if (result !== undefined) return result;
  }
  return undefined;
}

/**
 * The principle the story is filed under that the question asks about most,
 * if any; among `only` when given (a question with no clear theme asks about
 * the principles it names and no others, as its "asks about" line says).
 */
export function sharedFiledPrinciple(question: TextProfile, story: Story, only?: ReadonlySet<Principle>): Principle | undefined {
  let best: { principle: Principle; weight: number } | undefined;
  for (const principle of story.principles) {
    if (only && !only.has(principle)) continue;
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
  /** The line quoted as the story's fit, or none (`chooseEvidence`). */
  evidence: QuotedEvidence;
  /** A principle the story is filed under that the question asks about. */
  principle: Principle | undefined;
  /**
   * True when the story's principles were inferred from its content (its bank names none): then the principle is
   * what its content reads as, never the writer's filing.
   */
  principleInferred?: boolean;
  lead: LeadPart;
  /** Set when the question is not a story question ("Why Amazon?"). */
  nonBehavioural?: NonBehaviouralKind;
  /** True when no signal told this story apart from any other. */
  unmatched?: boolean;
}

// What to do with a story no line of which shows the theme asked about. The score is the story's standing among
// the bank's stories, often high for the closest of a bank with no story on the theme: a verdict such as "a weak fit"
// beside [0.90] would contradict it, so the why says what the story lacks. The cues miss a line readers find for about
// one acceptable story in six (the why eval's "missed"), so it asks for the line to be said, not for the story to be dropped.
const ADD_A_LINE = "if it does, add a line that says so";

/**
 * One sentence a candidate can use: what the story shows for this question,
 * quoting the whole sentence that shows it (or that uses the question's
 * words), or plainly what it lacks; then where to start telling it.
 */
export function explainMatch(input: ExplanationInput): string {
  const { story, asked, evidence, principle, lead, nonBehavioural, unmatched, principleInferred } = input;
  const pieces: string[] = [];
  // "(Earn Trust)" after a theme is the bank's filing. A principle inferred from the story's content is not named
  // beside it: the theme quoted already says what the content shows, and a bracket would read as the writer's filing.
  const filed = principle && !principleInferred ? ` (${principle})` : "";
  const missing = asked[0] ? `no line shows ${asked[0].name.toLowerCase()}` : "";
  let quoted: EvidenceSentence | undefined;
  // Shown only because a story was asked for: where to start it, or that it lacks a result, would be advice to tell it.
  if (nonBehavioural && unmatched) return `Optional for ${article(nonBehavioural)} ${nonBehavioural} question, and nothing in the question points to this story or any other: keep it for a question that asks for one.`;
  if (nonBehavioural) {
    pieces.push(`Optional for ${article(nonBehavioural)} ${nonBehavioural} question: use it only as a short example`);
  } else if (unmatched) {
    pieces.push("Nothing in the question's words or themes points to this story or any other");
  } else if (evidence.kind === "theme") {
    quoted = evidence.sentence;
    pieces.push(`Shows ${evidence.competency.name.toLowerCase()}${filed}: "${quoteSentence(evidence.sentence)}"`);
  } else if (evidence.kind === "heading") {
    // The heading line that names the theme is quoted: a title ("Customer Obsession") need not, when the question it answers does.
    pieces.push(`Shows ${evidence.competency.name.toLowerCase()}${filed}: ${headingQuote(evidence.line)}`);
  } else if (evidence.kind === "line") {
    quoted = evidence.sentence;
    const shown = `Shows ${evidence.competency.name.toLowerCase()}${filed}`;
    // No cue of the theme is in the line the readers' model picks: it is where to point, not a line that says the theme
    // (read as such, a user auditing a new bank found half of these lines false).
    pieces.push(`${shown}${evidence.heading ? ` by ${headingQuote(evidence.heading)}` : ""}; the line to point to: "${quoteSentence(evidence.sentence)}"`);
  } else if (evidence.kind === "asked") {
    pieces.push(`Written for this question${filed}: "${quoteSentence({ text: evidence.line.text, part: undefined }, 90)}"`);
  } else if (evidence.kind === "words") {
    const words = evidence.sentence;
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
  pieces.push(leadClause(story, lead, quoted));
  // Parts read from unlabelled prose may miss a result said in passing ("Matching was working again that afternoon"):
  // there the coach says what it could not find, not that the story lacks it.
  if (!story.parts.result) pieces.push(story.partsInferred ? "no sentence reads as its result: if it has one, say it plainly, with a figure if you have one" : "it has no result yet: add one before using it");
  return `${pieces.join("; ")}.`;
}

/** The competency an explanation's evidence shows, for choosing the part to lead with. */
export function evidenceCompetency(evidence: QuotedEvidence): Competency | undefined {
  return evidence.kind === "theme" || evidence.kind === "heading" || evidence.kind === "line" ? evidence.competency : undefined;
}

// The lead part opens on the quoted line when that line is in it, else on its first told sentence:
// jotted topics above the prose ("Airflow upgradation to support pyspark pipeline.") are notes, not an opening.
function leadClause(story: Story, lead: LeadPart, quoted: EvidenceSentence | undefined): string {
  if (quoted && quoted.part === lead) return `lead with the ${lead}, from that line`;
  const first = openingSentence(wholeSentences(story.parts[lead] ?? ""), listItemsOf(story.text));
  return `lead with the ${lead}${first ? `: "${quoteSentence(withFigureInFocus(first, lead), 90)}"` : ""}`;
}

// A long opening line is cut around its first figure, not before it: "…and the bill came to around $900 a month" is the point.
function withFigureInFocus(text: string, part: LeadPart): StorySentence | EvidenceSentence {
  const figure = FIGURE_AT.exec(text);
  if (!figure) return { text, part };
  const end = figure.index + (/^\S+/.exec(text.slice(figure.index))?.[0].length ?? 1);
  return { text, part, strength: 0, focusStart: figure.index, focusEnd: end };
}
const FIGURE_AT = new RegExp(FIGURE.source.replace("\\d", "[$£€]?\\d"), "i");

// Where in the heading the theme is named: a title is "its heading", as before; a question or tags say so.
function headingQuote(line: HeadingLine): string {
  const where = line.kind === "question" ? "the question it answers" : line.kind === "tags" ? "its tags" : "its heading";
  return `${where}, "${quoteSentence({ text: line.text, part: undefined }, 90)}"`;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}
