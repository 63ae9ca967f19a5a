import type { ResolvedConfig, ProviderName } from "../config/index.js";
import type { ChatModel } from "../core/chat-model.js";
import type { Embedder } from "../core/embedder.js";
import { HashedLexicalEmbedder } from "./local/hashed-lexical-embedder.js";
import { checkOpenAIConnection, type ConnectionCheck } from "./openai/check-openai-connection.js";
import { createOpenAIClient } from "./openai/create-openai-client.js";
import { OpenAIChatModel } from "./openai/openai-chat-model.js";
import { OpenAIEmbedder } from "./openai/openai-embedder.js";

/** What a provider can build for a command. */
export interface Provider {
  readonly name: ProviderName;
  /** True when using it sends data off this machine. */
  readonly remote: boolean;
  createEmbedder(): Embedder;
  /** Null when the provider has no language model (the offline coach then works alone). */
  createChatModel(): ChatModel | null;
  checkConnection(): Promise<ConnectionCheck>;
}

type ProviderFactory = (config: ResolvedConfig) => Provider;

const factories: Record<ProviderName, ProviderFactory> = {
  local: () => ({
    name: "local",
    remote: false,
    createEmbedder: () => new HashedLexicalEmbedder(),
    createChatModel: () => null,
    checkConnection: async () => ({ ok: true, detail: "offline: nothing to reach", latencyMs: 0, models: [] }),
  }),
  openai: (config) => ({
    name: "openai",
    remote: true,
    createEmbedder: () => new OpenAIEmbedder(createOpenAIClient(config), config.embedModel),
    createChatModel: () => new OpenAIChatModel(createOpenAIClient(config), config.chatModel),
    checkConnection: () => checkOpenAIConnection(config),
  }),
};

/** The one place that resolves a provider by name. */
export function resolveProvider(config: ResolvedConfig): Provider {
  return factories[config.provider](config);
}

export type { ConnectionCheck };
