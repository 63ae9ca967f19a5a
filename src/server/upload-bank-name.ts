import { bankFileEnding, withoutBankFileEnding } from "../bank/index.js";

/**
 * The name an upload is stored, listed and deleted under, from the name a
 * client gave (a file name such as "My stories.md" is fine): the bank-file
 * ending dropped, accents dropped, every other run of characters outside
 * letters, digits, - and _ turned into one "-", at most 64 characters. A name
 * with nothing usable left ("日本.md") gets "bank-" and a hash of the name
 * given, the same for the same name, as the web page names such files.
 */
export function safeUploadName(given: string): string {
  const name = withoutBankFileEnding(given.trim())
    .normalize("NFKD")
    // Combining marks left by NFKD: "été" becomes "ete", not "-t-".
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "")
    .slice(0, 64)
    .replace(/[-_]+$/, "");
  return name || `bank-${fnv1a(given.trim())}`;
}

/** The format a file-like upload name implies ("x.json" is JSON), when it implies one. */
export function formatFromName(given: string): "markdown" | "json" | undefined {
  const ending = bankFileEnding(given.trim());
  if (!ending) return undefined;
  return ending === "json" ? "json" : "markdown";
}

// The web page's hash of a file name (FNV-1a over code points, base 36), so both name a file alike.
function fnv1a(text: string): string {
  let hash = 2166136261;
  for (const character of text) hash = Math.imul(hash ^ character.codePointAt(0)!, 16777619) >>> 0;
  return hash.toString(36);
}
