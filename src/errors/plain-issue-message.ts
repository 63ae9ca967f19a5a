import type { z } from "zod";

// A JSON value as a client would name it: a number or true/false as it is, else its kind (a string's text, which may
// be a story, is not echoed).
function describeValue(value: unknown): string {
  if (value === null || typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return "a string";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : typeof value;
}

const EXPECTED: Readonly<Record<string, string>> = { string: "a string", number: "a number", int: "a whole number", boolean: "true or false", object: "an object", array: "an array" };

/**
 * What is wrong with one field of a JSON body or bank, in words a person can act on
 * ("missing: send a string", "a whole number is needed, not 2.5", "at most
 * 50"), where zod's own message is its library's ("Invalid input: expected
 * int, received number"). A message the schema wrote itself is kept.
 */
export function plainIssueMessage(issue: z.core.$ZodIssue, body: unknown): string {
  const value = valueAt(body, issue.path);
  switch (issue.code) {
    case "invalid_type": {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      if (value.found && value.value === undefined) return `missing: send ${expected}`;
      if (!value.found) return issue.message;
      return `${expected} is needed, not ${describeValue(value.value)}`;
    }
    case "too_small":
      if (!isLibraryMessage(issue.message)) return issue.message;
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "empty" : `too short (at least ${issue.minimum} characters)`;
      if (issue.origin === "array") return Number(issue.minimum) <= 1 ? "empty: send at least one" : `too few items (at least ${issue.minimum})`;
      return `too small (at least ${issue.minimum}, not ${describeValue(value.value)})`;
    case "too_big":
      if (!isLibraryMessage(issue.message)) return issue.message;
      if (issue.origin === "string") return `too long (at most ${issue.maximum} characters)`;
      if (issue.origin === "array") return `too many items (at most ${issue.maximum})`;
      return `too large (at most ${issue.maximum}, not ${describeValue(value.value)})`;
    case "invalid_value":
      return isLibraryMessage(issue.message) ? `must be one of ${issue.values.map((allowed) => JSON.stringify(allowed)).join(", ")}` : issue.message;
    case "unrecognized_keys":
      return `unknown field${issue.keys.length === 1 ? "" : "s"} ${issue.keys.map((key) => `"${key}"`).join(", ")}`;
    default:
      return issue.message;
  }
}

// zod's own wording begins "Invalid", "Too small" or "Too big"; a schema's custom message does not.
function isLibraryMessage(message: string): boolean {
  return /^(Invalid|Too small|Too big)\b/.test(message);
}

// The value at a body path: found false when a parent along the way is not an object or array.
function valueAt(body: unknown, path: readonly PropertyKey[]): { found: boolean; value?: unknown } {
  let current: unknown = body;
  for (const key of path) {
    if (current === null || typeof current !== "object") return { found: false };
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value: current };
}
