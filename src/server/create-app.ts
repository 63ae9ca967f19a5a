import express, { type NextFunction, type Request, type Response } from "express";
import type { z } from "zod";
import { SessionStore, type Coach, type Session } from "../coach/index.js";
import type { Critic } from "../core/critique.js";
import { MAX_BANK_FILE_BYTES } from "../bank/limits.js";
import { CoachError, httpStatusFor, InputError, isCoachError, plainIssueMessage, ProviderError } from "../errors/index.js";
import type { Story } from "../core/story.js";
import { storyToJson } from "../story-json.js";
import { hasBearerToken } from "./bearer-token.js";
import { BankBodySchema, ChatBodySchema, CritiqueBodySchema, MatchBodySchema, PlanBodySchema } from "./api-schemas.js";
import { openApiDocument } from "./openapi.js";
import { WEB_PAGE } from "./web-page.js";
import { assessCoverage, judgedMatch, matchResponse, planDistinctStories, planInput, type MatchJudge, type PlanInput } from "../retrieval/index.js";
import { KeyedQueue } from "./keyed-queue.js";
import { rateLimit } from "./rate-limit.js";
import type { ServedBanks } from "./served-banks.js";
import { describeServed, readOnlyReason } from "./served-bank-entry.js";
import { formatFromName, safeUploadName } from "./upload-bank-name.js";

export interface AppOptions {
  banks: ServedBanks;
  /** Builds the coach for the current banks (offline, or LLM-driven when a provider is configured). */
  coach: (state: ReturnType<ServedBanks["current"]>) => Promise<Coach>;
  critic: Critic;
  /** Judges each match's fit with the provider's model; null offline. */
  judge?: MatchJudge | null;
  sessions: SessionStore;
  provider: string;
  version: string;
  /** When set, every /api request needs `Authorization: Bearer <token>`. */
  token?: string;
  rateLimitPerMinute?: number;
  /** Hears what went wrong on the server's side (the store, an internal error), in full, for its operator's log. */
  onServerError?: (message: string) => void;
  /** Low-anxiety mode: told to clients (GET /api/settings, chat cards) so pages hide scores; JSON bodies keep every field. */
  hideScores?: boolean;
}

/** Largest JSON body accepted, but for bank uploads. */
export const MAX_BODY = "6mb";

/**
 * Largest bank upload body: a 5 MB bank however it is escaped (a control
 * character is six bytes of JSON, \u0001), plus its envelope. A bank is
 * measured by its own UTF-8 bytes once decoded, not by this.
 */
export const MAX_BANK_BODY_BYTES = 6 * MAX_BANK_FILE_BYTES + 64 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  // No body, or one no parser read: say what to send rather than "expected object, received undefined".
  if (body === undefined) throw new HttpError(400, "INVALID_BODY", `body: missing; send a JSON object as the body with the header content-type: application/json (with curl: -H 'content-type: application/json' -d '{...}').`);
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new HttpError(400, "INVALID_BODY", `${describePath(issue.path) || "body"}: ${plainIssueMessage(issue, body)}`);
  }
  return result.data;
}

/** A body field's path as a client writes it, with the item counted from 1: `questions[1] (question 2)`. */
function describePath(path: readonly PropertyKey[]): string {
  let text = "";
  let item = "";
  for (const [position, key] of path.entries()) {
    if (typeof key === "number") {
      text += `[${key}]`;
      const parent = path[position - 1];
      item = typeof parent === "string" ? ` (${parent.replace(/s$/, "")} ${key + 1})` : "";
    } else text += `${text ? "." : ""}${String(key)}`;
  }
  return text + item;
}

/** The HTTP API of the contracts, as an express app (the caller listens). */
export function createApp(options: AppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  const sessionTurns = new KeyedQueue();
  const storyForClient = (story: Story) => {
    const json = storyToJson(story);
    return { ...json, source: { ...json.source, file: options.banks.displayFile(json.source.file) } };
  };
  app.use("/api", rateLimit({ limit: options.rateLimitPerMinute ?? 120, windowMs: 60_000 }));
  app.use("/api", (request: Request, response: Response, next: NextFunction) => {
    if (!options.token || hasBearerToken(request.headers.authorization, options.token)) return next();
    // A 401 names the scheme to use (RFC 9110), and says whether the token sent was wrong (RFC 6750) or none was sent.
    const sent = request.headers.authorization !== undefined;
    response.setHeader("WWW-Authenticate", `Bearer realm="coach"${sent ? ', error="invalid_token"' : ""}`);
    next(new HttpError(401, "UNAUTHORIZED", sent ? "the Authorization header does not carry this server's token; send Authorization: Bearer <COACH_TOKEN>." : "This server needs Authorization: Bearer <COACH_TOKEN>."));
  });
  // Bodies are JSON only: a form post (curl -d without -H) is told what to send, not that an object was missing.
  app.use("/api", (request: Request, _response: Response, next: NextFunction) => {
    // An empty body (content-length 0) is left to the route, which says the body is missing.
    const empty = request.headers["transfer-encoding"] === undefined && Number(request.headers["content-length"] ?? 0) === 0;
    if (request.method !== "POST" || empty || request.is("application/json")) return next();
    next(new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", `send the body as JSON with the header content-type: application/json (this request sent ${request.headers["content-type"] ?? "no content-type"}); with curl: -H 'content-type: application/json' -d '{...}'.`));
  });
  // Banks first: a parsed body is not parsed again by the general parser below.
  // Not strict: a body of valid JSON that is not an object (null, "text", 5) is told it must be an object (INVALID_BODY), not that it is not JSON.
  const bankJson = express.json({ limit: MAX_BANK_BODY_BYTES, strict: false });
  app.use("/api/banks", (request: Request, response: Response, next: NextFunction) =>
    bankJson(request, response, (error?: unknown) => next(isTooLarge(error) ? new InputError("INPUT_TOO_LARGE", `the upload is over ${megabytes(MAX_BANK_BODY_BYTES)} MB of JSON, so its bank is over the 5 MB limit for a bank.`) : error)),
  );
  app.use(express.json({ limit: MAX_BODY, strict: false }));


  app.get("/api/health", (_request, response) => {
    response.json({ ok: true, provider: options.provider, stories: options.banks.current().indexed.stories.length });
  });
  // How clients should show results; the page reads it to hide the critique's score in low-anxiety mode.
  app.get("/api/settings", (_request, response) => {
    response.json({ hideScores: options.hideScores ?? false });
  });
  app.get("/api/openapi.json", (_request, response) => {
    response.json(openApiDocument(options.version));
  });
  app.get("/", (_request, response) => {
    response.type("html").send(WEB_PAGE);
  });
  app.get("/api/coverage", (_request, response) => {
    response.json({ coverage: assessCoverage(options.banks.current().features) });
  });
  app.get("/api/stories", (_request, response) => {
    response.json({ stories: options.banks.current().indexed.stories.map(storyForClient) });
  });
  app.get("/api/banks", (_request, response) => {
    response.json({ banks: options.banks.list() });
  });
  app.post("/api/banks", async (request, response) => {
    const body = parseBody(BankBodySchema, request.body);
    // A file name is fine ("My stories.md"): the bank is kept under a safe name, told back in the reply.
    const name = safeUploadName(body.name);
    const format = body.format ?? formatFromName(body.name) ?? (/^\s*\{/.test(body.content) ? "json" : "markdown");
    const parsed = await options.banks.upload(name, body.content, format);
    const renamed = name === body.name ? {} : { notice: `bank "${body.name}" is kept as "${name}": a bank's name keeps only letters, digits, - and _ (at most 64), without a .md, .txt or .json ending; use "${name}" to replace or delete it.` };
    response.json({ name, ...renamed, stories: parsed.stories.map(storyForClient), warnings: parsed.warnings });
  });
  app.delete("/api/banks/:name", async (request, response) => {
    const name = String(request.params.name);
    const outcome = await options.banks.remove(name);
    if ("readOnly" in outcome) throw new HttpError(409, "BANK_READ_ONLY", readOnlyReason(outcome.readOnly));
    if ("missing" in outcome) throw new HttpError(404, "NOT_FOUND", `no bank named "${name}"; ${describeServed(outcome.missing)}. GET /api/banks lists them.`);
    response.json(outcome);
  });
  app.post("/api/match", async (request, response) => {
    const body = parseBody(MatchBodySchema, request.body);
    // The notices go with the matches: over HTTP there is no stderr to print them on (contracts allow extra fields).
    // A client that hangs up stops the model's judging: nobody is left to read it.
    const gone = new AbortController();
    response.on("close", () => gone.abort());
    response.json(matchResponse(await judgedMatch(options.banks.current().matcher, options.judge ?? null, body.question, body.k ?? 3, { signal: gone.signal })));
  });
  app.post("/api/plan", async (request, response) => {
    const body = parseBody(PlanBodySchema, request.body);
    const k = body.k ?? 3;
    const matcher = options.banks.current().matcher;
    const inputs: PlanInput[] = [];
    for (const [index, question] of body.questions.entries()) {
      try {
        inputs.push(await planInput((text, depth) => matcher.match(text, { k: depth }), question, index + 1, k));
      } catch (error) {
        // Which question was refused matters in a list of fifty.
        if (!isCoachError(error)) throw error;
        throw new CoachError(error.code, `questions[${index}] (question ${index + 1}): ${error.message}`, { cause: error, location: error.location });
      }
    }
    response.json({ results: planDistinctStories(inputs, k).map(matchResponse) });
  });
  app.post("/api/critique", async (request, response) => {
    const body = parseBody(CritiqueBodySchema, request.body);
    response.json(await options.critic.critique(body.question, body.answer));
  });
  app.post("/api/chat", async (request, response) => {
    const body = parseBody(ChatBodySchema, request.body);
    const converse = async (session: Session) => {
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
      const send = (event: string, data: unknown) => response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      send("session", { sessionId: session.id });
      try {
        const coach = await options.coach(options.banks.current());
        const reply = await coach.respond(session, body.message, {
          token: (text) => send("token", { text }),
          // Beyond the contract's events: the model failed part-way, drop its tokens; and why the offline coach answers.
          reset: () => send("reset", {}),
          notice: (notice) => send("notice", notice),
        });
        await options.sessions.save(session);
        // A card's data stays complete (the contract); with scores hidden it says so, for a client that reads only the stream.
        for (const card of reply.cards) send("card", options.hideScores ? { ...card, hideScores: true } : card);
        send("done", {});
      } catch (error) {
        send("error", isCoachError(error) ? error.toJSON() : { code: "INTERNAL", message: "the coach could not answer" });
      }
      response.end();
    };
    // Messages to one session are answered in turn, each seeing the one before.
    const id = body.sessionId;
    if (id) await sessionTurns.run(id, async () => converse(await loadSession(options.sessions, id)));
    else {
      // Queued under its new id at once: a second message may arrive, with that id, before the first reply is saved.
      const session = options.sessions.create();
      await sessionTurns.run(session.id, async () => {
        // Saved before it is announced: the client keeps the id even when this first message is refused.
        await options.sessions.save(session);
        await converse(session);
      });
    }
  });
  app.get("/api/sessions/:id", async (request, response) => {
    const session = await loadSession(options.sessions, String(request.params.id));
    response.json({ id: session.id, createdAt: session.createdAt, messages: session.messages, interview: session.interview });
  });
  app.get("/api/sessions/:id/export", async (request, response) => {
    const session = await loadSession(options.sessions, String(request.params.id));
    const lines = [`# Coaching session ${session.id}`, "", `Started ${session.createdAt}.`, ""];
    for (const message of session.messages) lines.push(`**${message.role === "user" ? "You" : "Coach"}:** ${message.text}`, "");
    response.type("text/markdown").send(lines.join("\n"));
  });
  // A known route asked with the wrong method says which methods it takes.
  const allowed: Array<[string, string]> = [
    ["/api/health", "GET"],
    ["/api/settings", "GET"],
    ["/api/openapi.json", "GET"],
    ["/api/coverage", "GET"],
    ["/api/stories", "GET"],
    ["/api/banks", "GET, POST"],
    ["/api/banks/:name", "DELETE"],
    ["/api/match", "POST"],
    ["/api/plan", "POST"],
    ["/api/critique", "POST"],
    ["/api/chat", "POST"],
    ["/api/sessions/:id", "GET"],
    ["/api/sessions/:id/export", "GET"],
  ];
  for (const [route, methods] of allowed) {
    app.all(route, (request, response, next) => {
      response.setHeader("allow", methods);
      next(new HttpError(405, "METHOD_NOT_ALLOWED", `${request.method} is not allowed on ${route}; use ${methods}.`));
    });
  }
  app.use("/api", (_request, _response, next) => next(new HttpError(404, "NOT_FOUND", "no such API route.")));
  // Outside /api too, an unknown route is the contract's JSON error, not the framework's HTML page.
  app.use((request, _response, next) => next(new HttpError(404, "NOT_FOUND", `no such route: ${request.method} ${request.path}; the page is at / and the API under /api (GET /api/openapi.json describes it).`)));

  // One place maps failures to statuses and the contract's error body.
  app.use((error: unknown, _request: Request, response: Response, _next: NextFunction) => {
    const { status, code, message } = describeError(error);
    if (response.headersSent) return response.end();
    // The server's own store is not the client's to fix, and its paths are the server's business: the log has them.
    if (code.startsWith("STORE_")) {
      options.onServerError?.(message);
      return response.status(status).json({ error: { code, message: `the server cannot use its store (${code}); its log says why.` } });
    }
    // An error nobody raised on purpose (a worker that ran out of memory, a bug) is the server's to look into: log it.
    if (code === "INTERNAL") options.onServerError?.(`internal error: ${error instanceof Error ? error.message : String(error)}`);
    // A build that stalled is the operator's to know of too: the machine may be too busy, or the limit too short.
    if (code === "INDEX_TIMEOUT") options.onServerError?.(message);
    // Which of its banks broke, and how, is the operator's to read: the client is told only that nothing changed.
    if (code === "SERVED_BANK_UNREADABLE") options.onServerError?.(`${message} (${error instanceof Error && error.cause instanceof Error ? error.cause.message : "no detail"})`);
    // A rate-limited provider said when to ask again: so does the server, as its own 429s do.
    const retryAfter = error instanceof ProviderError ? error.retryAfterSeconds : undefined;
    if (retryAfter !== undefined && retryAfter >= 0) response.setHeader("Retry-After", String(Math.ceil(retryAfter)));
    response.status(status).json({ error: { code, message } });
  });
  return app;
}

async function loadSession(sessions: SessionStore, id: string): Promise<Session> {
  try {
    return await sessions.load(id);
  } catch (error) {
    if (isCoachError(error) && error.code.startsWith("INPUT_")) throw new HttpError(404, "SESSION_NOT_FOUND", `no session "${id}".`);
    throw error;
  }
}

const isTooLarge = (error: unknown) => (error as { type?: string } | undefined)?.type === "entity.too.large";
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

function describeError(error: unknown): { status: number; code: string; message: string } {
  if (error instanceof HttpError) return { status: error.status, code: error.code, message: error.message };
  const type = (error as { type?: string })?.type;
  if (type === "entity.parse.failed") return { status: 400, code: "INVALID_JSON", message: "the body is not valid JSON." };
  if (isTooLarge(error)) return { status: 413, code: "BODY_TOO_LARGE", message: `the body is over the ${MAX_BODY} limit.` };
  if (isCoachError(error)) return { status: httpStatusFor(error), code: error.code, message: error.message };
  const clientError = describeClientError(error);
  if (clientError) return clientError;
  return { status: 500, code: "INTERNAL", message: "internal error" };
}

/**
 * What the body parser and the router refuse on the client's account (they
 * give it a 4xx status): the request's fault said as such, not a 500.
 */
function describeClientError(error: unknown): { status: number; code: string; message: string } | undefined {
  const { status, type, charset } = (error ?? {}) as { status?: unknown; type?: string; charset?: string };
  // A path like /api/sessions/%E0%A4%A: not valid percent-encoding.
  if (error instanceof URIError && status === 400) return { status: 400, code: "INVALID_URL", message: "the URL's path is not valid percent-encoding (UTF-8 bytes written as %XX)." };
  if (type === "charset.unsupported") return { status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: `the body's charset ${charset ? `"${charset}" ` : ""}is not supported; send the JSON as UTF-8 (content-type: application/json).` };
  if (type === "encoding.unsupported") return { status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: "the body's content-encoding is not supported; send it as gzip, deflate, br or not compressed." };
  if (typeof status === "number" && status >= 400 && status < 500) return { status, code: "BAD_REQUEST", message: "the request's body could not be read (cut short, or not in the content-encoding it names)." };
  return undefined;
}
