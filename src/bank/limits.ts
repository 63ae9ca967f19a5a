/** Largest bank file the coach reads (contracts: "a bank file over 5 MB is refused"). */
export const MAX_BANK_FILE_BYTES = 5 * 1024 * 1024;

/** File endings read as banks when a folder is given. */
export const BANK_FILE_EXTENSIONS = [".md", ".markdown", ".txt", ".json"] as const;

/**
 * Bumped when the parser reads the same bank differently (new layouts, new
 * fields on a story); a stored index built by an older parser is rebuilt.
 */
export const PARSER_VERSION = 14;
