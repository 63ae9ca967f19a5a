import type OpenAI from "openai";
import type { ChatCompletion, ChatCompletionMessageParam, ChatCompletionCreateParamsNonStreaming, ChatCompletionTool } from "openai/resources/chat/completions";
import type { ChatModel, ChatRequest, ChatResponse, ToolCall } from "../../core/chat-model.js";
import { ProviderError } from "../../errors/index.js";
import { IdleTimer } from "./idle-timer.js";
import { mapOpenAIError, type ProviderErrorContext } from "./map-openai-error.js";
import { answerWithoutReasoning, hasLoneClose, ReasoningFilter } from "./reasoning-block.js";
import { refusedStreaming } from "./refused-streaming.js";

/** Chat completions from any OpenAI-compatible `/v1/chat/completions` endpoint. */
export class OpenAIChatModel implements ChatModel {
  readonly id: string;
  /** Set once the server refused a streamed request and then answered it whole: later ones are not streamed. */
  private refusesStreaming = false;
  /**
   * Set once a reply ended its reasoning on a lone `</think>` (the server put
   * the opening tag in the prompt): later streams hold text back until it
   * comes, so the reasoning is not shown as the answer again.
   */
  private sendsLoneClose = false;

  /**
   * @param options.idleTimeoutMs Longest wait for the rest of a reply once it
   * started, or for the next piece of a streamed one (COACH_TIMEOUT_MS).
   */
  constructor(
    private readonly client: OpenAI,
    private readonly model: string,
    private readonly options: { idleTimeoutMs?: number } = {},
  ) {
    this.id = `openai:${model}`;
  }

  /**
   * The whole reply, streamed underneath so that COACH_TIMEOUT_MS bounds the
   * wait for it to start and then the wait between two pieces, never the
   * whole reply (a model on a laptop's CPU may write for minutes). A server
   * that refuses the streamed request is asked for it whole, and from then on.
   */
  async complete(request: ChatRequest): Promise<ChatResponse> {
    const where = `chat (${this.model})`;
    if (this.refusesStreaming) return this.whole(request, where);
    try {
      return await this.streamed(request, () => undefined, where);
    } catch (error) {
      if (!refusedStreaming(error)) throw error;
    }
    // Some servers refuse `stream` with `response_format`; a request they refuse for another reason fails again here, and is not remembered.
    const response = await this.whole(request, where);
    this.refusesStreaming = true;
    return response;
  }

  async stream(request: ChatRequest, onDelta: (text: string) => void): Promise<ChatResponse> {
    return this.streamed(request, onDelta, `chat stream (${this.model})`);
  }

  /** One reply, not streamed: the server sends nothing until all of it is written, so the client's timeout covers the whole wait. */
  private async whole(request: ChatRequest, where: string): Promise<ChatResponse> {
    const idle = new IdleTimer(this.options.idleTimeoutMs, request.signal);
    let completion;
    try {
      const pending = this.client.chat.completions.create(this.body(request), { signal: idle.signal });
      // The client's timeout ends with the headers; the body gets one of its own.
      await pending.asResponse();
      idle.restart();
      completion = await pending;
    } catch (error) {
      if (idle.fired) throw this.stallError(where, idle.ms!, error);
      throw mapOpenAIError(error, where, this.errorContext());
    } finally {
      idle.stop();
    }
    return this.fromCompletion(completion, where);
  }

  /** A whole (not streamed) completion as a reply, its reasoning block left out. */
  private fromCompletion(completion: ChatCompletion, where: string): ChatResponse {
    const message = completion.choices?.[0]?.message;
    if (!message) throw new ProviderError("PROVIDER_BAD_RESPONSE", `${where}: the response had no message; check that OPENAI_BASE_URL is an OpenAI-compatible API (it usually ends in /v1).`);
    if (hasLoneClose(message.content ?? "")) this.sendsLoneClose = true;
    return {
      content: answerWithoutReasoning(message.content ?? "", where),
      toolCalls: (message.tool_calls ?? []).flatMap((call) =>
        call.type === "function" ? [{ id: call.id, name: call.function.name, arguments: call.function.arguments }] : [],
      ),
      model: completion.model ?? this.model,
    };
  }

  /**
   * One streamed reply: the client's timeout covers the wait for it to start
   * (and is retried by the client); once it has, each piece restarts the idle
   * timer, and a stall is PROVIDER_TIMEOUT, never asked again.
   */
  private async streamed(request: ChatRequest, onDelta: (text: string) => void, where: string): Promise<ChatResponse> {
    // A reasoning model's <think> block is not the answer: held back, never shown or returned.
    const reasoning = new ReasoningFilter({ expectLoneClose: this.sendsLoneClose });
    let model = this.model;
    const calls = new Map<number, ToolCall>();
    let finished = false;
    const idle = new IdleTimer(this.options.idleTimeoutMs, request.signal);
    let stream;
    try {
      const { data, response } = await this.client.chat.completions.create({ ...this.body(request), stream: true }, { signal: idle.signal }).withResponse();
      // A server (or proxy) that ignores `stream` sends the whole reply as JSON: read it as one piece.
      if (!isEventStream(response)) {
        idle.restart();
        const whole = this.fromCompletion(await wholeReply(response, where), where);
        idle.stop();
        if (whole.content) onDelta(whole.content);
        return whole;
      }
      stream = data;
    } catch (error) {
      idle.stop();
      if (idle.fired) throw this.stallError(where, idle.ms!, error);
      throw error instanceof ProviderError ? error : mapOpenAIError(error, where, this.errorContext());
    }
    try {
      idle.restart();
      for await (const chunk of stream) {
        idle.restart();
        model = chunk.model ?? model;
        const choice = chunk.choices?.[0];
        if (!choice) continue;
        const delta = choice.delta;
        if (delta?.content) {
          const shown = reasoning.push(delta.content);
          if (shown) onDelta(shown);
        }
        for (const call of delta?.tool_calls ?? []) {
          const current = calls.get(call.index) ?? { id: call.id ?? `call_${call.index}`, name: "", arguments: "" };
          if (call.id) current.id = call.id;
          if (call.function?.name) current.name += call.function.name;
          if (call.function?.arguments) current.arguments += call.function.arguments;
          calls.set(call.index, current);
        }
        if (choice.finish_reason) finished = true;
      }
    } catch (error) {
      if (idle.fired) throw this.stallError(where, idle.ms!, error, reasoning.received);
      if (request.signal?.aborted) throw mapOpenAIError(error, where, this.errorContext());
      if (error instanceof SyntaxError) {
        throw new ProviderError("PROVIDER_BAD_RESPONSE", `${where}: a piece of the model's stream was not JSON (after ${reasoning.received} characters).`, { cause: error });
      }
      // Once tokens have flowed, a broken connection means a truncated answer, not an unreachable server.
      throw new ProviderError("PROVIDER_BAD_RESPONSE", `${where}: the stream broke off after ${reasoning.received} characters.`, { cause: error });
    } finally {
      idle.stop();
    }
    // The SDK ends a cancelled stream quietly, as if it were complete.
    if (idle.fired) throw this.stallError(where, idle.ms!, undefined, reasoning.received);
    if (request.signal?.aborted) throw new ProviderError("PROVIDER_TIMEOUT", `${where}: the request was cancelled.`);
    if (!finished) throw new ProviderError("PROVIDER_BAD_RESPONSE", `${where}: the stream ended before the model finished.`);
    if (hasLoneClose(reasoning.text)) this.sendsLoneClose = true;
    // Held back for a closing tag that never came: the whole reply was the answer.
    const held = reasoning.rest();
    if (held) onDelta(held);
    return { content: answerWithoutReasoning(reasoning.text, where), toolCalls: [...calls.values()], model };
  }

  private errorContext(): ProviderErrorContext {
    return { secret: this.client.apiKey, baseURL: this.client.baseURL, timeoutMs: this.client.timeout, model: { setting: "COACH_CHAT_MODEL", name: this.model } };
  }

  private stallError(where: string, idleMs: number, cause: unknown, received?: number): ProviderError {
    const after = received === undefined ? "once its reply started" : `after ${received} characters`;
    return new ProviderError("PROVIDER_TIMEOUT", `${where}: the model sent nothing for ${idleMs} ms (COACH_TIMEOUT_MS) ${after}; stopped waiting.`, { cause });
  }

  private body(request: ChatRequest): ChatCompletionCreateParamsNonStreaming {
    const messages: ChatCompletionMessageParam[] = request.messages.map((message) => {
      if (message.role === "tool") return { role: "tool", content: message.content, tool_call_id: message.toolCallId ?? "" };
      if (message.role === "assistant" && message.toolCalls?.length) {
        return {
          role: "assistant",
          content: message.content || null,
          tool_calls: message.toolCalls.map((call) => ({ id: call.id, type: "function" as const, function: { name: call.name, arguments: call.arguments } })),
        };
      }
      return { role: message.role, content: message.content } as ChatCompletionMessageParam;
    });
    const tools: ChatCompletionTool[] | undefined = request.tools?.map((tool) => ({
      type: "function",
      function: { name: tool.name, description: tool.description, parameters: tool.parameters },
    }));
    return {
      model: this.model,
      messages,
      ...(tools?.length ? { tools } : {}),
      ...(request.jsonSchema
        ? { response_format: { type: "json_schema", json_schema: { name: request.jsonSchema.name, schema: request.jsonSchema.schema, strict: true } } }
        : {}),
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    };
  }
}

// Anything but JSON is read as a stream: servers label their event streams inconsistently.
function isEventStream(response: Response): boolean {
  return !/\bapplication\/json\b/i.test(response.headers.get("content-type") ?? "");
}

async function wholeReply(response: Response, where: string): Promise<ChatCompletion> {
  const text = await response.text();
  try {
    return JSON.parse(text) as ChatCompletion;
  } catch (cause) {
    throw new ProviderError("PROVIDER_BAD_RESPONSE", `${where}: the server ignored streaming and its reply was not JSON (${text.length} characters).`, { cause });
  }
}
