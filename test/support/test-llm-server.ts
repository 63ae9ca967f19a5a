import { createHash } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A scripted chat reply: text, tool calls, or a JSON object (for json_schema requests). */
export interface ScriptedReply {
  content?: string;
  toolCalls?: Array<{ name: string; arguments: unknown }>;
  json?: unknown;
}

/** Something going wrong on purpose. */
export type Fault =
  | { kind: "latency"; ms: number }
  | { kind: "hang" }
  | { kind: "status"; status: number; retryAfterSeconds?: number; body?: string }
  | { kind: "invalid-json" }
  /** A reply that starts (status and headers, part of the body) and never finishes. */
  | { kind: "stall-body" }
  | { kind: "drop-stream"; afterChunks?: number }
  /** A stream that sends its first chunks, then goes quiet with the connection open (a stalled model). */
  | { kind: "stall-stream"; afterChunks?: number }
  /** A stream whose chunk after the first ones is not JSON (a broken proxy or server). */
  | { kind: "bad-chunk"; afterChunks?: number }
  /** This embeddings reply's vectors have another length (a server that changed model, or a broken one). */
  | { kind: "dimensions"; dimensions: number }
  /** This embeddings reply, rewritten before it is sent (a string goes out as is, so it may be invalid JSON or hold 1e999). */
  | { kind: "rewrite-embeddings"; rewrite: (reply: any) => unknown };

export type Route = "chat" | "embeddings" | "models";

export interface RecordedRequest {
  route: Route | "other";
  method: string;
  path: string;
  /** The request's query parameters (a base URL's ?api-key=... arrives here). */
  query: Record<string, string>;
  headers: IncomingMessage["headers"];
  body: any;
}

export interface TestLlmServerOptions {
  /** Length of the deterministic embedding vectors. */
  dimensions?: number;
  /** When set, requests must carry `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  models?: string[];
  /** Like a small embedding model behind vLLM: an input longer than this many characters is refused with HTTP 400. */
  maxInputCharacters?: number;
  /** Like a slow model: every chat reply is written in this many pieces, this far apart (see `TestLlmServer.pace`). */
  pace?: Pace;
  /** Like a server that cannot stream with `response_format`: every streamed chat request is refused with HTTP 400. */
  refuseStreams?: boolean;
  /** Like a minimal proxy: `stream: true` is ignored and every chat reply comes whole, as JSON. */
  ignoreStreams?: boolean;
}

/** How a slow model writes: its reply in `pieces` parts, `gapMs` apart. */
export interface Pace {
  pieces: number;
  gapMs: number;
}

/**
 * A small OpenAI-compatible server for tests, on a loopback port: deterministic
 * embeddings, scripted chat replies (streaming or not, tool calls, JSON), and
 * faults on demand. The real `openai` client talks to it over HTTP.
 */
export class TestLlmServer {
  readonly requests: RecordedRequest[] = [];
  private readonly server: http.Server;
  private readonly replies: Array<ScriptedReply | ((request: any) => ScriptedReply)> = [];
  private lastReply: ScriptedReply | ((request: any) => ScriptedReply) | undefined;
  private readonly faults: Record<Route, Fault[]> = { chat: [], embeddings: [], models: [] };
  /** Length of the embedding vectors; tests change it to play a server whose model changed. */
  dimensions: number;
  private readonly apiKey: string | undefined;
  private readonly models: string[];
  /** Inputs longer than this are refused (vLLM's words); tests may change it. */
  maxInputCharacters: number | undefined;
  /**
   * How slowly chat replies are written; tests may change it. Streamed, the
   * pieces come as written; not streamed, the whole reply (headers and all)
   * comes when the last piece is written, as a server that does not stream
   * sends nothing before.
   */
  pace: Pace | undefined;
  /** Streamed chat requests are refused with HTTP 400; tests may change it. */
  refuseStreams: boolean;
  ignoreStreams: boolean;
  private port = 0;

  constructor(options: TestLlmServerOptions = {}) {
    this.dimensions = options.dimensions ?? 64;
    this.apiKey = options.apiKey;
    this.models = options.models ?? ["test-chat", "test-embed", "gpt-4o-mini", "text-embedding-3-small"];
    this.maxInputCharacters = options.maxInputCharacters;
    this.pace = options.pace;
    this.refuseStreams = options.refuseStreams ?? false;
    this.ignoreStreams = options.ignoreStreams ?? false;
    this.server = http.createServer((request, response) => void this.handle(request, response));
  }

  /** Starts listening on 127.0.0.1 on a free port. */
  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Base URL to give the client (`OPENAI_BASE_URL`). */
  get url(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  /** Queues chat replies, used in order; when the queue runs dry the last reply used is repeated. */
  reply(...replies: Array<ScriptedReply | ((request: any) => ScriptedReply)>): this {
    this.replies.push(...replies);
    return this;
  }

  /** Queues faults for a route; each request to it takes the next one. */
  fault(route: Route, ...faults: Fault[]): this {
    this.faults[route].push(...faults);
    return this;
  }

  requestsTo(route: Route): RecordedRequest[] {
    return this.requests.filter((request) => request.route === route);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The vector the server returns for a text: hashed words, L2-normalised. */
  static embedText(text: string, dimensions: number): number[] {
    const vector = new Array<number>(dimensions).fill(0);
    for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
      const digest = createHash("sha256").update(word).digest();
      vector[digest.readUInt32LE(0) % dimensions]! += digest[4]! & 1 ? 1 : -1;
    }
    const norm = Math.hypot(...vector) || 1;
    return vector.map((value) => (value === 0 && norm === 1 ? 1 / Math.sqrt(dimensions) : value / norm));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    let body: any = null;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      body = raw;
    }
    const path = (request.url ?? "").split("?")[0]!;
    const query = Object.fromEntries(new URL(request.url ?? "/", "http://test").searchParams);
    const route: Route | "other" = path.endsWith("/chat/completions") ? "chat" : path.endsWith("/embeddings") ? "embeddings" : path.endsWith("/models") ? "models" : "other";
    this.requests.push({ route, method: request.method ?? "GET", path, query, headers: request.headers, body });

    if (this.apiKey && request.headers.authorization !== `Bearer ${this.apiKey}`) {
      return sendJson(response, 401, { error: { message: "Incorrect API key provided", type: "invalid_request_error", code: "invalid_api_key" } });
    }
    if (route === "other") return sendJson(response, 404, { error: { message: `no route ${path}`, type: "not_found" } });
    if (route === "chat" && body?.stream && this.refuseStreams) {
      return sendJson(response, 400, { error: { message: "Streaming is not supported together with response_format", type: "invalid_request_error", param: "stream" } });
    }

    const fault = this.faults[route].shift();
    if (fault?.kind === "latency") await new Promise((resolve) => setTimeout(resolve, fault.ms));
    if (fault?.kind === "hang") return; // never answers; the client's timeout must fire
    if (fault?.kind === "status") {
      if (fault.retryAfterSeconds !== undefined) response.setHeader("retry-after", String(fault.retryAfterSeconds));
      return sendJson(response, fault.status, fault.body ?? { error: { message: `injected ${fault.status}`, type: "server_error" } });
    }
    if (fault?.kind === "stall-body") {
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"id": "stalled", "choices": [');
      return;
    }
    if (fault?.kind === "invalid-json") {
      response.writeHead(200, { "content-type": "application/json" });
      response.end('{"id": "broken", "choices": [');
      return;
    }

    if (route === "models") {
      return sendJson(response, 200, { object: "list", data: this.models.map((id) => ({ id, object: "model", created: 0, owned_by: "test" })) });
    }
    if (route === "embeddings") {
      const inputs: string[] = Array.isArray(body?.input) ? body.input : [body?.input ?? ""];
      const limit = this.maxInputCharacters;
      if (limit !== undefined && inputs.some((text) => String(text).length > limit)) {
        return sendJson(response, 400, { object: "error", message: `This model's maximum context length is ${Math.round(limit / 4)} tokens. However, you requested more tokens in the input.`, type: "BadRequestError", code: 400 });
      }
      // Like OpenAI's text-embedding-3 models, a request may ask for shorter vectors.
      const asked = Number.isInteger(body?.dimensions) && body.dimensions > 0 ? (body.dimensions as number) : this.dimensions;
      const dimensions = fault?.kind === "dimensions" ? fault.dimensions : asked;
      const reply = {
        object: "list",
        model: body?.model,
        data: inputs.map((text, index) => ({ object: "embedding", index, embedding: TestLlmServer.embedText(String(text), dimensions) })),
        usage: { prompt_tokens: 0, total_tokens: 0 },
      };
      return sendJson(response, 200, fault?.kind === "rewrite-embeddings" ? fault.rewrite(reply) : reply);
    }
    const next = this.replies.shift() ?? this.lastReply;
    this.lastReply = next;
    const reply = typeof next === "function" ? next(body) : (next ?? { content: "ok" });
    if (body?.stream && !this.ignoreStreams) {
      const breaks = fault?.kind === "drop-stream" || fault?.kind === "stall-stream" || fault?.kind === "bad-chunk" ? { how: fault.kind, afterChunks: fault.afterChunks ?? 2 } : undefined;
      return streamChat(response, body, reply, breaks, this.pace);
    }
    if (this.pace) await sleep(this.pace.pieces * this.pace.gapMs);
    return sendJson(response, 200, chatCompletion(body, reply));
  }
}

function contentOf(reply: ScriptedReply): string {
  return reply.json !== undefined ? JSON.stringify(reply.json) : (reply.content ?? "");
}

function toolCallsOf(reply: ScriptedReply) {
  return (reply.toolCalls ?? []).map((call, index) => ({
    id: `call_${index}`,
    type: "function" as const,
    function: { name: call.name, arguments: typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments) },
  }));
}

function chatCompletion(body: any, reply: ScriptedReply) {
  const toolCalls = toolCallsOf(reply);
  return {
    id: "chatcmpl-test",
    object: "chat.completion",
    created: 0,
    model: body?.model ?? "test-chat",
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: toolCalls.length ? null : contentOf(reply), ...(toolCalls.length ? { tool_calls: toolCalls } : {}) },
        finish_reason: toolCalls.length ? "tool_calls" : "stop",
      },
    ],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  };
}

async function streamChat(
  response: ServerResponse,
  body: any,
  reply: ScriptedReply,
  breaks: { how: "drop-stream" | "stall-stream" | "bad-chunk"; afterChunks: number } | undefined,
  pace: Pace | undefined,
): Promise<void> {
  response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  const base = { id: "chatcmpl-test", object: "chat.completion.chunk", created: 0, model: body?.model ?? "test-chat" };
  const chunks: unknown[] = [{ ...base, choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] }];
  const toolCalls = toolCallsOf(reply);
  if (toolCalls.length) {
    toolCalls.forEach((call, index) => {
      chunks.push({ ...base, choices: [{ index: 0, delta: { tool_calls: [{ index, id: call.id, type: "function", function: { name: call.function.name, arguments: "" } }] }, finish_reason: null }] });
      const args = call.function.arguments;
      for (let at = 0; at < args.length; at += 8) {
        chunks.push({ ...base, choices: [{ index: 0, delta: { tool_calls: [{ index, function: { arguments: args.slice(at, at + 8) } }] }, finish_reason: null }] });
      }
    });
  } else {
    for (const piece of contentOf(reply).match(/\S+\s*|\s+/g) ?? []) {
      chunks.push({ ...base, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] });
    }
  }
  chunks.push({ ...base, choices: [{ index: 0, delta: {}, finish_reason: toolCalls.length ? "tool_calls" : "stop" }] });
  const events = chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).slice(0, breaks ? breaks.afterChunks : undefined);
  // The opening chunk comes with the headers; a slow model's pieces follow it, each after its gap.
  const [opening, ...rest] = events;
  response.write(opening ?? "");
  for (const piece of pace ? inPieces(rest, pace.pieces) : [rest]) {
    if (pace) await sleep(pace.gapMs);
    // The client may have stopped waiting.
    if (response.destroyed || !response.socket || response.socket.destroyed) return;
    response.write(piece.join(""));
  }
  // Let the first chunks reach the client, then cut the connection, say nothing more, or send garbage.
  if (breaks?.how === "drop-stream") setTimeout(() => response.socket?.destroy(), 50);
  if (breaks?.how === "bad-chunk") setTimeout(() => response.end("data: {not json\n\n"), 50);
  if (breaks) return;
  response.end("data: [DONE]\n\n");
}

/** `items` in `count` runs, in order, as even as can be (fewer when there are fewer items). */
function inPieces<T>(items: T[], count: number): T[][] {
  const runs = Math.max(1, Math.min(count, items.length));
  return Array.from({ length: runs }, (_, run) => items.slice(Math.floor((run * items.length) / runs), Math.floor(((run + 1) * items.length) / runs)));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

/** Starts a test LLM server; remember to close it. */
export async function startTestLlmServer(options: TestLlmServerOptions = {}): Promise<TestLlmServer> {
  return new TestLlmServer(options).start();
}
