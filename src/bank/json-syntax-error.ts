/** Where a JSON text first breaks the grammar, and what is wrong there. */
export interface JsonSyntaxError {
  /** Offset (UTF-16 code units) of the character at fault; the text's length when it ends too soon. */
  offset: number;
  line: number;
  column: number;
  reason: string;
}

/**
 * Finds the first syntax error in a JSON text, or null when it is valid JSON.
 * JSON.parse names no position for most errors ("Unexpected token"), and never
 * one for a text cut short, so a bank's author would be sent to line 1.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let at = 0;
  const fail = (reason: string, offset = at): never => {
    throw new JsonFault(offset, reason);
  };
  const skipSpace = () => {
    while (at < text.length && " \t\n\r".includes(text[at]!)) at++;
  };
  const unexpected = (expected: string): never =>
    // A text cut short is reported just after its last character, not on the empty line a final line break opens.
    at >= text.length ? fail("the file ends before the JSON does (was it cut short?)", text.trimEnd().length) : fail(`${describe(text[at]!)} where ${expected} should be`);
  const string = (): void => {
    const start = at++;
    while (at < text.length) {
      const char = text[at]!;
      if (char === '"') {
        at++;
        return;
      }
      if (char === "\\") {
        const escape = text[at + 1];
        if (escape === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) fail("a \\u escape without four hex digits");
          at += 6;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) at += 2;
        else fail(`the escape \\${escape ?? ""} (JSON has \\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\u)`);
        continue;
      }
      if (char === "\n" || char === "\r") fail("a line break inside a string: write it as \\n", start);
      if (char < " ") fail("a control character inside a string");
      at++;
    }
    fail("a string that is never closed", start);
  };
  const number = (): void => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (!match) unexpected("a number");
    at += match![0].length;
  };
  // A name and its colon, at the start of an object's member.
  const name = (): void => {
    skipSpace();
    if (text[at] !== '"') text[at] === "'" ? fail("a single quote: JSON names take double quotes") : unexpected("a name in double quotes");
    string();
    skipSpace();
    if (text[at] !== ":") unexpected('":"');
    at++;
  };
  // The objects and arrays open around the current value, innermost last: kept here, not on the call stack, so a
  // file of a million "[" is reported as cut short rather than overflowing the stack.
  const open: Array<"object" | "array"> = [];
  let lastComma = 0;
  // Reads one value; true when it opened an object or array whose first member comes next.
  const value = (): boolean => {
    skipSpace();
    const char = text[at];
    if (char === "{" || char === "[") {
      at++;
      skipSpace();
      if (text[at] === (char === "{" ? "}" : "]")) {
        at++;
        return false;
      }
      open.push(char === "{" ? "object" : "array");
      if (char === "{") name();
      return true;
    }
    if (char === '"') return (string(), false);
    if (char === "-" || (char !== undefined && char >= "0" && char <= "9")) return (number(), false);
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return false;
      }
    }
    if (char === "'") fail("a single quote: JSON strings take double quotes");
    return unexpected("a value");
  };
  try {
    // A byte-order mark is not JSON, but the bank reader drops it before parsing.
    if (text.startsWith("\uFEFF")) at = 1;
    for (;;) {
      if (value()) continue;
      // A value is done: what follows it is up to the object or array around it.
      let next = false;
      while (!next && open.length > 0) {
        const inside = open.at(-1)!;
        const close = inside === "object" ? "}" : "]";
        skipSpace();
        if (text[at] === ",") {
          lastComma = at++;
          skipSpace();
          if (text[at] === close) fail(`a comma before the closing ${inside === "object" ? "brace" : "bracket"}: remove it`, lastComma);
          if (inside === "object") name();
          next = true;
        } else if (text[at] === close) {
          at++;
          open.pop();
        } else unexpected(`"," or "${close}"`);
      }
      if (!next) break;
    }
    skipSpace();
    if (at < text.length) fail(`${describe(text[at]!)} after the end of the JSON`);
    return null;
  } catch (error) {
    if (!(error instanceof JsonFault)) throw error;
    const before = text.slice(0, Math.min(error.offset, text.length));
    const lineStart = Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r")) + 1;
    return { offset: error.offset, line: before.split(/\r\n|\r|\n/).length, column: error.offset - lineStart + 1, reason: error.reason };
  }
}

class JsonFault extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

function describe(char: string): string {
  if (char === '"') return "a double quote";
  return /[\x21-\x7e]/.test(char) ? `"${char}"` : `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}
