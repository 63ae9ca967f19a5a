import { unwrapLines } from "../text/index.js";

// The analysis reads a copy of the answer of the same length, so every offset into the answer stays right:
// - long runs of whitespace other than line breaks (spaces, tabs, no-break and em spaces) mean nothing to it, but several of its patterns can split such a run in
//   quadratically many ways; inside a run of 16 or more, all but the first and last are read as "·";
// - a Windows line end ("\r\n") is read as " \n" and a lone "\r" as "\n", as its patterns expect "\n";
// - a byte-order mark (an answer file read as is) is read as a space;
// - a line break inside a sentence of hard-wrapped prose (`unwrapLines`: an e-mail, pandoc's 72 columns) is read as a space, so the
//   lines read as the one sentence they are.
const LONG_SPACE_RUN = /[^\S\n]{16,}/g;
/** A copy of the answer of the same length that the analysis can read quickly (see above); offsets into it are offsets into the answer. */
export function calmWhitespace(answer: string): string {
  return unwrapLines(answer)
    .replace(LONG_SPACE_RUN, (run) => `${run[0]}${"·".repeat(run.length - 2)}${run.at(-1)}`)
    .replace(/\r(\n?)/g, (_, lineFeed: string) => (lineFeed ? " \n" : "\n"))
    .replace(/\uFEFF/g, " ");
}
