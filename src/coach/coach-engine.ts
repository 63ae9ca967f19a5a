import type { Critic, Critique } from "../core/critique.js";
import { FAR_TOO_SHORT_FOLLOW_UP, followUpFor } from "../critique/follow-ups.js";
import { listPrinciples, PRINCIPLES } from "../principles/index.js";
import { assessCoverage, matchResponse, type MatchResponse, type StoryFeatures, type StoryMatcher } from "../retrieval/index.js";
import type { BankQuestion } from "../understanding/question-bank.js";
import { LONG_ANSWER_WORDS, asksForInterview, isCoverageCommand, isGreeting, isHelpRequest, isHintRequest, isSkipCommand, isStopCommand, isThanks, questionInStoryRequest, readsAsToldAnswer, wordsIn } from "./chat-commands.js";
import { acknowledgeAnswer } from "./acknowledge-answer.js";
import { answerInCritiqueRequest, asksForCritiqueWithoutAnswer, readTypedCommand } from "./typed-commands.js";
import { isCommandNotAnswer, withdrawsCritique } from "./awaited-answer.js";
import { acknowledgeFollowUp, suppliesFollowUp } from "./follow-up-credit.js";
import { describeFilingHints } from "./coverage-filing-hints.js";
import { describeCoverageGaps } from "./coverage-gaps.js";
import { pickPrinciples, pickQuestion } from "./interview-questions.js";
import { readInterviewRequest, type InterviewTopic } from "./interview-topics.js";
import { describeCritique, turnOutcome } from "./describe-critique.js";
import { describeMatches } from "./describe-matches.js";
import { matchForChat } from "./match-for-chat.js";
import { practiseAdvice } from "./practise-advice.js";
import { critiqueWithStoryFit } from "./story-fit.js";
import { chooseProbe } from "./choose-probe.js";
import { capitalise, countOf, NOT_ENGLISH_NOTE, readsAsEnglish } from "../text/index.js";
import type { InterviewTurn, Session } from "./session.js";

export { asksForInterview, isHelpRequest } from "./chat-commands.js";

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

/**
 * Structured data beside a reply's text, for pages and scripts (the contract's
 * `card` event). A matches card carries notices as their sentences, as every
 * client sees them: the type keeps a raw match result out.
 */
// A critique card names the question the answer was critiqued against, so a page can show the two together.
export type CoachCard = { type: "matches"; data: MatchResponse } | { type: "critique"; data: Critique; question: string } | { type: "summary"; data: object };

/** What the coach says back: text for people, cards for pages and scripts. */
export interface CoachReply {
  text: string;
  cards: CoachCard[];
}

export interface CoachParts {
  matcher: StoryMatcher;
  critic: Critic;
  features: readonly StoryFeatures[];
  questions: readonly BankQuestion[];
  /** Low-anxiety mode: replies say in words what is there and what to work on, with no 0-100 scores (cards keep them). */
  hideScores?: boolean;
}

const DEFAULT_INTERVIEW_LENGTH = 3;
const TOLD_ANSWER_HINT =
  `That reads like an answer rather than a question, so I looked for stories that fit it as one. To have it critiqued, send "critique: " and the answer (answers of ${LONG_ANSWER_WORDS} words or more are critiqued as they are), or say "interview me" to be asked a question first.`;

const HELP = `I can:
- find the stories in your bank that fit a question: ask "Which story for: tell me about a time you failed?" or just paste the question;
- critique a drafted answer: "critique: <your answer>" (or paste an answer of 60+ words);
- run a mock interview: "interview me on Ownership and Dive Deep" (or just "interview me"); answer out loud as you would, "hint" shows which of your stories fit, "skip" moves on, "stop" (or "end", "I'm done") ends;
- show how your stories cover the 16 Leadership Principles: "coverage".`;
/** The commands in a line, for a command the coach does not know ("/foo"). */
const COMMANDS = 'Commands: "help", "interview me", "critique: <your answer>", "hint", "skip", "stop", "coverage"; in coach chat "quit" (or "/quit", ":q") leaves.';
const CRITIQUE_WHAT = `Which answer? Just send it as your next message and I'll critique it (or in one message, after "critique:": "critique: At my last job I...").`;
const GREETING_REPLY = `Hello! I'm your interview coach. ${HELP}`;

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
    // "critique:" alone asked for the answer: this message is it, critiqued as "critique: <it>" would be, unless it is a
    // command, which runs instead and drops the request.
    if (session.awaitingCritique) {
      session.awaitingCritique = false;
      if (withdrawsCritique(text)) return { text: 'All right, nothing to critique. Send "critique:" with your answer whenever it is ready, or a question to find your story for it.', cards: [] };
      if (!isCommandNotAnswer(text)) return session.interview !== null && session.interview.current !== null ? this.takeAnswer(session, text) : this.critique(session, text);
    }
    // "/quit", ":q", "/help": read as the command they stand for; an unknown one is told what there is, never searched.
    const typed = readTypedCommand(text);
    if (typed?.known) return this.route(session, typed.plain);
    const interview = session.interview;
    const midInterview = interview !== null && interview.current !== null;
    if (typed) {
      const reply = { text: `There is no "${typed.name}" command. ${COMMANDS}`, cards: [] };
      return midInterview ? this.aside(session, reply) : reply;
    }
    if (isHelpRequest(text)) return { text: HELP, cards: [] };
    if (asksForCritiqueWithoutAnswer(text)) {
      if (midInterview) return this.aside(session, { text: "Just answer the question as you would out loud: every answer is critiqued when you send it.", cards: [] });
      session.awaitingCritique = true;
      return { text: CRITIQUE_WHAT, cards: [] };
    }
    if (interview && interview.current !== null) {
      if (isStopCommand(text)) return this.finishInterview(session, "Stopping here.");
      if (isSkipCommand(text)) return this.nextQuestion(session, interview.awaitingFollowUp ? this.skippedFollowUp(interview.turns[interview.current]!) : "Skipped.");
      if (isHintRequest(text)) return this.hint(session);
      // Asides mid-interview are answered, and the question stays open: they are not the answer.
      if (isCoverageCommand(text)) return this.aside(session, this.coverage());
      if (isGreeting(text) || isThanks(text)) return this.aside(session, { text: isGreeting(text) ? "Hello!" : "You're welcome.", cards: [] });
      return this.takeAnswer(session, text);
    }
    if (isGreeting(text)) return { text: GREETING_REPLY, cards: [] };
    if (isThanks(text)) return { text: "You're welcome. Paste another question, an answer to critique, or say \"interview me\".", cards: [] };
    if (isStopCommand(text) || isSkipCommand(text)) return { text: "No mock interview is running. Say \"interview me\" to start one, or paste a question to find your story for it.", cards: [] };
    if (!/\p{L}/u.test(text)) return { text: "There are no words in that to match on. Paste an interview question, an answer to critique, or say \"interview me\".", cards: [] };
    if (/^hint\W*$/.test(lower)) return { text: "A hint is for a mock interview question: say \"interview me\" to start one, or paste any question to see which of your stories fit.", cards: [] };
    const answer = answerInCritiqueRequest(text);
    if (answer !== null) return this.critique(session, answer);
    // A pasted answer is critiqued, whatever words it happens to contain ("test coverage", "a mock interview").
    if (wordsIn(text) >= LONG_ANSWER_WORDS) return this.critique(session, text);
    if (asksForInterview(text)) return this.startInterview(session, text);
    if (/^(coverage|gaps)\b|\bwhich principles\b|\bcoverage\b/.test(lower)) return this.coverage();
    const stories = await this.findStories(questionInStoryRequest(text));
    // Read as a question it may find stories, but the candidate likely wanted the answer read: say how.
    return readsAsToldAnswer(text) ? { ...stories, text: `${stories.text}\n\n${TOLD_ANSWER_HINT}` } : stories;
  }

  /**
   * Mid-interview "which story fits?": the stories for the question on the
   * table; the interview waits, restating what it waits for (the follow-up, once one was asked).
   */
  private async hint(session: Session): Promise<CoachReply> {
    const turn = session.interview!.turns[session.interview!.current!]!;
    return this.aside(session, await this.findStories(turn.question));
  }

  /** A reply to something said mid-interview that is not the answer, followed by what the interview still waits for. */
  private aside(session: Session, reply: CoachReply): CoachReply {
    const interview = session.interview!;
    const turn = interview.turns[interview.current!]!;
    const position = `question ${interview.current! + 1} of ${interview.turns.length}`;
    const waiting = interview.awaitingFollowUp && turn.followUp ? `Still on the follow-up to ${position}: ${turn.followUp}` : `Still on ${position}: ${turn.question}`;
    return { text: `${reply.text}\n\n${waiting}`, cards: reply.cards };
  }

  private async findStories(question: string): Promise<CoachReply> {
    const result = await matchForChat(this.parts.matcher, question, 3);
    // The card shows the notices as the reply says them: their sentences.
    return { text: describeMatches(result), cards: [{ type: "matches", data: matchResponse(result) }] };
  }

  private async critique(session: Session, answer: string): Promise<CoachReply> {
    const asked = lastQuestion(session);
    const question = asked ?? "Tell me about a time you made a difference at work.";
    // Only a question the candidate asked has stories that fit it better: the stand-in question has none.
    const critique = asked ? (await critiqueWithStoryFit(this.parts.critic, asked, answer, this.parts)).critique : await this.parts.critic.critique(question, answer);
    return { text: describeCritique(critique, question, this.parts, answer), cards: [{ type: "critique", data: critique, question }] };
  }

  private coverage(): CoachReply {
    const coverage = assessCoverage(this.parts.features);
    const lines = coverage.map((line) => `- ${line.principle}: ${line.fit}${line.stories[0] ? ` ("${line.stories[0].title}")` : ""}`);
    return {
      text: `${lines.join("\n")}\n\n${[...describeFilingHints(coverage), ...describeCoverageGaps(coverage, this.parts.questions, 'say "coverage" again')].join("\n")}`,
      cards: [{ type: "summary", data: { coverage } }],
    };
  }

  private startInterview(session: Session, text: string): CoachReply {
    const request = readInterviewRequest(text);
    const topics: InterviewTopic[] = request.topics.length > 0 ? request.topics : pickPrinciples(session.id, DEFAULT_INTERVIEW_LENGTH).map((principle) => ({ kind: "principle", principle }));
    const usedQuestions = new Set(session.askedQuestionIds);
    const turns: InterviewTurn[] = topics.map((topic) => {
      const question = pickQuestion(this.parts.questions, topic.kind === "principle" ? { principle: topic.principle } : { competency: topic.competency }, session.id, usedQuestions);
      usedQuestions.add(question.id);
      session.askedQuestionIds.push(question.id);
      const principle = topic.kind === "principle" ? topic.principle : question.principles[0]!;
      const label = topic.kind === "principle" ? null : capitalise(topic.asked);
      return { questionId: question.id, question: question.question, principle, topic: label, answer: "", followUp: null, followUpAnswered: false, probed: null, score: null, issues: [], storyId: null, experience: null };
    });
    session.interview = { principles: [...new Set(turns.map((turn) => turn.principle))], turns, current: 0, awaitingFollowUp: false };
    const first = turns[0]!;
    const notes = topicNotes(request, topics);
    return {
      text: `${notes}Mock interview on ${listPrinciples(turns.map(turnLabel))}: ${countOf(turns.length, "question")}. Answer as you would out loud; "hint" shows which of your stories fit, "skip" moves on, "stop" ends.\n\nQuestion 1 of ${turns.length} (${turnLabel(first)}): ${first.question}`,
      cards: [],
    };
  }

  private async takeAnswer(session: Session, answer: string): Promise<CoachReply> {
    const interview = session.interview!;
    const turn = interview.turns[interview.current!]!;
    turn.answer = turn.answer ? `${turn.answer}\n${answer}` : answer;
    const { critique, told: story } = await critiqueWithStoryFit(this.parts.critic, turn.question, turn.answer, this.parts);
    // The follow-up's answer is read with the first, but what it gives is credited even where the whole still falls
    // short by count (its "I" steps against the first answer's "we"s): the same gap is not raised twice.
    const credited = interview.awaitingFollowUp && turn.probed && suppliesFollowUp(turn.probed, answer) ? turn.probed : null;
    const issues = critique.issues.filter((issue) => issue.code !== credited);
    // Scored now, so a follow-up skipped or an interview stopped keeps the answer already given; the follow-up's answer rescores it.
    turn.score = critique.score;
    turn.issues = issues.map((issue) => issue.code);
    turn.storyId = story?.story.id ?? null;
    turn.experience = story?.story.experience ?? null;
    if (interview.awaitingFollowUp) turn.followUpAnswered = true;
    // An answer in another script gets no STAR reading: said before anything that rests on one.
    const unread = readsAsEnglish(turn.answer) ? "" : ` ${NOT_ENGLISH_NOTE}`;
    const code = chooseProbe(issues);
    if (code && !interview.awaitingFollowUp) {
      interview.awaitingFollowUp = true;
      turn.probed = code;
      turn.followUp = followUpFor(code, critique.ownership.we, { failure: critique.lesson.required }) || (code === "TOO_SHORT" ? FAR_TOO_SHORT_FOLLOW_UP : critique.followUps[0]) || "Can you tell me more about what you did and how it turned out?";
      return { text: `${acknowledgeAnswer(critique)}${unread} ${turn.followUp}`, cards: [{ type: "critique", data: critique, question: turn.question }] };
    }
    const thanks = credited ? ` ${acknowledgeFollowUp(credited)}` : "";
    const grade = this.parts.hideScores ? "" : `Score ${critique.score}/100.`;
    const feedback = `${grade}${unread}${thanks}${issues[0] ? ` To improve: ${issues[0].message}` : " Complete and specific."}`.trimStart();
    return this.nextQuestion(session, feedback, { critique, question: turn.question });
  }

  /** What a skipped follow-up leaves: the first answer, as it was scored (or, with scores hidden, as it was given). */
  private skippedFollowUp(turn: InterviewTurn): string {
    return this.parts.hideScores ? "Skipped the follow-up; your first answer stands as you gave it." : `Skipped the follow-up; your answer stands at ${turn.score}/100.`;
  }

  /** The title of the first bank story that passes the test, as the candidate knows it (ids are for scripts). */
  private storyTitle(test: (story: StoryFeatures["story"]) => boolean): string | undefined {
    return this.parts.features.find((features) => test(features.story))?.story.title;
  }

  private nextQuestion(session: Session, preface: string, critiqued?: { critique: Critique; question: string }): CoachReply {
    const interview = session.interview!;
    interview.awaitingFollowUp = false;
    const next = interview.current! + 1;
    const cards: CoachReply["cards"] = critiqued ? [{ type: "critique", data: critiqued.critique, question: critiqued.question }] : [];
    if (next >= interview.turns.length) {
      const summary = this.finishInterview(session, preface);
      return { text: summary.text, cards: [...cards, ...summary.cards] };
    }
    interview.current = next;
    const turn = interview.turns[next]!;
    return { text: `${preface}\n\nQuestion ${next + 1} of ${interview.turns.length} (${turnLabel(turn)}): ${turn.question}`, cards };
  }

  private finishInterview(session: Session, preface: string): CoachReply {
    const interview = session.interview!;
    interview.current = null;
    interview.awaitingFollowUp = false;
    const answered = interview.turns.filter((turn) => turn.score !== null);
    const lines = interview.turns.map((turn) => {
      const followUp = turn.score !== null && turn.followUp !== null && !turn.followUpAnswered ? " (follow-up not answered)" : "";
      return `- ${turnLabel(turn)}: ${turnOutcome(turn, this.parts)}${followUp}${turn.storyId ? ` (story: "${this.storyTitle((story) => story.id === turn.storyId) ?? turn.storyId}")` : ""}`;
    });
    const experiences = answered.map((turn) => turn.experience).filter((experience): experience is string => experience !== null);
    const reused = [...new Set(experiences.filter((experience, index) => experiences.indexOf(experience) !== index))];
    const reusedTitles = reused.map((experience) => `"${this.storyTitle((story) => story.experience === experience) ?? experience}"`);
    const counts = new Map<string, number>();
    for (const turn of answered) for (const code of turn.issues) counts.set(code, (counts.get(code) ?? 0) + 1);
    const practise = [...counts]
      .sort((a, b) => b[1] - a[1])
      .map(([code]) => practiseAdvice(code))
      .filter((advice): advice is string => advice !== undefined)
      .slice(0, 2);
    const text = [
      `${preface}\n\nInterview summary:`,
      ...lines,
      reused.length ? `You used the same experience for more than one question (${reusedTitles.join(", ")}); interviewers notice. Prepare a different story for one of them.` : "",
      practise.length ? `Practise next: ${practise.join("; ")}.` : answered.length ? "Practise next: keep them this complete and specific, at one to two minutes each." : "Practise next: answer at least one question out loud.",
    ]
      .filter(Boolean)
      .join("\n");
    return { text, cards: [{ type: "summary", data: { principles: interview.principles, turns: interview.turns, reusedExperiences: reused } }] };
  }
}

function lastQuestion(session: Session): string | undefined {
  for (const message of [...session.messages].reverse()) {
    if (message.role === "user" && /\?\s*$|^(tell me|describe|give me|walk me)/i.test(message.text) && message.text.split(/\s+/).length < 40) return message.text;
  }
  return undefined;
}

/** How a turn is named to the candidate: the topic they asked for, else its principle. */
function turnLabel(turn: InterviewTurn): string {
  return turn.topic ?? turn.principle;
}

/** What became of topics that are not principles: how each was read, and the words not understood. */
function topicNotes(request: ReturnType<typeof readInterviewRequest>, topics: readonly InterviewTopic[]): string {
  const notes: string[] = [];
  for (const topic of topics) {
    if (topic.kind !== "competency") continue;
    notes.push(`"${topic.asked}" is not one of the ${PRINCIPLES.length} Leadership Principles; I'll ask about it as ${topic.name.toLowerCase()}, which interviewers file under ${listPrinciples(topic.principles.slice(0, 2))}.`);
  }
  if (request.unknown.length > 0) {
    const unknown = joinWords(request.unknown.map((word) => `"${word}"`));
    const instead = request.topics.length === 0 ? ` I picked ${listPrinciples(topics.map((topic) => (topic.kind === "principle" ? topic.principle : topic.name)))} instead; name principles ("interview me on Ownership and Dive Deep") to choose.` : "";
    notes.push(`${unknown} ${request.unknown.length === 1 ? "is" : "are"} not one of the ${PRINCIPLES.length} Leadership Principles or a topic I know.${instead}`);
  }
  return notes.length > 0 ? `${notes.join(" ")}\n\n` : "";
}

function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}
