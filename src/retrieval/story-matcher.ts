import type { Embedder } from "../core/embedder.js";
import type { StoryIndex } from "../core/story-index.js";
import type { Story } from "../core/story.js";
import { ProviderError } from "../errors/index.js";
import { findPrincipleMentions, PRINCIPLES, removePrincipleMentions, type Principle } from "../principles/index.js";
import { lexicalTerms, loadTaxonomy, profileText, questionKind, removeLessonRequest, topEntries, type Competency, type NonBehaviouralKind, type TextProfile } from "../understanding/index.js";
import { ASKED_THEME, askedThemes, chooseEvidence, chooseLeadPart, evidenceCompetency, explainMatch, sharedFiledPrinciple, type ExplanationInput, type LeadPart, type QuotedEvidence } from "./explain-match.js";
import { loadWhySentenceModel, type WhyQuestionView } from "./why-sentence/index.js";
import type { LexicalIndex } from "./lexical-index.js";
import { scoreRanker, type RankerModel } from "../learning/index.js";
import { filedFirst, principleOnlyQuestion } from "./filed-first.js";
import { fuseRanks, fuseScores, RRF_K, standardize, type FusedItem } from "./rank-fusion.js";
import { compileRanker, featureName, loadStoryRankerFile, questionSide, visitPairFeatures, type QuestionSide, type SignalStanding } from "./rerank/index.js";
import { FIT_WINDOW, fitLevel, fitValues, loadStoryFitModel, stretchesLast, withFitFloor, type FitLevel } from "./fit/index.js";
import { filedUnder } from "./filed-under.js";
import { FIGURE } from "./quote-evidence.js";
import { setbackShown, type StoryFeatures } from "./story-features.js";
import { fewerThanAsked, noClearFitNotice, nonBehaviouralNotice, type MatchNotice } from "./match-notices.js";
import { validateQuestion } from "./validate-question.js";
import { ThemeMatrix } from "./theme-matrix.js";
import type { MatchJudgeReport } from "./judge/match-judge.js";

/** The retrieval signals that can be fused; the eval compares subsets. */
export type SignalName = "dense" | "lexical" | "themes" | "principles";
export const HYBRID_SIGNALS: readonly SignalName[] = ["dense", "lexical", "themes", "principles"];

export interface StoryMatch {
  id: string;
  experience: string;
  title: string;
  principles: Principle[];
  score: number;
  why: string;
  leadWith: LeadPart;
  text: string;
  alsoTold: Array<{ id: string; title: string }>;
  /**
   * How well the story answers the question whatever else the bank holds (not
   * part of the contract): absent when the signals were not all fused, or
   * for a question that asks for no story.
   */
  fit?: FitLevel;
}

/** One `coach match --json` line (contracts). */
export interface MatchResult {
  question: string;
  principles: Array<{ name: Principle; score: number }>;
  competencies: Array<{ name: string; score: number }>;
  matches: StoryMatch[];
  /** Things the user should know about the question or the stories shown (not part of the contract; shown as their messages). */
  notices: MatchNotice[];
  /** With a provider's model configured: who judged the matches' fit, or why it could not (not part of the contract). */
  judge?: MatchJudgeReport;
}

// The learned ranker re-orders this many score-fusion leaders; past them it would only cost time.
const RERANK_DEPTH = 20;

// Inside the theme signal, how much the principle match counts beside the competency match.
const PRINCIPLE_SHARE = 0.5;
// How far a setback story's theme score falls for a question that asks for a success.
const OUTCOME_CLASH = 0.5;
// The theme of a question that asks for a success ("Proudest achievement?", "exceeded expectations"). Not "deadline":
// "something urgent" or "a commitment with no room to slip" asks as often for a scramble that went wrong.
const SUCCESS_THEME = "exceeded-goal";

export interface MatchOptions {
  /**
   * How signals are combined: the learned re-ranker (default when its model is
   * present and every signal is on), standardised scores, or reciprocal ranks.
   */
  fusion?: "learned" | "score" | "rank";
  /** Weights of the fused signals in order (dense, lexical, themes); equal by default. */
  weights?: number[];
  k?: number;
  signals?: readonly SignalName[];
  /**
   * Read each match's fit and put stretches after the stories that fit
   * (default); off, matches carry no fit and keep the ranking's order, as the
   * fit model's training reads them.
   */
  fit?: boolean;
  /** Expand the question with interview-vocabulary families (off only to measure plain BM25). */
  expandVocabulary?: boolean;
}

export interface StoryMatcherParts {
  stories: readonly Story[];
  features: readonly StoryFeatures[];
  index: StoryIndex;
  embedder: Embedder;
  lexical: LexicalIndex;
  /** The learned re-ranker; without it signals are fused by standardised scores. */
  ranker?: RankerModel | null;
}

/** "Which of my stories fits this question?": hybrid retrieval over a parsed, indexed bank. */
export class StoryMatcher {
  private readonly position = new Map<string, number>();
  private readonly tellings = new Map<string, Story[]>();
  private readonly themeMatrix: ThemeMatrix;

  constructor(private readonly parts: StoryMatcherParts) {
    this.themeMatrix = new ThemeMatrix(parts.features);
    parts.stories.forEach((story, index) => {
      this.position.set(story.id, index);
      this.tellings.set(story.experience, [...(this.tellings.get(story.experience) ?? []), story]);
    });
  }

  /**
   * Whether the learned re-ranker scores a story for a question (it is among
   * the score-fusion leaders the ranker re-orders), rather than leaving it
   * below them; false without a ranker, or when no signal separates the stories.
   */
  async isReranked(rawQuestion: string, storyId: string): Promise<boolean> {
    if (!this.parts.ranker) return false;
    const { question } = validateQuestion(rawQuestion);
    const scores = await this.signalScores(readQuestion(question), HYBRID_SIGNALS);
    const fused = fuseScores(scores.map((signal) => signal.scores));
    if (!fused.some((item) => item.fused !== 0)) return false;
    const position = this.position.get(storyId);
    return fused.slice(0, RERANK_DEPTH).some((item) => item.index === position);
  }

  async match(rawQuestion: string, options: MatchOptions = {}): Promise<MatchResult> {
    const { question, notices } = validateQuestion(rawQuestion);
    const k = Math.max(1, Math.min(options.k ?? 3, 50));
    const signals = options.signals ?? HYBRID_SIGNALS;
    const read = readQuestion(question);
    const profile = read.profile;
    const count = this.parts.stories.length;
    const taxonomy = loadTaxonomy();
    const scores = await this.signalScores(read, signals, options.expandVocabulary);
    const values = scores.map((signal) => signal.scores);
    let fused = options.fusion === "rank" ? fuseRanks(values, options.weights) : fuseScores(values, options.weights);
    // The ranker was trained on the four signals fused with equal weights and vocabulary expansion; asked for
    // anything else, or when no signal separates the stories, it stands aside.
    const asTrained = (options.fusion === undefined || options.fusion === "learned") && signals.length === HYBRID_SIGNALS.length && !options.weights && options.expandVocabulary === undefined;
    const ranker = asTrained && fused.some((item) => item.fused !== 0) ? (this.parts.ranker ?? null) : null;
    if (ranker) fused = this.rerank(fused, ranker, read.side, this.withCoverage(scores, read));
    const onlyPrinciples = asTrained ? principleOnlyQuestion(question, taxonomy.templateWords) : [];
    fused = filedFirst(fused, this.parts.stories, onlyPrinciples);
    const seen = new Set<string>();
    let matches: StoryMatch[] = [];
    const kind = questionKind(question);
    const { nonBehavioural, asked, topCompetency, questionTerms, namedPrinciples } = explanationReading(question, profile, kind.kind);
    // With no re-ranker and every fused score 0, no signal tells the stories apart: any order would be a guess. That
    // alone is not "nothing is shared": a one-story bank's scores never differ, though its story may share the question's words.
    // With the re-ranker on, stories still get different scores from the dense words and the principle guesses; but when
    // no story shares a word or a theme with the question ("asdf", "What is the capital of France?"), that order is noise.
    const unmatched = (ranker !== null || fused.every((item) => item.fused === 0)) && sharesNothing(scores);
    // As the notice says: the bank's first story, not the one the noise put first.
    if (unmatched) fused = [...fused].sort((a, b) => a.index - b.index);
    let stoppedAtZero = false;
    const successAsked = (profile.competencies.get(SUCCESS_THEME) ?? 0) * (1 - setbackShown(profile));
    // Fits are read for the first three whatever k is, so that k does not change which story comes first.
    const fitted = asTrained && options.fit !== false && !nonBehavioural && !unmatched;
    const wanted = fitted ? Math.max(k, FIT_WINDOW) : k;
    for (const item of fused) {
      if (matches.length >= wanted || (unmatched && matches.length > 0)) break;
      if (item.fused === 0 && matches.length > 0 && !ranker) {
        stoppedAtZero = matches.length < k;
        break;
      }
      const features = this.parts.features[item.index]!;
      const story = features.story;
      if (seen.has(story.experience)) continue;
      seen.add(story.experience);
      const explanation = explanationInput(features, { profile, asked, topCompetency, questionTerms, namedPrinciples, nonBehavioural, unmatched });
      const modelFit = fitted ? this.fitOf(item.index, read, scores, explanation.evidence) : undefined;
      const fit =
        modelFit &&
        withFitFloor(modelFit, {
          filedUnderAskedPrinciple: onlyPrinciples.some((principle) => filedUnder(story, principle)),
          successAsked: successAsked >= ASKED_THEME,
          storyIsSetback: features.setback >= 0.5,
          resultHasFigure: FIGURE.test(story.parts.result ?? ""),
        });
      matches.push({
        id: story.id,
        experience: story.experience,
        title: story.title,
        // The bank's own filing (or, when the bank names none, the inferred principles), as `coach stories` shows it.
        principles: story.principles,
        score: Math.round(displayScore(item.fused, scores.length, ranker ? "learned" : options.fusion === "learned" ? "score" : options.fusion) * 1000) / 1000,
        why: explainMatch(explanation),
        leadWith: explanation.lead,
        text: story.text,
        alsoTold: (this.tellings.get(story.experience) ?? []).filter((other) => other.id !== story.id).map((other) => ({ id: other.id, title: other.title })),
        ...(fit ? { fit } : {}),
      });
    }
    if (fitted) matches = stretchesLast(matches, k);
    // After the reordering a stretch leads only when the first three all are; said only when every story shown is one.
    if (matches.length > 0 && matches.every((match) => match.fit === "stretch")) notices.push(noClearFitNotice());
    if (count === 0) notices.push({ code: "NO_STORIES", message: "The bank has no stories." });
    if (kind.answerWith) notices.push(nonBehaviouralNotice(kind.kind, kind.answerWith, unmatched ? undefined : matches[0]?.title));
    const shortBy = fewerThanAsked(matches.length, k, this.tellings.size, stoppedAtZero, unmatched);
    if (shortBy) notices.push(shortBy);
    return {
      question,
      // A question that asks for no story has no theme to report: the classifier's guesses would read as confident.
      principles: nonBehavioural ? [] : topEntries(profile.principles, 3),
      competencies: nonBehavioural ? [] : topEntries(profile.competencies, 3),
      matches,
      notices,
    };
  }

  /**
   * What a match of this story for the question would quote as its fit (the
   * why eval's view of `why`), whatever the story's rank; undefined for an id
   * not in the bank.
   */
  quotedEvidence(rawQuestion: string, storyId: string): QuotedEvidence | undefined {
    const position = this.position.get(storyId);
    if (position === undefined) return undefined;
    const { question } = validateQuestion(rawQuestion);
    const profile = readQuestion(question).profile;
    const reading = explanationReading(question, profile, questionKind(question).kind);
    return explanationInput(this.parts.features[position]!, { ...reading, profile, unmatched: false }).evidence;
  }

  /**
   * The stories the re-ranker would see for a question (the score-fusion
   * leaders), with their features: what the ranker is trained on.
   */
  async candidateFeatures(rawQuestion: string): Promise<Array<{ index: number; features: Map<string, number> }>> {
    const { question } = validateQuestion(rawQuestion);
    const read = readQuestion(question);
    const scores = await this.signalScores(read, HYBRID_SIGNALS);
    const leaders = fuseScores(scores.map((signal) => signal.scores)).slice(0, RERANK_DEPTH);
    const side = read.side;
    const standings = leaderStandings(this.withCoverage(scores, read), leaders);
    return leaders.map((item, position) => {
      const features = new Map<string, number>();
      visitPairFeatures(side, this.parts.features[item.index]!, standings[position]!, (left, right, value) => features.set(featureName(left, right), value));
      return { index: item.index, features };
    });
  }

  /** Each story's share of the question's words, as word matching reads them (principle names are the principle signal's). */
  private wordShares(read: ReadQuestion): readonly number[] {
    return this.parts.lexical.coverage(read.wordsWithoutPrinciples);
  }

  /** The signals' scores and, for the ranker's standings only, each story's share of the question's words (not fused). */
  private withCoverage(scores: ReadonlyArray<{ name: string; scores: readonly number[] }>, read: ReadQuestion): Array<{ name: string; scores: readonly number[] }> {
    return [...scores, { name: "coverage", scores: this.wordShares(read) }];
  }

  /** Re-orders the fused leaders by the learned ranker; the rest keep their fused order below them. */
  private rerank(fused: FusedItem[], ranker: RankerModel, side: QuestionSide, scores: ReadonlyArray<{ name: string; scores: readonly number[] }>): FusedItem[] {
    const leaders = fused.slice(0, RERANK_DEPTH);
    const standings = leaderStandings(scores, leaders);
    const weights = compileRanker(ranker);
    const rescored = leaders.map((item, position) => {
      let score = 0;
      visitPairFeatures(side, this.parts.features[item.index]!, standings[position]!, (left, right, value) => (score += (weights.get(left)?.get(right) ?? 0) * value));
      return { ...item, fused: score, fusedPosition: position };
    });
    // Ties keep the score-fusion order.
    rescored.sort((a, b) => b.fused - a.fused || a.fusedPosition - b.fusedPosition);
    const floor = Math.min(0, ...rescored.map((item) => item.fused)) - 1;
    // The items past the leaders are this call's own (fusion builds them fresh): lowered in place, not copied, as there can be thousands.
    const rest = fused.slice(RERANK_DEPTH);
    for (const item of rest) item.fused = floor;
    return [...rescored.map(({ fusedPosition: _, ...item }) => item), ...rest];
  }

  /**
   * The story-fit model's feature values for these stories and the question
   * (what it is trained and measured on), in the order given; undefined for
   * an id not in the bank.
   */
  async fitFeatures(rawQuestion: string, storyIds: readonly string[]): Promise<Array<number[] | undefined>> {
    const { question } = validateQuestion(rawQuestion);
    const read = readQuestion(question);
    const scores = await this.signalScores(read, HYBRID_SIGNALS);
    const reading = { ...explanationReading(question, read.profile, questionKind(question).kind), profile: read.profile, unmatched: false };
    return storyIds.map((id) => {
      const index = this.position.get(id);
      if (index === undefined) return undefined;
      return this.fitInputValues(index, read, scores, explanationInput(this.parts.features[index]!, reading).evidence);
    });
  }

  /** The story's fit level for the question, or undefined without a fit model. */
  private fitOf(index: number, read: ReadQuestion, scores: ReadonlyArray<{ name: string; scores: number[] }>, evidence: QuotedEvidence): FitLevel | undefined {
    const model = loadStoryFitModel();
    return model ? fitLevel(model, this.fitInputValues(index, read, scores, evidence)) : undefined;
  }

  private fitInputValues(index: number, read: ReadQuestion, scores: ReadonlyArray<{ name: string; scores: number[] }>, evidence: QuotedEvidence): number[] {
    const features = this.parts.features[index]!;
    const profile = read.profile;
    const ranker = loadStoryRankerFile();
    let themeCross = 0;
    if (ranker) {
      const weights = compileRanker(ranker);
      // No standings: only the crosses of the question's themes and words with the story's, which other stories do not move.
      visitPairFeatures(read.side, features, [], (left, right, value) => (themeCross += (weights.get(left)?.get(right) ?? 0) * value));
    }
    const [top] = topEntries(profile.competencies, 1);
    return fitValues({
      themeCross,
      lexical: scores.find((signal) => signal.name === "lexical")?.scores[index] ?? 0,
      themes: scores.find((signal) => signal.name === "themes")?.scores[index] ?? 0,
      themeMass: themeMass(profile),
      evidence,
      topThemeShown: top ? (features.profile.competencies.get(top.name) ?? 0) : 0,
      questionClarity: top?.score ?? 0,
      wordCoverage: this.wordShares(read)[index] ?? 0,
    });
  }

  /** Each requested signal's score for every story, in bank order. */
  private async signalScores({ question, wordsToMatch, wordsWithoutPrinciples, profile }: ReadQuestion, signals: readonly SignalName[], expandVocabulary?: boolean): Promise<Array<{ name: string; scores: number[] }>> {
    const taxonomy = loadTaxonomy();
    const scores: Array<{ name: string; scores: number[] }> = [];
    if (signals.includes("dense")) scores.push({ name: "dense", scores: await this.denseScores(wordsToMatch) });
    if (signals.includes("lexical")) {
      const expand = expandVocabulary ?? signals.length > 1;
      // Principle names are matched by the principle signal; word by word, "Think Big" would find "big data".
      scores.push({ name: "lexical", scores: this.parts.lexical.score(expand ? wordsWithoutPrinciples : question, expand) });
    }
    const themes = signals.includes("themes");
    const principles = signals.includes("principles");
    if (themes || principles) {
      const competencyWeights = taxonomy.competencies.map((competency) => (themes ? (profile.competencies.get(competency.id) ?? 0) : 0));
      const principleWeights = PRINCIPLES.map((principle) => (principles ? PRINCIPLE_SHARE * (profile.principles.get(principle) ?? 0) : 0));
      // A story of a setback ("we ended the half well short of the goal") shares themes with a question about a success
      // ("Proudest achievement?") without answering it; a question that also asks for a setback ("a goal you missed") does not.
      const successAsked = (profile.competencies.get(SUCCESS_THEME) ?? 0) * (1 - setbackShown(profile));
      const themeScores = this.themeMatrix.scores(competencyWeights, principleWeights, OUTCOME_CLASH, successAsked);
      scores.push({ name: "themes", scores: themeScores });
    }
    return scores;
  }

  // The last question's vector: a loop plan asks about each question twice (k, then its candidates), and a
  // provider's embedding is a network call.
  private lastEmbedded?: { text: string; vector: number[] };

  private async denseScores(question: string): Promise<number[]> {
    const vector = this.lastEmbedded?.text === question ? this.lastEmbedded.vector : (await this.parts.embedder.embed([question]))[0]!;
    this.lastEmbedded = { text: question, vector };
    // A provider that answers at another size than the index was built with (the same model name, changed) must not reach hnswlib.
    if (this.parts.stories.length > 0 && vector!.length !== this.parts.index.dimensions) {
      throw new ProviderError(
        "PROVIDER_BAD_RESPONSE",
        `${this.parts.embedder.id}: the provider returned ${vector!.length}-dimension vectors where the index has ${this.parts.index.dimensions}; rebuild it with coach index <your bank> --force.`,
        { vectorSizes: { index: this.parts.index.dimensions, provider: vector!.length } },
      );
    }
    const scores = new Array<number>(this.parts.stories.length).fill(0);
    // Past the first fifty neighbours the dense signal no longer separates stories; the rest share the floor.
    for (const hit of this.parts.index.search(vector!, Math.min(50, this.parts.stories.length))) {
      const index = this.position.get(hit.id);
      if (index !== undefined) scores[index] = Math.max(1e-9, hit.score + 1);
    }
    return scores;
  }
}

/** The most the theme signal can give a story: the question's theme weights and its principle weights at their share, summed. */
function themeMass(profile: TextProfile): number {
  let mass = 0;
  for (const weight of profile.competencies.values()) mass += weight;
  for (const weight of profile.principles.values()) mass += PRINCIPLE_SHARE * weight;
  return mass;
}

/** A question as the signals read it: whole, without its request for a lesson, and profiled. */
interface ReadQuestion {
  question: string;
  wordsToMatch: string;
  /** The words to match without principle names (the principle signal matches those). */
  wordsWithoutPrinciples: string;
  profile: TextProfile;
  /** The question's side of the re-ranker's pair features. */
  side: QuestionSide;
}

function readQuestion(question: string): ReadQuestion {
  // "... What did you learn from it?" asks for the story's lesson: left in, "learn" would find stories about
  // learning a skill, in word matching and in the question's themes alike.
  const wordsToMatch = removeLessonRequest(question);
  const profile = profileText(wordsToMatch, "question");
  return { question, wordsToMatch, wordsWithoutPrinciples: removePrincipleMentions(wordsToMatch), profile, side: questionSide({ profile, terms: lexicalTerms(question, loadTaxonomy().templateWords) }) };
}

/**
 * Whether no story shares a word (lexical signal) or a theme (theme signal)
 * with the question; with neither signal in use, nothing shows a story shares anything.
 */
function sharesNothing(scores: ReadonlyArray<{ name: string; scores: readonly number[] }>): boolean {
  return scores.every((signal) => (signal.name !== "lexical" && signal.name !== "themes") || signal.scores.every((score) => score <= 0));
}

/**
 * A 0-1 score for display: rank fusion divides by the best possible sum; score
 * fusion squashes the mean standard score (a story two standard deviations
 * above the rest on every signal scores about 0.95).
 */
function displayScore(fused: number, signals: number, fusion: MatchOptions["fusion"]): number {
  if (signals === 0) return 0;
  if (fusion === "rank") return Math.min(1, fused / (signals / (RRF_K + 1)));
  if (fusion === "learned") return 1 / (1 + Math.exp(-fused / 2));
  return 1 / (1 + Math.exp(-1.5 * (fused / signals)));
}

/** Each leader's z-score and rank under every signal (ranks as ranksOf gives them: stories scoring higher; last when 0). */
function leaderStandings(scores: ReadonlyArray<{ name: string; scores: readonly number[] }>, leaders: readonly FusedItem[]): SignalStanding[][] {
  const perSignal = scores.map((signal) => ({ name: signal.name, values: signal.scores, z: standardize(signal.scores) }));
  return leaders.map((item) =>
    perSignal.map((signal) => {
      const own = signal.values[item.index]!;
      return { name: signal.name, z: signal.z[item.index]!, rank: own > 0 ? countAbove(signal.values, own) : signal.values.length };
    }),
  );
}

// A count per leader (20 of them) costs less than sorting every signal's scores for a 1,000-story bank.
function countAbove(values: readonly number[], threshold: number): number {
  let count = 0;
  for (let index = 0; index < values.length; index++) if (values[index]! > threshold) count++;
  return count;
}

/** What the question brings to every story's explanation. */
interface QuestionReading {
  profile: TextProfile;
  asked: readonly Competency[];
  topCompetency: string | undefined;
  questionTerms: ReadonlySet<string>;
  /** The principles the question names ("Describe how you showed Ownership"). */
  namedPrinciples: ReadonlySet<Principle>;
  nonBehavioural: NonBehaviouralKind | undefined;
  unmatched: boolean;
}

/** The question as every story's explanation reads it (what the why-sentence model is trained and run on). */
export function whyQuestionView(rawQuestion: string): WhyQuestionView {
  const { question } = validateQuestion(rawQuestion);
  const profile = readQuestion(question).profile;
  const { asked, questionTerms } = explanationReading(question, profile, questionKind(question).kind);
  return { profile, asked, terms: questionTerms };
}

// What every story's explanation takes from the question: the themes it asks about (none for a question that asks for no story).
function explanationReading(question: string, profile: TextProfile, kind: ReturnType<typeof questionKind>["kind"]): Omit<QuestionReading, "profile" | "unmatched"> {
  const taxonomy = loadTaxonomy();
  const nonBehavioural = kind === "behavioural" ? undefined : kind;
  const asked = nonBehavioural ? [] : askedThemes(profile, taxonomy.competencies);
  const topCompetency = nonBehavioural ? undefined : (asked[0]?.id ?? topEntries(profile.competencies, 1)[0]?.name);
  return { nonBehavioural, asked, topCompetency, questionTerms: new Set(lexicalTerms(question, taxonomy.templateWords)), namedPrinciples: new Set(findPrincipleMentions(question)) };
}

// The one place a story's explanation is assembled, for a match and for the why eval alike.
function explanationInput(features: StoryFeatures, reading: QuestionReading): ExplanationInput {
  const { profile, asked, topCompetency, questionTerms, nonBehavioural, unmatched, namedPrinciples } = reading;
  const story = features.story;
  const evidence = chooseEvidence(story, features.profile, { profile, asked, terms: questionTerms }, loadWhySentenceModel());
  return {
    story,
    asked,
    evidence,
    principle: nonBehavioural ? undefined : sharedFiledPrinciple(profile, story, asked.length > 0 ? undefined : namedPrinciples),
    principleInferred: story.principleSource === "inferred",
    lead: chooseLeadPart(story, evidenceCompetency(evidence)?.id ?? topCompetency),
    nonBehavioural,
    unmatched,
  };
}
