import { z } from "zod";
import {
  BankListResponseSchema,
  BankRemovedResponseSchema,
  BankUploadResponseSchema,
  ChatEventSchemas,
  CoverageResponseSchema,
  CritiqueResponseSchema,
  HealthResponseSchema,
  MatchApiResponseSchema,
  PlanApiResponseSchema,
  SessionResponseSchema,
  SettingsResponseSchema,
  StoriesResponseSchema,
} from "./api-response-schemas.js";
import { BankBodySchema, ChatBodySchema, CritiqueBodySchema, ErrorSchema, MatchBodySchema, PlanBodySchema } from "./api-schemas.js";

const json = (schema: z.ZodType) => ({ "application/json": { schema: z.toJSONSchema(schema) } });
// Each chat event's data, by event name (an OpenAPI extension: OpenAPI 3.1 has no way to describe server-sent events).
const chatEvents = Object.fromEntries(Object.entries(ChatEventSchemas).map(([event, schema]) => [event, z.toJSONSchema(schema)]));
const errors = { "4XX": { description: "Invalid request", content: json(ErrorSchema) }, "5XX": { description: "Server or provider failure", content: json(ErrorSchema) } };

/** The OpenAPI 3 document, generated from the zod schemas that validate requests and describe responses. */
export function openApiDocument(version: string) {
  return {
    openapi: "3.1.0",
    info: { title: "coach", version, description: "Interview answer coach: match stories to questions, critique answers, coach by chat." },
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "Required on every /api request when COACH_TOKEN is set." } } },
    security: [{ bearer: [] }, {}],
    paths: {
      "/api/health": { get: { summary: "Health, provider and story count", responses: { 200: { description: "OK", content: json(HealthResponseSchema) }, ...errors } } },
      "/api/settings": { get: { summary: "How to show results: hideScores (coach serve --hide-scores, COACH_HIDE_SCORES, hideScores in the config file)", responses: { 200: { description: "Settings", content: json(SettingsResponseSchema) }, ...errors } } },
      "/api/openapi.json": { get: { summary: "This document", responses: { 200: { description: "OpenAPI 3", content: { "application/json": { schema: { type: "object" } } } }, ...errors } } },
      "/api/banks": {
        get: { summary: "List every served bank: uploads (deletable) and the banks the server was started with (read-only)", responses: { 200: { description: "Served banks", content: json(BankListResponseSchema) }, ...errors } },
        post: { summary: "Add or replace a named bank", requestBody: { required: true, content: json(BankBodySchema) }, responses: { 200: { description: "Parsed stories and warnings", content: json(BankUploadResponseSchema) }, ...errors } },
      },
      "/api/banks/{name}": { delete: { summary: "Remove an uploaded bank; a bank the server was started with is 409 BANK_READ_ONLY", parameters: [{ name: "name", in: "path", required: true, schema: { type: "string" } }], responses: { 200: { description: "Removed", content: json(BankRemovedResponseSchema) }, ...errors } } },
      "/api/coverage": { get: { summary: "Fit of the served stories to each of the 16 principles", responses: { 200: { description: "As coach coverage --json lines, in one array", content: json(CoverageResponseSchema) }, ...errors } } },
      "/api/stories": { get: { summary: "Stories served", responses: { 200: { description: "Stories", content: json(StoriesResponseSchema) }, ...errors } } },
      "/api/match": { post: { summary: "Stories that fit a question", requestBody: { required: true, content: json(MatchBodySchema) }, responses: { 200: { description: "As a coach match --json line, plus the notices coach match prints on stderr", content: json(MatchApiResponseSchema) }, ...errors } } },
      "/api/plan": { post: { summary: "Plan an interview loop: the stories for each question, each question leading with a different experience (coach match --distinct)", requestBody: { required: true, content: json(PlanBodySchema) }, responses: { 200: { description: "One result per question, in order, each as a /api/match answer", content: json(PlanApiResponseSchema) }, ...errors } } },
      "/api/critique": { post: { summary: "Critique an answer", requestBody: { required: true, content: json(CritiqueBodySchema) }, responses: { 200: { description: "As a coach critique --json line", content: json(CritiqueResponseSchema) }, ...errors } } },
      "/api/chat": {
        post: {
          summary: "One chat turn, streamed as server-sent events: session, token, card, done, error; with a provider also notice (the offline coach answers instead of the model) and reset (drop this reply's tokens so far)",
          requestBody: { required: true, content: json(ChatBodySchema) },
          responses: {
            200: {
              description: "text/event-stream: `event: <name>` and `data: <JSON>` per event; session first, then token events, card events, and done or error last. x-events gives each event's data schema.",
              content: { "text/event-stream": { schema: { type: "string" } } },
              "x-events": chatEvents,
            },
            ...errors,
          },
        },
      },
      "/api/sessions/{id}": { get: { summary: "Session transcript", parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }], responses: { 200: { description: "Transcript", content: json(SessionResponseSchema) }, ...errors } } },
      "/api/sessions/{id}/export": { get: { summary: "Session as markdown", parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }], responses: { 200: { description: "The transcript as markdown", content: { "text/markdown": { schema: { type: "string" } } } }, ...errors } } },
    },
  };
}
