import { loadConfig } from "../../src/config/index.js";
import type { ChatModel } from "../../src/core/chat-model.js";
import type { Embedder } from "../../src/core/embedder.js";
import { resolveProvider } from "../../src/providers/index.js";
import type { TestLlmServer } from "./test-llm-server.js";

/**
 * The openai provider pointed at a test LLM server, as a `coach` process
 * would resolve it from its environment: `defaults` under each call's `env`.
 */
export function openaiTestProvider(server: () => TestLlmServer, defaults: Record<string, string>) {
  const provider = (env: Record<string, string> = {}) => resolveProvider(loadConfig({ provider: "openai" }, { OPENAI_API_KEY: "k", OPENAI_BASE_URL: server().url, ...defaults, ...env }));
  return {
    provider,
    chat: (env?: Record<string, string>): Promise<ChatModel> => provider(env).createChatModel() as Promise<ChatModel>,
    embedder: (env?: Record<string, string>): Promise<Embedder> => provider(env).createEmbedder(),
  };
}
