import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadBank } from "../../src/bank/index.js";
import { CoachEngine, LlmCoach, SessionStore } from "../../src/coach/index.js";
import { loadConfig } from "../../src/config/index.js";
import { OfflineCritic } from "../../src/critique/index.js";
import { resolveProvider } from "../../src/providers/index.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { computeStoryFeatures, createInMemoryMatcher } from "../../src/retrieval/index.js";
import { readQuestionBank } from "../../src/understanding/question-bank.js";
import { withInferredPrinciples } from "../../src/understanding/index.js";
import { SAMPLE_BANK } from "../support/run-coach.js";
import { startTestLlmServer, type TestLlmServer } from "../support/test-llm-server.js";

describe("the LLM-driven coach against the test LLM server", () => {
  let llm: TestLlmServer;
  let coach: LlmCoach;
  let fallbacks: string[];
  beforeAll(async () => {
    llm = await startTestLlmServer();
    const stories = withInferredPrinciples((await loadBank([SAMPLE_BANK])).stories);
    const embedder = new InterviewEmbedder();
    const matcher = await createInMemoryMatcher(stories, embedder);
    const critic = new OfflineCritic();
    const features = computeStoryFeatures(stories);
    const chat = (await resolveProvider(loadConfig({ provider: "openai" }, { OPENAI_API_KEY: "k", OPENAI_BASE_URL: llm.url, COACH_MAX_RETRIES: "0" })).createChatModel())!;
    const offline = new CoachEngine({ matcher, critic, features, questions: readQuestionBank() });
    coach = new LlmCoach({ chat, offline, matcher, critic, features, bankTexts: stories.map((story) => story.text), onFallback: (reason) => fallbacks.push(reason) });
  });
  afterAll(async () => llm.close());
  beforeEach(() => {
    llm.requests.length = 0;
    fallbacks = [];
  });

  it("calls the story-search tool, streams the answer token by token, and replaces figures it invented", async () => {
    llm.reply(
      { toolCalls: [{ name: "find_stories", arguments: { question: "Tell me about a time you failed", k: 2 } }] },
      { content: "Use your promo-code story: you skipped the load test and about 3,800 carts were abandoned. Say it protected 99% of revenue? Only if true. Lead with the situation. Practise it aloud. Trim the setup." },
    );
    const session = new SessionStore("/nonexistent").create();
    const tokens: string[] = [];
    const reply = await coach.respond(session, "Which story should I use for 'tell me about a time you failed'?", { token: (token) => tokens.push(token) });
    const requests = llm.requestsTo("chat");
    expect(requests).toHaveLength(2);
    expect(requests.every((request) => request.body.stream === true)).toBe(true);
    expect(requests[0]!.body.tools.map((tool: any) => tool.function.name)).toEqual(["find_stories", "critique_answer", "coverage"]);
    const toolMessage = requests[1]!.body.messages.find((message: any) => message.role === "tool");
    expect(toolMessage.content).toContain("by-principle-tell-me-about-a-time-you-failed");
    expect(reply.cards.map((card) => card.type)).toEqual(["matches"]);
    expect(tokens.length).toBeGreaterThan(5);
    expect(tokens.join("")).toBe(reply.text);
    expect(reply.text).toContain("3,800");
    expect(reply.text).not.toContain("99%");
    expect(reply.text).toContain("[X%]");
    // Streamed pieces start with the space after a full stop: sentence starts are not taken for names.
    expect(reply.text).toContain("Practise it aloud. Trim the setup.");
    expect(reply.text).not.toContain("[name]");
    expect(session.messages.map((message) => message.role)).toEqual(["user", "coach"]);
  });

  it("gives the model the story search's notices with the stories, and tells it to say them first", async () => {
    llm.reply({ toolCalls: [{ name: "find_stories", arguments: { question: "Tell me about yourself", k: 2 } }] }, { content: "Open with what you do now." });
    const reply = await coach.respond(new SessionStore("/nonexistent").create(), "Which story for: tell me about yourself?");
    const [first, second] = llm.requestsTo("chat");
    expect(first!.body.messages[0].content).toMatch(/Tell the candidate every notice before the stories/);
    const output = JSON.parse(second!.body.messages.find((message: any) => message.role === "tool").content);
    // An introduction needs no story; no signal separates the sample bank's stories, so only its first is shown, not 2.
    expect(output.notices).toEqual([
      "This is an introduction question, not a behavioural one: answer with a short summary of your background: what you do now, what you did before, and why this role. No story is needed.",
      "No story shares a word or a theme with this question, so none fits better than another: only the first in your bank is shown, not 2.",
    ]);
    expect(output.matches.map((match: { id: string }) => match.id)).toEqual(["by-principle-tell-me-about-a-time-you-had-to-deal-with-a-difficult"]);
    // The card carries them to clients, whatever the model said.
    expect((reply.cards[0]!.data as { notices: string[] }).notices).toEqual(output.notices);
  });

  it("keeps the coach's own advice figures and a streamed numbered list, and still replaces an invented figure", async () => {
    llm.reply({ content: "Here is the plan:\n1. Keep it to 1-2 minutes, about 90 seconds.\n2. Cover all 16 Leadership Principles across your stories.\n3. Say you cut costs by 37%." });
    const session = new SessionStore("/nonexistent").create();
    const reply = await coach.respond(session, "How long should my answers be?");
    expect(reply.text).toContain("1. Keep it to 1-2 minutes, about 90 seconds.\n2. Cover all 16 Leadership Principles");
    expect(reply.text).toContain("3. Say you cut costs by [X%].");
  });

  it("checks every streamed sentence for a name spoken to, a name without capitals and a figure in other digits", async () => {
    llm.reply({ content: "Walker, thanks for asking. Ask 张伟 to confirm the ３８% figure, not the ５０% one. Lead with the result." });
    const session = new SessionStore("/nonexistent").create();
    const tokens: string[] = [];
    const reply = await coach.respond(session, "Which figure should I lead with?", { token: (token) => tokens.push(token) });
    // 38% is in the sample bank; 50%, Walker and 张伟 are not.
    expect(reply.text).toBe("[name], thanks for asking. Ask [name] to confirm the ３８% figure, not the [X%] one. Lead with the result.");
    expect(tokens.join("")).toBe(reply.text);
  });

  /** Each event the reply streams, in order. */
  function recorder() {
    const seen: Array<{ event: string; data?: unknown }> = [];
    const events = { token: (text: string) => seen.push({ event: "token", data: text }), reset: () => seen.push({ event: "reset" }), notice: (notice: unknown) => seen.push({ event: "notice", data: notice }) };
    // What a client shows: the tokens after the last reset.
    const shown = () => seen.slice(seen.map((entry) => entry.event).lastIndexOf("reset") + 1).filter((entry) => entry.event === "token").map((entry) => entry.data).join("");
    return { seen, events, shown };
  }

  it("falls back to the offline coach, with a notice to the person and on stderr, when the model fails", async () => {
    llm.fault("chat", { kind: "status", status: 500 });
    const session = new SessionStore("/nonexistent").create();
    const { seen, events, shown } = recorder();
    const reply = await coach.respond(session, "Which story for: tell me about a time you failed?", events);
    expect(fallbacks).toHaveLength(1);
    expect(fallbacks[0]).toMatch(/offline coach answers instead/);
    expect(reply.text).toMatch(/^For "tell me about a time you failed\?"/);
    // Nothing was shown before the failure: a notice first, no reset.
    expect(seen[0]).toEqual({ event: "notice", data: { code: "PROVIDER_ERROR", message: "The language model could not answer (PROVIDER_ERROR); the offline coach answers instead." } });
    expect(seen.some((entry) => entry.event === "reset")).toBe(false);
    expect(shown()).toBe(reply.text);
  });

  it("withdraws what the model streamed before it failed part-way, so what is shown is what is saved", async () => {
    llm.reply({ content: "Lead with your result. Then say what you did yourself, and end on the outcome." });
    llm.fault("chat", { kind: "drop-stream", afterChunks: 7 });
    const session = new SessionStore("/nonexistent").create();
    const { seen, events, shown } = recorder();
    const reply = await coach.respond(session, "Which story for: tell me about a time you failed?", events);
    const kinds = seen.map((entry) => entry.event);
    expect(kinds.indexOf("token")).toBeLessThan(kinds.indexOf("reset"));
    expect(seen.slice(0, kinds.indexOf("reset")).map((entry) => entry.data).join("")).toBe("Lead with your result.");
    expect(kinds.indexOf("notice")).toBe(kinds.indexOf("reset") + 1);
    expect(seen[kinds.indexOf("notice")]!.data).toMatchObject({ code: "PROVIDER_BAD_RESPONSE", message: expect.stringMatching(/unfinished reply is dropped/) });
    expect(reply.text).toMatch(/^For "tell me about a time you failed\?"/);
    expect(shown()).toBe(reply.text);
    expect(session.messages.at(-1)!.text).toBe(reply.text);
    expect(fallbacks[0]).toMatch(/broke off after .*unfinished reply is dropped/);
  });

  it("a model that keeps calling tools gets a notice too, and the offline coach answers", async () => {
    llm.reply({ toolCalls: [{ name: "coverage", arguments: {} }] });
    const session = new SessionStore("/nonexistent").create();
    const { seen, events, shown } = recorder();
    const reply = await coach.respond(session, "Which story for: tell me about a time you failed?", events);
    expect(llm.requestsTo("chat")).toHaveLength(4);
    expect(seen[0]).toMatchObject({ event: "notice", data: { code: "PROVIDER_BAD_RESPONSE" } });
    expect(fallbacks[0]).toMatch(/kept calling tools/);
    expect(shown()).toBe(reply.text);
    // Cards from the abandoned tool rounds are not the offline reply's.
    expect(reply.cards.map((card) => card.type)).toEqual(["matches"]);
  });

  it("checks the question the model critiques against, as it checks its replies: the card carries no invented name or figure", async () => {
    const answer = "Our AWS bill doubled last year. I owned the platform budget, so I found idle clusters and shut them down. The bill fell by a third in a month.";
    llm.reply(
      { toolCalls: [{ name: "critique_answer", arguments: { question: "How did you and Sarah Chen cut the AWS bill by 40% in Q3?", answer } }] },
      { content: "Good start: lead with the result." },
    );
    const session = new SessionStore("/nonexistent").create();
    const reply = await coach.respond(session, `critique: ${answer}`);
    const card = reply.cards.find((entry) => entry.type === "critique")!;
    expect(card).toMatchObject({ type: "critique", question: "How did you and [name] cut the AWS bill by [X%] in Q3?" });
  });

  it("tells the model when the answer it critiques retells a bank story that fits another question", async () => {
    const cost = withInferredPrinciples((await loadBank([SAMPLE_BANK])).stories).find((story) => story.title === "Cut the reporting cluster bill by more than half.")!;
    llm.reply(
      { toolCalls: [{ name: "critique_answer", arguments: { question: "Tell me about a time you had to get another team to change their plans to help you.", answer: cost.body } }] },
      { content: "Pick another story." },
    );
    const session = new SessionStore("/nonexistent").create();
    const reply = await coach.respond(session, `critique: ${cost.body}`);
    const toolMessage = llm.requestsTo("chat")[1]!.body.messages.find((message: { role: string }) => message.role === "tool");
    expect(toolMessage.content).toContain('This retells \\"Cut the reporting cluster bill by more than half.\\"');
    const card = reply.cards.find((entry) => entry.type === "critique");
    expect(card?.type === "critique" && card.data.issues[0]!.code).toBe("OFF_TOPIC");
  });

  it("leaves mock interviews to the offline engine: no model call", async () => {
    const session = new SessionStore("/nonexistent").create();
    const reply = await coach.respond(session, "interview me on Frugality");
    expect(reply.text).toMatch(/Question 1 of 1 \(Frugality\)/);
    expect(llm.requestsTo("chat")).toHaveLength(0);
  });

  it("puts the answer sent after an empty 'critique:' to the model as 'critique: <answer>', and waits for none after", async () => {
    const answer = "I rewrote the paging rules and cut false pages by 60%.";
    const session = new SessionStore("/nonexistent").create();
    // The empty request is the offline engine's: the model is not asked.
    expect((await coach.respond(session, "critique:")).text).toMatch(/^Which answer\?/);
    expect(llm.requestsTo("chat")).toHaveLength(0);
    llm.reply({ toolCalls: [{ name: "critique_answer", arguments: { question: "Tell me about a time you reduced toil.", answer } }] }, { content: "Lead with the pages you cut." });
    const reply = await coach.respond(session, answer);
    const sent = llm.requestsTo("chat")[0]!.body.messages;
    expect(sent.at(-1)).toEqual({ role: "user", content: `critique: ${answer}` });
    expect(reply.cards.map((card) => card.type)).toEqual(["critique"]);
    expect(session.awaitingCritique).toBe(false);
    // Saved as the candidate sent it.
    expect(session.messages.at(-2)).toMatchObject({ role: "user", text: answer });
  });

  it("critiques the answer sent after an empty 'critique:' offline when the model fails", async () => {
    const answer = "I rewrote the paging rules and cut false pages by 60%.";
    const session = new SessionStore("/nonexistent").create();
    await coach.respond(session, "critique:");
    llm.fault("chat", { kind: "status", status: 500 });
    const reply = await coach.respond(session, answer);
    expect(fallbacks).toHaveLength(1);
    expect(reply.cards.map((card) => card.type)).toEqual(["critique"]);
    expect(reply.text).toMatch(/^Against "Tell me about a time you made a difference at work\.": score \d+\/100/);
    expect(session.awaitingCritique).toBe(false);
  });

  // Last: once a model has sent a lone </think>, its chat model holds later streams back until the tag.
  it("withdraws a first reply's reasoning that ended on a lone </think>, so what is shown and saved is the answer alone (review)", async () => {
    llm.reply({ content: "The user wants a failure story. Pick the promo one.\n</think>\n\nTell your promo-code story and lead with the situation." });
    const session = new SessionStore("/nonexistent").create();
    const { seen, events, shown } = recorder();
    const reply = await coach.respond(session, "Which story for: tell me about a time you failed?", events);
    expect(reply.text).toBe("Tell your promo-code story and lead with the situation.");
    expect(seen.some((entry) => entry.event === "reset")).toBe(true);
    expect(shown()).toBe(reply.text);
    expect(session.messages.at(-1)!.text).toBe(reply.text);
    expect(session.messages.map((message) => message.text).join(" ")).not.toMatch(/think>|The user wants/);
  });
});
