import { BANK_FILE_EXTENSIONS } from "./limits.js";

// ".md", ".markdown", ".txt" or ".json" at the end of a name, in any case: the endings a bank file may have.
const BANK_FILE_ENDING = new RegExp(`(?:${BANK_FILE_EXTENSIONS.map((extension) => extension.replace(".", "\\.")).join("|")})$`, "i");

/** A bank file's name without its bank-file ending ("My stories.md" -> "My stories"). */
export function withoutBankFileEnding(name: string): string {
  return name.replace(BANK_FILE_ENDING, "");
}

/** The bank-file ending of a name, lower case without the dot ("x.JSON" -> "json"), or undefined. */
export function bankFileEnding(name: string): string | undefined {
  return BANK_FILE_ENDING.exec(name)?.[0].slice(1).toLowerCase();
}
