/** A path or word as it goes into a suggested shell command: quoted only when the shell would split or expand it. */
export function quoteForShell(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}
