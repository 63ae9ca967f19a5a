/** A message in a chat with a model. */
export interface ChatMessage {
  role: "system" | "user" | "assistant" | "tool";
  content: string;
  /** For role "tool": the call this message answers. */
  toolCallId?: string;
  /** For role "assistant": tool calls the model asked for. */
  toolCalls?: ToolCall[];
}

export interface ToolCall {
  id: string;
  name: string;
  /** JSON text of the arguments, as the model wrote it (not yet validated). */
  arguments: string;
}

export interface ToolDefinition {
  name: string;
  description: string;
  /** JSON Schema of the arguments. */
  parameters: Record<string, unknown>;
}

export interface ChatRequest {
  messages: ChatMessage[];
  tools?: ToolDefinition[];
  /** Ask for JSON that follows this schema. */
  jsonSchema?: { name: string; schema: Record<string, unknown> };
  temperature?: number;
  signal?: AbortSignal;
}

export interface ChatResponse {
  content: string;
  toolCalls: ToolCall[];
  model: string;
}

/** A chat-completion model; one implementation per provider. */
export interface ChatModel {
  /** Names the provider and model, e.g. `openai:gpt-4o-mini`; part of every cache key. */
  readonly id: string;
  /** The whole response at once (an adapter may stream it underneath, so that its timeout is per piece). */
  complete(request: ChatRequest): Promise<ChatResponse>;
  /** Streams text deltas; resolves with the whole response. */
  stream(request: ChatRequest, onDelta: (text: string) => void): Promise<ChatResponse>;
}
