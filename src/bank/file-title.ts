import path from "node:path";
import { withoutBankFileEnding } from "./bank-file-name.js";

/**
 * A story title from a bank file's name ("Billing migration.md" gives
 * "Billing migration", "billing_migration.txt" gives "billing migration"),
 * for a file whose one story has no heading: its id then stays put when the
 * story's text is edited.
 */
export function titleFromFileName(file: string): string {
  const name = withoutBankFileEnding(path.basename(file)).trim();
  return /\s/.test(name) ? name : name.replace(/[-_]+/g, " ").trim() || name;
}
