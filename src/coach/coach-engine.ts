import { createHash } from "node:crypto";
import type { Critic, Critique } from "../core/critique.js";
import { FOLLOW_UP_BY_ISSUE } from "../critique/follow-ups.js";
import { PRINCIPLES, normalizePrinciple, type Principle } from "../principles/index.js";
import { assessCoverage, type MatchResult, type StoryFeatures, type StoryMatcher } from "../retrieval/index.js";
import { lexicalTerms, loadTaxonomy } from "../understanding/index.js";
import type { BankQuestion } from "../understanding/question-bank.js";
import type { InterviewTurn, Session } from "./session.js";

/** Anything that answers a chat message: the offline engine or the LLM-driven coach. */
export interface Coach {
  respond(session: Session, message: string, events?: ReplyEvents): Promise<CoachReply>;
}

/** What a reply streams while it is written; the reply text is what the tokens after the last reset spell. */
export interface ReplyEvents {
  /** The next piece of the reply's text. */
  token?: (text: string) => void;
  /** The text sent so far for this reply is withdrawn (the model failed part-way); what follows replaces it. */
  reset?: () => void;
  /** Something the person should know about this reply, e.g. that the offline coach answers instead of the model. */
  notice?: (notice: { code: string; message: string }) => void;
}

/** What the coach says back: text for people, cards for pages and scripts. */
export interface CoachReply {
  text: string;
  cards: Array<{ type: "matches" | "critique" | "summary"; data: unknown }>;
}

export interface CoachParts {
  matcher: StoryMatcher;
  critic: Critic;
  features: readonly StoryFeatures[];
  questions: readonly BankQuestion[];
}

// Gaps worth one follow-up question, as a real interviewer would probe.
const THIN = new Set(["NOT_A_STORY", "MISSING_ACTION", "MISSING_RESULT", "WE_HEAVY", "MISSING_LESSON", "NOT_QUANTIFIED", "NUMBERS_ONLY_IN_SETUP"]);
const FOLLOW_UP_PRIORITY = ["NOT_A_STORY", "MISSING_ACTION", "WE_HEAVY", "MISSING_RESULT", "NOT_QUANTIFIED", "NUMBERS_ONLY_IN_SETUP", "MISSING_LESSON"];
const DEFAULT_INTERVIEW_LENGTH = 3;
const LONG_ANSWER_WORDS = 60;

const HELP = `I can:
- find the stories in your bank that fit a question: ask "Which story for: tell me about a time you failed?" or just paste the question;
- critique a drafted answer: "critique: <your answer>" (or paste an answer of 60+ words);
- run a mock interview: "interview me on Ownership and Dive Deep" (or just "interview me"); answer out loud as you would, "hint" shows which of your stories fit, "skip" moves on, "stop" ends;
- show how your stories cover the 16 Leadership Principles: "coverage".`;

/**
 * The offline coach: one conversation engine for the terminal and the API.
 * Deterministic: the same session id and messages give the same replies.
 */
export class CoachEngine implements Coach {
  constructor(private readonly parts: CoachParts) {}

  /** Answers one message; a message it refuses (it throws) leaves the session as it was. */
  async respond(session: Session, message: string, events: ReplyEvents = {}): Promise<CoachReply> {
    const text = message.trim();
    const now = new Date().toISOString();
    const before = structuredClone(session);
    session.messages.push({ role: "user", text, at: now });
    let reply: CoachReply;
    try {
      reply = await this.route(session, text);
    } catch (error) {
      // An answer too long to critique must not stay half-recorded (the message, or the interview answer it was added to).
      Object.assign(session, before);
      throw error;
    }
    session.messages.push({ role: "coach", text: reply.text, at: new Date().toISOString() });
    for (const piece of reply.text.match(/\S+\s*|\s+/g) ?? []) events.token?.(piece);
    return reply;
  }

  private async route(session: Session, text: string): Promise<CoachReply> {
    const lower = text.toLowerCase();
    if (text === "") return { text: "Say something: a question to find a story for, an answer to critique, or \"interview me\".", cards: [] };
    if (isHelpRequest(text)) return { text: HELP, cards: [] };
    const interview = session.interview;
    if (interview && interview.current !== null) {
      if (STOP_COMMAND.test(lower)) return this.finishInterview(session, "Stopping here.");
      if (SKIP_COMMAND.test(lower)) return this.nextQuestion(session, interview.awaitingFollowUp ? `Skipped the follow-up; your answer stands at ${interview.turns[interview.current]!.score}/100.` : "Skipped.");
      if (HINT_REQUEST.test(lower) && wordsIn(text) <= MAX_COMMAND_WORDS) return this.hint(session);
      return this.takeAnswer(session, text);
    }
    if (STOP_COMMAND.test(lower) || SKIP_COMMAND.test(lower)) return { text: "No mock interview is running. Say \"interview me\" to start one, or paste a question to find your story for it.", cards: [] };
    if (!/\p{L}/u.test(text)) return { text: "There are no words in that to match on. Paste an interview question, an answer to critique, or say \"interview me\".", cards: [] };
    if (/^hint\W*$/.test(lower)) return { text: "A hint is for a mock interview question: say \"interview me\" to start one, or paste any question to see which of your stories fit.", cards: [] };
    const critiqueMatch = /^(critique|review|feedback)( (this|my answer))?\s*:\s*([\s\S]+)$/i.exec(text);
    if (critiqueMatch) return this.critique(session, critiqueMatch[4]!);
    // A pasted answer is critiqued, whatever words it happens to contain ("test coverage", "a mock interview").
    if (wordsIn(text) >= LONG_ANSWER_WORDS) return this.critique(session, text);
    if (asksForInterview(text)) return this.startInterview(session, text);
    if (/^(coverage|gaps)\b|\bwhich principles\b|\bcoverage\b/.test(lower)) return this.coverage();
    const question = text.replace(/^(which|what) story (should i use |fits |for )?(for|to answer)?\s*:?\s*/i, "").trim();
    return this.findStories(question || text);
  }

  /**
   * Mid-interview "which story fits?": the stories for the question on the
   * table; the interview waits, restating what it waits for (the follow-up, once one was asked).
   */
  private async hint(session: Session): Promise<CoachReply> {
    const interview = session.interview!;
    const turn = interview.turns[interview.current!]!;
    const found = await this.findStories(turn.question);
    const position = `question ${interview.current! + 1} of ${interview.turns.length}`;
    const waiting = interview.awaitingFollowUp && turn.followUp ? `Still on the follow-up to ${position}: ${turn.followUp}` : `Still on ${position}: ${turn.question}`;
    return { text: `${found.text}\n\n${waiting}`, cards: found.cards };
  }

  private async findStories(question: string): Promise<CoachReply> {
    const result = await this.parts.matcher.match(question, { k: 3 });
    return { text: describeMatches(result), cards: [{ type: "matches", data: result }] };
  }

  private async critique(session: Session, answer: string): Promise<CoachReply> {
    const question = lastQuestion(session) ?? "Tell me about a time you made a difference at work.";
    const critique = await this.parts.critic.critique(question, answer);
    return { text: describeCritique(critique, question), cards: [{ type: "critique", data: critique }] };
  }

  private coverage(): CoachReply {
    const coverage = assessCoverage(this.parts.features);
    const lines = coverage.map((line) => `- ${line.principle}: ${line.fit}${line.stories[0] ? ` ("${line.stories[0].title}")` : ""}`);
    const gaps = coverage.filter((line) => line.fit === "none" || line.fit === "stretch").map((line) => line.principle);
    return {
      text: `${lines.join("\n")}\n\n${gaps.length ? `Worth a story: ${gaps.join("; ")}.` : "Every principle has a workable story."}`,
      cards: [{ type: "summary", data: { coverage } }],
    };
  }

  private startInterview(session: Session, text: string): CoachReply {
    const asked = /\b(?:on|for|about|covering)\s+(.+)$/i.exec(text)?.[1] ?? "";
    const named = asked
      .split(/\s*(?:,|&|\band\b|\bplus\b)\s*/i)
      .map((part) => normalizePrinciple(part.replace(/[.!?]+$/, "")))
      .filter((principle): principle is Principle => principle !== null);
    const principles = named.length > 0 ? [...new Set(named)] : pickPrinciples(session.id, DEFAULT_INTERVIEW_LENGTH);
    const usedQuestions = new Set(session.askedQuestionIds);
    const turns: InterviewTurn[] = principles.map((principle) => {
      const question = pickQuestion(this.parts.questions, principle, session.id, usedQuestions);
      usedQuestions.add(question.id);
      session.askedQuestionIds.push(question.id);
      return { questionId: question.id, question: question.question, principle, answer: "", followUp: null, followUpAnswered: false, score: null, issues: [], storyId: null, experience: null };
    });
    session.interview = { principles, turns, current: 0, awaitingFollowUp: false };
    const first = turns[0]!;
    return {
      text: `Mock interview on ${principles.join(", ")}: ${turns.length} question${turns.length === 1 ? "" : "s"}. Answer as you would out loud; "hint" shows which of your stories fit, "skip" moves on, "stop" ends.\n\nQuestion 1 of ${turns.length} (${first.principle}): ${first.question}`,
      cards: [],
    };
  }

  private async takeAnswer(session: Session, answer: string): Promise<CoachReply> {
    const interview = session.interview!;
    const turn = interview.turns[interview.current!]!;
    turn.answer = turn.answer ? `${turn.answer}\n${answer}` : answer;
    const critique = await this.parts.critic.critique(turn.question, turn.answer);
    // Scored now, so a follow-up skipped or an interview stopped keeps the answer already given; the follow-up's answer rescores it.
    turn.score = critique.score;
    turn.issues = critique.issues.map((issue) => issue.code);
    const story = this.storyTold(turn.answer);
    turn.storyId = story?.story.id ?? null;
    turn.experience = story?.story.experience ?? null;
    if (interview.awaitingFollowUp) turn.followUpAnswered = true;
    const gaps = critique.issues.filter((issue) => THIN.has(issue.code));
    if (gaps.length > 0 && !interview.awaitingFollowUp) {
      interview.awaitingFollowUp = true;
      // Probe in the order interviewers do: is it a real story, what did *you* do, how did it end, what did you learn.
      const code = FOLLOW_UP_PRIORITY.find((candidate) => gaps.some((gap) => gap.code === candidate));
      turn.followUp = (code && FOLLOW_UP_BY_ISSUE[code]) || critique.followUps[0] || "Can you tell me more about what you did and how it turned out?";
      return { text: `${acknowledge(critique)} ${turn.followUp}`, cards: [{ type: "critique", data: critique }] };
    }
    const feedback = `Score ${critique.score}/100.${critique.issues[0] ? ` To improve: ${critique.issues[0].message}` : " Complete and specific."}`;
    return this.nextQuestion(session, feedback, critique);
  }

  // Which bank story an answer retells: most of the answer's content words appear in it.
  private storyTold(answer: string): StoryFeatures | undefined {
    const terms = new Set(lexicalTerms(answer, loadTaxonomy().templateWords));
    if (terms.size < 8) return undefined;
    let best: { features: StoryFeatures; share: number } | undefined;
    for (const features of this.parts.features) {
      let shared = 0;
      for (const term of terms) if (features.terms.has(term)) shared++;
      const share = shared / terms.size;
      if (!best || share > best.share) best = { features, share };
    }
    return best && best.share >= 0.5 ? best.features : undefined;
  }

  private nextQuestion(session: Session, preface: string, critique?: Critique): CoachReply {
    const interview = session.interview!;
    interview.awaitingFollowUp = false;
    const next = interview.current! + 1;
    const cards: CoachReply["cards"] = critique ? [{ type: "critique", data: critique }] : [];
    if (next >= interview.turns.length) {
      const summary = this.finishInterview(session, preface);
      return { text: summary.text, cards: [...cards, ...summary.cards] };
    }
    interview.current = next;
    const turn = interview.turns[next]!;
    return { text: `${preface}\n\nQuestion ${next + 1} of ${interview.turns.length} (${turn.principle}): ${turn.question}`, cards };
  }

  private finishInterview(session: Session, preface: string): CoachReply {
    const interview = session.interview!;
    interview.current = null;
    interview.awaitingFollowUp = false;
    const answered = interview.turns.filter((turn) => turn.score !== null);
    const lines = interview.turns.map((turn) => {
      const followUp = turn.score !== null && turn.followUp !== null && !turn.followUpAnswered ? " (follow-up not answered)" : "";
      return `- ${turn.principle}: ${turn.score === null ? "not answered" : `${turn.score}/100`}${followUp}${turn.storyId ? ` (story: ${turn.storyId})` : ""}`;
    });
    const experiences = answered.map((turn) => turn.experience).filter((experience): experience is string => experience !== null);
    const reused = [...new Set(experiences.filter((experience, index) => experiences.indexOf(experience) !== index))];
    const counts = new Map<string, number>();
    for (const turn of answered) for (const code of turn.issues) counts.set(code, (counts.get(code) ?? 0) + 1);
    const practise = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([code]) => PRACTISE[code] ?? code);
    const text = [
      `${preface}\n\nInterview summary:`,
      ...lines,
      reused.length ? `You used the same experience for more than one question (${reused.join(", ")}); interviewers notice. Prepare a different story for one of them.` : "",
      practise.length ? `Practise next: ${practise.join("; ")}.` : answered.length ? "Practise next: keep them this complete, and tighten to about two minutes each." : "Practise next: answer at least one question out loud.",
    ]
      .filter(Boolean)
      .join("\n");
    return { text, cards: [{ type: "summary", data: { principles: interview.principles, turns: interview.turns, reusedExperiences: reused } }] };
  }
}

const PRACTISE: Record<string, string> = {
  NOT_A_STORY: "tell one specific time, not what you usually do",
  MISSING_RESULT: "end every answer on the outcome",
  NOT_QUANTIFIED: "put a number on your results",
  NUMBERS_ONLY_IN_SETUP: "quantify the outcome, not just the situation",
  WE_HEAVY: 'say "I" for what you did',
  MISSING_LESSON: "close failure stories with what you learned",
  MISSING_ACTION: "spend most of the answer on your actions",
  MISSING_SITUATION: "open with one sentence of context",
  MISSING_TASK: "say what your goal was",
  TOO_LONG: "trim to about two minutes",
  TOO_SHORT: "give enough detail for a minute or two",
  SETUP_TOO_LONG: "shorten the setup",
};

function acknowledge(critique: Critique): string {
  return critique.star.action.present ? "Thanks, that gives me the picture." : "Thanks.";
}

// Commands are the whole message, a few words at most: an answer that opens "Next quarter..." or "Stop-the-line bugs..." is an answer.
const MAX_COMMAND_WORDS = 8;
const POLITE = String.raw`(?:(?:ok(?:ay)?|please|let'?s|can we|i'?ll|i'?d like to|i want to)[,\s]+)*`;
const STOP_COMMAND = new RegExp(String.raw`^${POLITE}(?:stop|end|quit|finish)(?:[,\s]+(?:the|this|my|mock|interview|session|here|now|please|for now|it))*[\s.!]*$`);
const SKIP_COMMAND = new RegExp(String.raw`^${POLITE}(?:skip|next|pass)(?:[,\s]+(?:the|this|that|one|question|please|it|on|to|next|for now))*[\s.!]*$`);
// During a mock interview these ask the coach for help rather than answer the interviewer (when short).
const HINT_REQUEST = /^(hint\b|(which|what) (of my )?stor(y|ies)\b|help me (pick|choose|find))/;
const HELP_REQUEST = /^(?:help(?: me| please)?|\?+|what can you do(?: for me)?|what can i (?:say|ask|do)|commands)[\s?.!]*$/i;
const INTERVIEW_REQUEST = /\b(interview me|mock interview|practi[sc]e interview|quiz me)\b/i;

function wordsIn(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Whether a message asks what the coach can do. */
export function isHelpRequest(text: string): boolean {
  return HELP_REQUEST.test(text.trim());
}

/** Whether a message asks for a mock interview (a request, not an answer that mentions one). */
export function asksForInterview(text: string): boolean {
  return wordsIn(text) < LONG_ANSWER_WORDS && INTERVIEW_REQUEST.test(text);
}

function lastQuestion(session: Session): string | undefined {
  for (const message of [...session.messages].reverse()) {
    if (message.role === "user" && /\?\s*$|^(tell me|describe|give me|walk me)/i.test(message.text) && message.text.split(/\s+/).length < 40) return message.text;
  }
  return undefined;
}

function seedOf(text: string): number {
  return createHash("sha256").update(text).digest().readUInt32LE(0);
}

function pickPrinciples(sessionId: string, count: number): Principle[] {
  const start = seedOf(sessionId) % PRINCIPLES.length;
  return Array.from({ length: count }, (_, index) => PRINCIPLES[(start + index * 5) % PRINCIPLES.length]!);
}

function pickQuestion(questions: readonly BankQuestion[], principle: Principle, sessionId: string, used: ReadonlySet<string>): BankQuestion {
  const pool = questions.filter((question) => question.principles[0] === principle && !used.has(question.id));
  const fallback = questions.filter((question) => question.principles.includes(principle) && !used.has(question.id));
  const candidates = pool.length ? pool : fallback.length ? fallback : questions.filter((question) => !used.has(question.id));
  return candidates[seedOf(`${sessionId}:${principle}`) % candidates.length]!;
}

function describeMatches(result: MatchResult): string {
  if (result.matches.length === 0) return "No story in your bank fits that yet.";
  const lines = result.matches.map((match, index) => `${index + 1}. ${match.title} (${match.score.toFixed(2)})\n   ${match.why}`);
  return `For "${result.question}" (${result.competencies.map((entry) => entry.name).join(", ") || "no clear theme"}):\n${lines.join("\n")}`;
}

function describeCritique(critique: Critique, question: string): string {
  const parts = Object.entries(critique.star).map(([part, value]) => `${part} ${value.present ? "yes" : "no"}`).join(", ");
  const issues = critique.issues.slice(0, 3).map((issue) => `- ${issue.message}`);
  return [`Against "${question}": score ${critique.score}/100 (${parts}).`, ...issues, `An interviewer would ask: ${critique.followUps[0] ?? ""}`].join("\n");
}
