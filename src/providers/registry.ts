import type { ResolvedConfig, ProviderName } from "../config/index.js";
import type { ChatModel } from "../core/chat-model.js";
import type { Embedder } from "../core/embedder.js";
import type { ConnectionCheck } from "./openai/check-openai-connection.js";

/** What a provider can build for a command. */
export interface Provider {
  readonly name: ProviderName;
  /** True when using it sends data off this machine. */
  readonly remote: boolean;
  createEmbedder(): Promise<Embedder>;
  /** Null when the provider has no language model (the offline coach then works alone). */
  createChatModel(): Promise<ChatModel | null>;
  checkConnection(): Promise<ConnectionCheck>;
}

/** What a command wants to hear from a provider while it works. */
export interface ProviderHooks {
  /** The provider failed for now (429, 5xx) and the client will wait and ask again: say so, or the wait is silent. */
  onRetry?: (message: string) => void;
  /** Something the user should know that did not stop the work (a text too long for the model, embedded shortened); defaults to `onRetry`, which every command prints on stderr. */
  onNotice?: (message: string) => void;
}

type ProviderFactory = (config: ResolvedConfig, hooks: ProviderHooks) => Provider;

// Adapters are imported on first use so an offline command never loads the openai SDK.
const factories: Record<ProviderName, ProviderFactory> = {
  local: () => ({
    name: "local",
    remote: false,
    createEmbedder: async () => new (await import("./local/interview-embedder.js")).InterviewEmbedder(),
    createChatModel: async () => null,
    checkConnection: async () => ({ ok: true, detail: "offline: nothing to reach", latencyMs: 0, models: [] }),
  }),
  openai: (config, hooks) => ({
    name: "openai",
    remote: true,
    createEmbedder: async () => {
      const [{ OpenAIEmbedder }, { createOpenAIClient }] = await Promise.all([import("./openai/openai-embedder.js"), import("./openai/create-openai-client.js")]);
      return new OpenAIEmbedder(createOpenAIClient(config, { onRetry: hooks.onRetry }), config.embedModel, config.embedDimensions, { idleTimeoutMs: config.timeoutMs, onNotice: hooks.onNotice ?? hooks.onRetry });
    },
    createChatModel: async () => {
      const [{ OpenAIChatModel }, { createOpenAIClient }] = await Promise.all([import("./openai/openai-chat-model.js"), import("./openai/create-openai-client.js")]);
      return new OpenAIChatModel(createOpenAIClient(config, { onRetry: hooks.onRetry }), config.chatModel, { idleTimeoutMs: config.timeoutMs });
    },
    checkConnection: async () => (await import("./openai/check-openai-connection.js")).checkOpenAIConnection(config),
  }),
};

/** The one place that resolves a provider by name. */
export function resolveProvider(config: ResolvedConfig, hooks: ProviderHooks = {}): Provider {
  return factories[config.provider](config, hooks);
}

export type { ConnectionCheck };
