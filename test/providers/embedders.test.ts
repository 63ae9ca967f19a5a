import { afterAll, beforeAll } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { resolveProvider } from "../../src/providers/index.js";
import { startTestLlmServer, type TestLlmServer } from "../support/test-llm-server.js";
import { embedderContract } from "./embedder-contract.js";

let llm: TestLlmServer;
beforeAll(async () => {
  llm = await startTestLlmServer();
});
afterAll(async () => llm.close());

embedderContract("local (hashed lexical)", () => resolveProvider(loadConfig({}, {})).createEmbedder());
embedderContract("openai-compatible (test LLM server)", () =>
  resolveProvider(loadConfig({ provider: "openai" }, { OPENAI_API_KEY: "k", OPENAI_BASE_URL: llm.url, COACH_MAX_RETRIES: "0" })).createEmbedder(),
);
