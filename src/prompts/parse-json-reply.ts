import type { z } from "zod";

/**
 * A model's JSON reply validated against its schema, or undefined when it is
 * not JSON or does not follow the schema. A Markdown code fence around the
 * JSON is tolerated: small local models add one even when asked for JSON.
 */
export function parseJsonReply<Schema extends z.ZodType>(raw: string, schema: Schema): z.infer<Schema> | undefined {
  try {
    const result = schema.safeParse(JSON.parse(withoutCodeFence(raw.trim())));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

// Sliced rather than matched: "\s*```$" tried from every character of a long run of spaces in a reply.
function withoutCodeFence(text: string): string {
  const opening = /^```(?:json)?/.exec(text)?.[0].length ?? 0;
  const closing = text.length > opening && text.endsWith("```") ? 3 : 0;
  // JSON.parse ignores the whitespace left around the object.
  return text.slice(opening, text.length - closing);
}
