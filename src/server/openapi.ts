import { z } from "zod";
import { BankBodySchema, ChatBodySchema, CritiqueBodySchema, ErrorSchema, MatchBodySchema } from "./api-schemas.js";

const json = (schema: z.ZodType) => ({ "application/json": { schema: z.toJSONSchema(schema) } });
const errors = { "4XX": { description: "Invalid request", content: json(ErrorSchema) }, "5XX": { description: "Server or provider failure", content: json(ErrorSchema) } };

/** The OpenAPI 3 document, generated from the same zod schemas that validate requests. */
export function openApiDocument(version: string) {
  return {
    openapi: "3.1.0",
    info: { title: "coach", version, description: "Interview answer coach: match stories to questions, critique answers, coach by chat." },
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "Required on every /api request when COACH_TOKEN is set." } } },
    security: [{ bearer: [] }, {}],
    paths: {
      "/api/health": { get: { summary: "Health, provider and story count", responses: { 200: { description: "OK" }, ...errors } } },
      "/api/openapi.json": { get: { summary: "This document", responses: { 200: { description: "OpenAPI 3" } } } },
      "/api/banks": {
        get: { summary: "List uploaded banks", responses: { 200: { description: "Bank names" }, ...errors } },
        post: { summary: "Add or replace a named bank", requestBody: { required: true, content: json(BankBodySchema) }, responses: { 200: { description: "Parsed stories and warnings" }, ...errors } },
      },
      "/api/banks/{name}": { delete: { summary: "Remove a bank", parameters: [{ name: "name", in: "path", required: true, schema: { type: "string" } }], responses: { 200: { description: "Removed" }, ...errors } } },
      "/api/coverage": { get: { summary: "Fit of the served stories to each of the 16 principles", responses: { 200: { description: "As coach coverage --json lines, in one array" }, ...errors } } },
      "/api/stories": { get: { summary: "Stories served", responses: { 200: { description: "Stories" }, ...errors } } },
      "/api/match": { post: { summary: "Stories that fit a question", requestBody: { required: true, content: json(MatchBodySchema) }, responses: { 200: { description: "As a coach match --json line" }, ...errors } } },
      "/api/critique": { post: { summary: "Critique an answer", requestBody: { required: true, content: json(CritiqueBodySchema) }, responses: { 200: { description: "As a coach critique --json line" }, ...errors } } },
      "/api/chat": {
        post: {
          summary: "One chat turn, streamed as server-sent events: session, token, card, done, error",
          requestBody: { required: true, content: json(ChatBodySchema) },
          responses: { 200: { description: "text/event-stream", content: { "text/event-stream": { schema: { type: "string" } } } }, ...errors },
        },
      },
      "/api/sessions/{id}": { get: { summary: "Session transcript", parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }], responses: { 200: { description: "Transcript" }, ...errors } } },
      "/api/sessions/{id}/export": { get: { summary: "Session as markdown", parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }], responses: { 200: { description: "text/markdown" }, ...errors } } },
    },
  };
}
