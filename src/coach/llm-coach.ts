import { z } from "zod";
import type { ChatMessage, ChatModel, ToolDefinition } from "../core/chat-model.js";
import type { Critic } from "../core/critique.js";
import { enforceNoInvention } from "../critique/llm/enforce-no-invention.js";
import { loadPrompt } from "../prompts/index.js";
import { isCoachError, ProviderError } from "../errors/index.js";
import { assessCoverage, matchResponse, type StoryFeatures, type StoryMatcher } from "../retrieval/index.js";
import { asksForInterview, isHelpRequest } from "./chat-commands.js";
import type { Coach, CoachEngine, CoachReply, ReplyEvents } from "./coach-engine.js";
import type { Session } from "./session.js";
import { asksForCritiqueWithoutAnswer, readTypedCommand } from "./typed-commands.js";
import { isCommandNotAnswer, withdrawsCritique } from "./awaited-answer.js";
import { matchForChat } from "./match-for-chat.js";
import { critiqueWithStoryFit } from "./story-fit.js";
import { COACHING_FIGURES } from "../critique/coaching-figures.js";


const FindStoriesArgs = z.object({ question: z.string().min(1).max(2000), k: z.number().int().min(1).max(5).optional() });
const CritiqueArgs = z.object({ question: z.string().min(1).max(2000), answer: z.string().min(1).max(200_000) });

const TOOLS: ToolDefinition[] = [
  { name: "find_stories", description: "The candidate's stories that best fit an interview question.", parameters: z.toJSONSchema(FindStoriesArgs) as Record<string, unknown> },
  { name: "critique_answer", description: "Structural critique of a drafted answer to an interview question.", parameters: z.toJSONSchema(CritiqueArgs) as Record<string, unknown> },
  { name: "coverage", description: "How the candidate's stories cover the 16 Leadership Principles.", parameters: { type: "object", properties: {} } },
];

// Tool rounds per message: enough to look up stories and then critique, never an endless loop.
const MAX_TOOL_ROUNDS = 3;
const HISTORY_MESSAGES = 12;

export interface LlmCoachParts {
  chat: ChatModel;
  offline: CoachEngine;
  matcher: StoryMatcher;
  critic: Critic;
  features: readonly StoryFeatures[];
  /** The user's own story texts: figures and names in them are not inventions. */
  bankTexts: readonly string[];
  onFallback?: (reason: string) => void;
  /** Low-anxiety mode: the model is given no score and asked to give none. */
  hideScores?: boolean;
}

// Said to the model after its prompt (the prompt file stays as versioned): the critique tool gives it no score to quote.
const NO_SCORES = "The candidate asked not to see scores. Give no score, grade, rating or percentage of quality; say in words which STAR parts are there, what is missing and what to practise next.";

/**
 * The conversation driven by a language model, with story search, critique
 * and coverage as tools, streamed token by token. Mock interviews stay with
 * the offline engine (deterministic follow-ups). If the model fails, the
 * offline coach answers instead, with a notice; text the model had already
 * streamed is withdrawn (a reset), so what was shown is what is saved.
 */
export class LlmCoach implements Coach {
  constructor(private readonly parts: LlmCoachParts) {}

  async respond(session: Session, message: string, events: ReplyEvents = {}): Promise<CoachReply> {
    const text = message.trim();
    if (session.interview?.current !== null && session.interview?.current !== undefined) return this.offline(session, text, events);
    // Commands are the offline engine's, typed ("/help", ":q") or not: the model is not asked what they mean.
    if (asksForInterview(text) || isHelpRequest(text) || readTypedCommand(text) !== null || asksForCritiqueWithoutAnswer(text) || (session.awaitingCritique && withdrawsCritique(text))) return this.offline(session, text, events);
    // The answer "critique:" alone asked for is put to the model as "critique: <answer>" would be. Should the model fail,
    // the offline coach, which still sees the request, critiques it.
    const awaited = session.awaitingCritique && !isCommandNotAnswer(text);

    const history: ChatMessage[] = session.messages.slice(-HISTORY_MESSAGES).map((entry) => ({ role: entry.role === "user" ? "user" : "assistant", content: entry.text }));
    // One system message: some OpenAI-compatible servers' chat templates take only one, and only first.
    const system = this.parts.hideScores ? `${loadPrompt("coach.v2").text}\n\n${NO_SCORES}` : loadPrompt("coach.v2").text;
    const messages: ChatMessage[] = [{ role: "system", content: system }, ...history, { role: "user", content: awaited ? `critique: ${text}` : text }];
    const cards: CoachReply["cards"] = [];
    const toolOutputs: string[] = [];
    // Everything shown, across tool rounds: what is saved when the model finishes.
    let said = "";
    try {
      const sources = () => [text, ...session.messages.map((entry) => entry.text), ...this.parts.bankTexts, ...toolOutputs, COACHING_FIGURES];
      for (let round = 0; round <= MAX_TOOL_ROUNDS; round++) {
        // Stream sentence by sentence: each is checked for invented figures and names before the user sees it.
        let buffer = "";
        const flush = (final: boolean) => {
          const boundary = final ? buffer.length : Math.max(buffer.lastIndexOf(". "), buffer.lastIndexOf("? "), buffer.lastIndexOf("! "), buffer.lastIndexOf("\n")) + 1;
          if (boundary <= 0) return;
          const { text: safe } = enforceNoInvention(buffer.slice(0, boundary), sources());
          buffer = buffer.slice(boundary);
          said += safe;
          for (const piece of safe.match(/\S+\s*|\s+/g) ?? []) events.token?.(piece);
        };
        const roundStart = said.length;
        const response = await this.parts.chat.stream({ messages, tools: round < MAX_TOOL_ROUNDS ? TOOLS : undefined, temperature: 0.3 }, (delta) => {
          buffer += delta;
          flush(false);
        });
        flush(true);
        // A model whose first reply ends its reasoning on a lone </think> streams the reasoning as if it were the
        // answer (the tag is only seen at the end): withdraw it and show, and keep, the answer alone.
        if (said.slice(roundStart).includes("</think>")) {
          said = said.slice(0, roundStart) + enforceNoInvention(response.content, sources()).text;
          events.reset?.();
          for (const piece of said.match(/\S+\s*|\s+/g) ?? []) events.token?.(piece);
        }
        if (response.toolCalls.length === 0) {
          const now = new Date().toISOString();
          // Answered, or a command the model takes (coverage, a story search): the request for an answer is done.
          session.awaitingCritique = false;
          session.messages.push({ role: "user", text, at: now }, { role: "coach", text: said, at: now });
          return { text: said, cards };
        }
        messages.push({ role: "assistant", content: response.content, toolCalls: response.toolCalls });
        for (const call of response.toolCalls) {
          const output = await this.runTool(call.name, call.arguments, cards, (written) => enforceNoInvention(written, sources()).text);
          toolOutputs.push(output);
          messages.push({ role: "tool", toolCallId: call.id, content: output });
        }
      }
      throw new ProviderError("PROVIDER_BAD_RESPONSE", "the model kept calling tools without answering");
    } catch (error) {
      const code = isCoachError(error) ? error.code : "INTERNAL";
      const reason = error instanceof Error ? error.message : String(error);
      const dropped = said !== "";
      if (dropped) events.reset?.();
      // The person is told what happened, not what the provider said.
      events.notice?.({ code, message: `The language model could not answer (${code})${dropped ? "; its unfinished reply is dropped" : ""}; the offline coach answers instead.` });
      this.parts.onFallback?.(`the language model could not answer (${reason})${dropped ? "; its unfinished reply is dropped" : ""}; the offline coach answers instead.`);
      return this.offline(session, text, events);
    }
  }

  private offline(session: Session, text: string, events: ReplyEvents): Promise<CoachReply> {
    return this.parts.offline.respond(session, text, events);
  }

  // Tool arguments come from the model: validate them like any other input.
  /** Runs one tool call; `checked` is the no-invention check for model-written text the user will see. */
  private async runTool(name: string, rawArguments: string, cards: CoachReply["cards"], checked: (written: string) => string): Promise<string> {
    let args: unknown;
    try {
      args = JSON.parse(rawArguments || "{}");
    } catch {
      return JSON.stringify({ error: "arguments were not valid JSON" });
    }
    if (name === "find_stories") {
      const parsed = FindStoriesArgs.safeParse(args);
      if (!parsed.success) return JSON.stringify({ error: parsed.error.issues[0]?.message });
      const result = await matchForChat(this.parts.matcher, parsed.data.question, parsed.data.k ?? 3);
      const response = matchResponse(result);
      cards.push({ type: "matches", data: response });
      // The notices go to the model too: without them it would recommend a story for "Why Amazon?" as for any question.
      return JSON.stringify({ notices: response.notices, matches: result.matches.map(({ id, title, score, why, leadWith }) => ({ id, title, score, why, leadWith })) });
    }
    if (name === "critique_answer") {
      const parsed = CritiqueArgs.safeParse(args);
      if (!parsed.success) return JSON.stringify({ error: parsed.error.issues[0]?.message });
      // The question is the model's wording: checked like its replies, since the page shows it and the critic takes it as a source.
      const question = checked(parsed.data.question);
      const { critique } = await critiqueWithStoryFit(this.parts.critic, question, parsed.data.answer, this.parts);
      cards.push({ type: "critique", data: critique, question });
      const feedback = { issues: critique.issues.map((issue) => issue.message), followUps: critique.followUps };
      return JSON.stringify(this.parts.hideScores ? feedback : { score: critique.score, ...feedback });
    }
    if (name === "coverage") {
      const coverage = assessCoverage(this.parts.features);
      cards.push({ type: "summary", data: { coverage } });
      return JSON.stringify(coverage.map(({ principle, fit, stories }) => ({ principle, fit, best: stories[0]?.title ?? null })));
    }
    return JSON.stringify({ error: `no tool named ${name}` });
  }
}
