import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadBank } from "../../src/bank/index.js";
import type { Story } from "../../src/core/story.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { createInMemoryMatcher, judgedMatch, LlmMatchJudge, type MatchResult, type StoryMatcher } from "../../src/retrieval/index.js";
import { LlmCache } from "../../src/store/llm-cache.js";
import { withInferredPrinciples } from "../../src/understanding/index.js";
import { openaiTestProvider } from "../support/openai-test-provider.js";
import { SAMPLE_BANK } from "../support/run-coach.js";
import { startTestLlmServer, type ScriptedReply, type TestLlmServer } from "../support/test-llm-server.js";

const QUESTION = "Tell me about a time you failed";
type Level = "strong" | "workable" | "stretch";

/** The stories a judge request shows the model, read back from the request as the server received it. */
function storiesShown(body: any): Array<{ story: string; title: string; text: string }> {
  const content: string = body.messages[1].content;
  return JSON.parse(content.slice(content.indexOf("{"))).stories;
}

/** A valid judgement giving each reference the level asked (workable by default), in the order shown. */
// A why per story that names no figure or name (the judge would drop one the story never gives).
const NAMES = ["alpha", "beta", "gamma", "delta", "epsilon"];
const whyFor = (reference: string) => `Judged on its own words, reason ${NAMES[Number(reference.slice(1)) - 1]}.`;

function judging(levels: Record<string, Level>, why: (reference: string) => string = whyFor) {
  return (body: any): ScriptedReply => ({
    json: { stories: storiesShown(body).map(({ story }) => ({ story, fit: levels[story] ?? "workable", why: why(story), leadWith: "action" })) },
  });
}

describe("the language model's judgement of a question's matches (test LLM server)", () => {
  let server: TestLlmServer;
  let matcher: StoryMatcher;
  let stories: Story[];
  let offlineWide: MatchResult;
  let offline: MatchResult;
  const provider = openaiTestProvider(() => server, { COACH_CHAT_MODEL: "test-chat", COACH_MAX_RETRIES: "0" });
  const judge = async (options: { cache?: LlmCache } = {}) => new LlmMatchJudge({ chat: await provider.chat(), ...options });

  beforeAll(async () => {
    server = await startTestLlmServer();
    stories = withInferredPrinciples((await loadBank([SAMPLE_BANK])).stories);
    matcher = await createInMemoryMatcher(stories, new InterviewEmbedder());
    offlineWide = await matcher.match(QUESTION, { k: 5 });
    offline = await matcher.match(QUESTION, { k: 3 });
  });
  afterAll(async () => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  it("orders the first five by the model's fit, the ranking's order kept within a level, and shows the best k", async () => {
    // Precondition: the ranking's fourth story is outside the three shown offline.
    const fourth = offlineWide.matches[3]!;
    expect(offline.matches.map((match) => match.id)).not.toContain(fourth.id);
    server.reply(judging({ S1: "stretch", S4: "strong" }));
    const result = await judgedMatch(matcher, await judge(), QUESTION, 3);
    // strong (S4), then the workable ones in the ranking's order (S2, S3); the stretch S1 and S5 fall outside k.
    expect(result.matches.map((match) => match.id)).toEqual([fourth.id, offlineWide.matches[1]!.id, offlineWide.matches[2]!.id]);
    expect(result.matches.map((match) => match.fit)).toEqual(["strong", "workable", "workable"]);
    expect(result.matches[0]!.why).toBe("Judged on its own words, reason delta.");
    expect(result.matches[0]!.leadWith).toBe("action");
    expect(result.judge).toMatchObject({ fallback: false, model: "openai:test-chat", cached: false, whysKept: 0, prompt: expect.stringMatching(/^match-judge\.v1@[0-9a-f]{16}$/) });
    const [request] = server.requestsTo("chat");
    expect(storiesShown(request!.body).map((story) => story.title)).toEqual(offlineWide.matches.map((match) => match.title));
  });

  it("sends the prompt file as the instructions and the stories only as JSON data in the user's message", async () => {
    const hostile = stories.find((story) => story.id === offlineWide.matches[0]!.id)!;
    server.reply(judging({}));
    await judgedMatch(matcher, await judge(), QUESTION, 3);
    const body = server.requestsTo("chat")[0]!.body;
    const prompt = readFileSync(path.join(import.meta.dirname, "../../prompts/match-judge.v1.md"), "utf8");
    expect(body.messages[0]).toEqual({ role: "system", content: prompt });
    expect(body.messages[0].content).not.toContain(hostile.text.slice(0, 60));
    expect(storiesShown(body)[0]!.text).toBe(hostile.text);
    expect(body.response_format?.type).toBe("json_schema");
  });

  it("keeps the offline why where the model's names a figure the story never gives", async () => {
    const first = offlineWide.matches[0]!;
    expect(first.text).not.toContain("73%");
    server.reply(judging({ S1: "strong" }, (reference) => (reference === "S1" ? "You cut costs by 73% here." : "It fits.")));
    const result = await judgedMatch(matcher, await judge(), QUESTION, 3);
    expect(result.matches[0]!.id).toBe(first.id);
    expect(result.matches[0]!.why).toBe(first.why);
    expect(result.matches[1]!.why).toBe("It fits.");
    expect(result.judge).toMatchObject({ fallback: false, whysKept: 1 });
    // "One" as a pronoun is no invented count; a spelled count is.
    // A count none of the shown stories gives in any form (a retrain can change which stories are shown).
    for (const text of [QUESTION, ...offlineWide.matches.flatMap((match) => [match.text, match.title])]) expect(text).not.toMatch(/\bseventeen\b|\b17\b/i);
    server.reply(judging({}, (reference) => (reference === "S1" ? "This is the one that answers it." : "Seventeen people followed your lead.")));
    const spelled = await judgedMatch(matcher, await judge(), QUESTION, 3);
    const byId = new Map(spelled.matches.map((match) => [match.id, match.why]));
    expect(byId.get(first.id)).toBe("This is the one that answers it.");
    expect(spelled.matches.filter((match) => match.id !== first.id).map((match) => match.why)).toEqual(offline.matches.filter((match) => match.id !== first.id).map((match) => match.why));
  });

  it("says so when every story shown is judged a stretch", async () => {
    expect(offline.notices.map((notice) => notice.code)).not.toContain("NO_CLEAR_FIT");
    server.reply(judging({ S1: "stretch", S2: "stretch", S3: "stretch", S4: "stretch", S5: "stretch" }));
    const result = await judgedMatch(matcher, await judge(), QUESTION, 3);
    expect(result.matches.map((match) => match.id)).toEqual(offline.matches.map((match) => match.id));
    expect(result.notices.map((notice) => notice.code)).toContain("NO_CLEAR_FIT");
  });

  it("asks once more when the reply is not a judgement of every story, then uses the valid one", async () => {
    server.reply((body: any) => ({ json: { stories: storiesShown(body).slice(0, 4).map(({ story }) => ({ story, fit: "strong", why: "Fits.", leadWith: "result" })) } }), judging({ S2: "strong" }));
    const result = await judgedMatch(matcher, await judge(), QUESTION, 3);
    expect(server.requestsTo("chat")).toHaveLength(2);
    expect(result.matches[0]!.id).toBe(offlineWide.matches[1]!.id);
    expect(result.judge?.fallback).toBe(false);
  });

  it("falls back to the offline ranking, with a notice, when the reply is twice not JSON", async () => {
    server.reply({ content: "Sure! The second story is best." });
    const result = await judgedMatch(matcher, await judge(), QUESTION, 3);
    expect(server.requestsTo("chat")).toHaveLength(2);
    expect(result.matches.map((match) => [match.id, match.fit, match.why])).toEqual(offline.matches.map((match) => [match.id, match.fit, match.why]));
    expect(result.judge).toEqual({ fallback: true, reason: expect.stringContaining("not a judgement of every story shown") });
    expect(result.notices.find((notice) => notice.code === "JUDGE_UNAVAILABLE")?.message).toMatch(/^The model could not judge these stories \(.+\); showing the offline ranking and fits\.$/);
  });

  it("falls back after one request when the provider fails (its client has already retried)", async () => {
    server.fault("chat", { kind: "status", status: 500 });
    const result = await judgedMatch(matcher, await judge(), QUESTION, 3);
    expect(server.requestsTo("chat")).toHaveLength(1);
    expect(result.matches.map((match) => match.id)).toEqual(offline.matches.map((match) => match.id));
    expect(result.judge?.fallback).toBe(true);
  });

  it("answers a repeated question from the cache, keyed by the prompt, the model and the stories shown", async () => {
    const cache = new LlmCache(mkdtempSync(path.join(os.tmpdir(), "judge-cache-")));
    server.reply(judging({ S3: "strong" }));
    const first = await judgedMatch(matcher, await judge({ cache }), QUESTION, 3);
    const second = await judgedMatch(matcher, await judge({ cache }), QUESTION, 3);
    expect(server.requestsTo("chat")).toHaveLength(1);
    expect(second.matches).toEqual(first.matches);
    expect(second.judge).toMatchObject({ fallback: false, cached: true });
    await judgedMatch(matcher, await judge({ cache }), "Tell me about a time you disagreed with your manager", 3);
    expect(server.requestsTo("chat")).toHaveLength(2);
  });

  it("asks nothing for a question that asks for no story", async () => {
    const result = await judgedMatch(matcher, await judge(), "Why do you want to work here?", 3);
    expect(server.requestsTo("chat")).toHaveLength(0);
    expect(result.judge).toBeUndefined();
    expect(result.notices.map((notice) => notice.code)).toContain("NO_STORY_NEEDED");
  });

  it("reads references a small model writes its own way ('Story 2', 3) and cuts a long why to two sentences", async () => {
    const long = `First sentence about the story. Second sentence about it. ${"A third that rambles on. ".repeat(30)}`;
    server.reply((body: any) => ({
      json: { stories: storiesShown(body).map(({ story }, index) => ({ story: index === 1 ? "Story 2" : index === 2 ? 3 : story, fit: index === 2 ? "strong" : "workable", why: long, leadWith: "task" })) },
    }));
    const result = await judgedMatch(matcher, await judge(), QUESTION, 3);
    expect(result.judge?.fallback).toBe(false);
    expect(result.matches[0]!.id).toBe(offlineWide.matches[2]!.id);
    expect(result.matches[0]!.why).toBe("First sentence about the story. Second sentence about it.");
  });

  it("falls back when the model does not answer within COACH_TIMEOUT_MS", async () => {
    server.fault("chat", { kind: "hang" });
    const started = Date.now();
    const result = await judgedMatch(matcher, new LlmMatchJudge({ chat: await provider.chat({ COACH_TIMEOUT_MS: "400" }) }), QUESTION, 3);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.judge?.fallback).toBe(true);
    expect(result.matches.map((match) => match.id)).toEqual(offline.matches.map((match) => match.id));
  });

  it("replaces a cached reply that is no judgement with the model's answer, and keys the cache by model too", async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "judge-cache-bad-"));
    const cache = new LlmCache(folder);
    server.reply(judging({ S2: "strong" }));
    await judgedMatch(matcher, await judge({ cache }), QUESTION, 3);
    const [file] = readdirSync(folder);
    writeFileSync(path.join(folder, file!), "not json");
    const asked = await judgedMatch(matcher, await judge({ cache }), QUESTION, 3);
    expect(asked.judge).toMatchObject({ fallback: false, cached: false });
    const again = await judgedMatch(matcher, await judge({ cache }), QUESTION, 3);
    expect(again.judge).toMatchObject({ fallback: false, cached: true });
    expect(server.requestsTo("chat")).toHaveLength(2);
    // Another model is asked afresh.
    await judgedMatch(matcher, new LlmMatchJudge({ chat: await provider.chat({ COACH_CHAT_MODEL: "other-chat" }), cache }), QUESTION, 3);
    expect(server.requestsTo("chat")).toHaveLength(3);
  });

  it("orders stories the model puts at one level by the ranking's score, not by where the offline fit had moved them", async () => {
    // Precondition: offline, a stretch with a higher score was moved below a story that fits.
    const question = "Tell me about a time you led a team through a reorganisation.";
    const wide = await matcher.match(question, { k: 5 });
    const inversions = wide.matches.slice(0, 3).filter((match, index, first) => first.slice(index + 1).some((below) => below.score > match.score));
    expect(inversions.length).toBeGreaterThan(0);
    server.reply(judging({}));
    const result = await judgedMatch(matcher, await judge(), question, 5);
    const scores = result.matches.map((match) => match.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("leaves 'S3' in a why alone, and takes no echoed title for a reference", async () => {
    server.reply((body: any) => ({ json: { stories: storiesShown(body).map(({ story }) => ({ story, fit: "workable", why: "You moved the S3 buckets yourself.", leadWith: "action" })) } }));
    const kept = await judgedMatch(matcher, await judge(), QUESTION, 3);
    // No story here mentions S3, so each why is the offline one; before, the third story's title was pasted over "S3".
    expect(kept.matches.map((match) => match.why)).toEqual(offline.matches.map((match) => match.why));
    server.reply((body: any) => ({ json: { stories: storiesShown(body).map(({ story }, index) => ({ story: index === 2 ? "Led 3 teams" : story, fit: "workable", why: "Fits.", leadWith: "action" })) } }));
    expect((await judgedMatch(matcher, await judge(), QUESTION, 3)).judge?.fallback).toBe(true);
  });

  it("says of the k shown, not of the five judged, how many there are and whether all are stretches", async () => {
    const small = await createInMemoryMatcher(stories.filter((story) => story.experience === offlineWide.matches[0]!.experience || story.experience === offlineWide.matches[1]!.experience), new InterviewEmbedder());
    server.reply(judging({}));
    const two = await judgedMatch(small, await judge(), QUESTION, 3);
    expect(two.matches).toHaveLength(2);
    expect(two.notices.filter((notice) => notice.code === "SMALL_BANK").map((notice) => notice.message)).toEqual(["Your bank has 2 experiences (tellings of the same events count once), so 2 are shown, not 3."]);
    // A question whose closest stories are all stretches offline, judged strong by the model: no stretch notice.
    const question = "Tell me about a time you organised a charity event.";
    const offlineAll = await matcher.match(question, { k: 3 });
    expect(offlineAll.notices.map((notice) => notice.code)).toContain("NO_CLEAR_FIT");
    server.reply(judging({ S1: "strong" }));
    const judged = await judgedMatch(matcher, await judge(), question, 3);
    expect(judged.notices.map((notice) => notice.code)).not.toContain("NO_CLEAR_FIT");
  });
});

