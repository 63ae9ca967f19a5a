/**
 * Where a served bank comes from: uploaded over HTTP (the only kind a client
 * may delete), named with `coach serve --bank`, the store's own banks (no
 * --bank given), or the bundled sample bank served until something is uploaded.
 */
export type ServedBankKind = "upload" | "command-line" | "store" | "sample";

/** One bank as `GET /api/banks` lists it. */
export interface ServedBankEntry {
  /** The name to use in `DELETE /api/banks/:name`: an upload's name, else the file or folder name. */
  name: string;
  kind: ServedBankKind;
  deletable: boolean;
  /** The stories served from it. */
  stories: number;
  /**
   * Present when the bank, edited on disk while the server runs, can no
   * longer be read: the stories read from it before are still served.
   */
  error?: { code: string; message: string };
}

/** Why a bank that is not an upload cannot be deleted over HTTP, and what to do instead. */
export function readOnlyReason(entry: ServedBankEntry): string {
  const bank = `"${entry.name}"`;
  if (entry.kind === "command-line") {
    return `${bank} is served from the command line (coach serve --bank), not uploaded, so it cannot be deleted over HTTP; restart coach serve without that --bank to stop serving it. Only uploads can be deleted.`;
  }
  if (entry.kind === "store") {
    return `${bank} is one of the store's own banks (coach serve was started without --bank), not uploaded, so it cannot be deleted over HTTP; restart coach serve with --bank to serve other banks. Only uploads can be deleted.`;
  }
  return `${bank} is the bundled sample bank, served until a bank is uploaded, so it cannot be deleted; upload a bank (POST /api/banks) to replace it.`;
}

/** The served banks in a sentence, for a name that matches none of them. */
export function describeServed(entries: ServedBankEntry[]): string {
  if (entries.length === 0) return "no banks are served";
  return `the served banks are ${entries.map((entry) => `${entry.name} (${entry.kind})`).join(", ")}`;
}
