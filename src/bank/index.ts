export { loadBank, parseBankFiles, parseBankFilesWithRefusal } from "./load-bank.js";
export { pointerEntriesNote } from "./pointer-entries-note.js";
export { readBankFiles, type BankFileBytes } from "./read-bank-files.js";
export { MAX_BANK_FILE_BYTES, BANK_FILE_EXTENSIONS, PARSER_VERSION } from "./limits.js";
export { bankFileEnding, withoutBankFileEnding } from "./bank-file-name.js";
export { repairMojibake } from "./repair-mojibake.js";
export { decodeBankBytes } from "./decode-bank-bytes.js";
export { JsonStorySchema, JsonBankSchema } from "./parse-json-bank.js";
