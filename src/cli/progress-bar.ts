/** A one-line progress bar on stderr, drawn only when stderr is a terminal (contracts). */
export function progressBar(stream: NodeJS.WritableStream & { isTTY?: boolean }, label: string): { update(done: number, total: number): void; finish(): void } {
  if (!stream.isTTY) return { update: () => undefined, finish: () => undefined };
  let drawn = false;
  return {
    update(done, total) {
      const width = 28;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      stream.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write("\n");
    },
  };
}
