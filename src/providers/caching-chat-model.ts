import type { ChatModel, ChatRequest, ChatResponse } from "../core/chat-model.js";
import { LlmCache } from "../store/llm-cache.js";

/**
 * A ChatModel that answers from a cache when it can (keyed by a prompt
 * version, the model and the whole request) and records what the real model
 * says otherwise: how the eval replays LLM conversations offline.
 */
export class CachingChatModel implements ChatModel {
  readonly id: string;

  constructor(
    private readonly inner: ChatModel,
    private readonly cache: LlmCache,
    private readonly promptHash: string,
    private readonly refresh = false,
  ) {
    this.id = inner.id;
  }

  async complete(request: ChatRequest): Promise<ChatResponse> {
    return this.cached(request, () => this.inner.complete(request));
  }

  async stream(request: ChatRequest, onDelta: (text: string) => void): Promise<ChatResponse> {
    let live = false;
    const response = await this.cached(request, () => {
      live = true;
      return this.inner.stream(request, onDelta);
    });
    if (!live && response.content) onDelta(response.content);
    return response;
  }

  private async cached(request: ChatRequest, ask: () => Promise<ChatResponse>): Promise<ChatResponse> {
    const { signal: _signal, ...input } = request;
    const key = LlmCache.key({ promptHash: this.promptHash, model: this.inner.id, input });
    if (!this.refresh) {
      const hit = await this.cache.get(key);
      if (hit) return JSON.parse(hit) as ChatResponse;
    }
    const response = await ask();
    await this.cache.set(key, JSON.stringify(response));
    return response;
  }
}
