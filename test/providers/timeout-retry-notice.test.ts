import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import type { ChatModel } from "../../src/core/chat-model.js";
import { resolveProvider } from "../../src/providers/index.js";
import { startTestLlmServer, TestLlmServer } from "../support/test-llm-server.js";

let llm: TestLlmServer;
beforeAll(async () => {
  llm = await startTestLlmServer({ dimensions: 16 });
});
afterAll(async () => llm.close());

// Audit: a provider that did not answer was asked again in silence, up to three waits of COACH_TIMEOUT_MS (90 s by
// default) with nothing on stderr, while a 429 or a 500 was said.
describe("asking a provider again after a timeout", () => {
  const provider = (said: string[], env: Record<string, string>) =>
    resolveProvider(loadConfig({ provider: "openai" }, { OPENAI_API_KEY: "k", OPENAI_BASE_URL: llm.url, COACH_TIMEOUT_MS: "300", ...env }), { onRetry: (message) => said.push(message) });

  it("says each wait, for chat and for embeddings", async () => {
    const said: string[] = [];
    llm.reply({ content: "fine the second time" });
    llm.fault("chat", { kind: "hang" });
    const chat = (await provider(said, { COACH_MAX_RETRIES: "1" }).createChatModel()) as ChatModel;
    expect((await chat.complete({ messages: [{ role: "user", content: "x" }] })).content).toBe("fine the second time");
    expect(said).toEqual(["the provider did not answer within 0.3 s; asking again (retry 1 of 1)."]);

    said.length = 0;
    llm.fault("embeddings", { kind: "hang" }, { kind: "hang" });
    const embedder = await provider(said, { COACH_MAX_RETRIES: "2" }).createEmbedder();
    expect(await embedder.embed(["hello"])).toHaveLength(1);
    expect(said).toEqual(["the provider did not answer within 0.3 s; asking again (retry 1 of 2).", "the provider did not answer within 0.3 s; asking again (retry 2 of 2)."]);
  });

  it("promises nothing with no retry left, nor when the caller cancels", async () => {
    const said: string[] = [];
    llm.fault("chat", { kind: "hang" });
    const chat = (await provider(said, { COACH_MAX_RETRIES: "0" }).createChatModel()) as ChatModel;
    await expect(chat.complete({ messages: [{ role: "user", content: "x" }] })).rejects.toMatchObject({ code: "PROVIDER_TIMEOUT" });
    llm.fault("chat", { kind: "hang" });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const patient = (await provider(said, { COACH_MAX_RETRIES: "2", COACH_TIMEOUT_MS: "5000" }).createChatModel()) as ChatModel;
    await expect(patient.complete({ messages: [{ role: "user", content: "x" }], signal: controller.signal })).rejects.toBeTruthy();
    expect(said).toEqual([]);
  });
});
