import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { progressBar } from "../../src/cli/progress-bar.js";

function terminal() {
  const stream = Object.assign(new PassThrough(), { isTTY: true });
  const chunks: string[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk.toString("utf8")));
  return { stream, written: () => chunks.join("") };
}

describe("the progress bar", () => {
  const before = process.listenerCount("SIGINT");
  afterEach(() => expect(process.listenerCount("SIGINT")).toBe(before));

  it("on Ctrl-C mid-bar ends the bar's line, says what was kept and exits 130", async () => {
    const { stream, written } = terminal();
    const exits: number[] = [];
    const bar = progressBar(stream, "embedding stories", { message: "coach: stopped.", exit: (code) => exits.push(code) });
    bar.update(3, 10);
    process.emit("SIGINT");
    await new Promise((resolve) => setImmediate(resolve));
    expect(exits).toEqual([130]);
    expect(written()).toBe(`\rembedding stories [########--------------------] 3/10\ncoach: stopped.\n`);
    bar.finish();
  });

  it("stops listening for Ctrl-C once finished, and ends its line", async () => {
    const { stream, written } = terminal();
    const bar = progressBar(stream, "x", { message: "m", exit: () => undefined });
    bar.update(1, 1);
    bar.finish();
    expect(process.listenerCount("SIGINT")).toBe(before);
    await new Promise((resolve) => setImmediate(resolve));
    expect(written().endsWith("1/1\n")).toBe(true);
  });

  it("draws nothing when stderr is not a terminal, but still says what was kept on Ctrl-C (audit: a script's stderr got no word)", async () => {
    const stream = new PassThrough();
    const exits: number[] = [];
    const bar = progressBar(stream, "x", { message: "coach: stopped.", exit: (code) => exits.push(code) });
    bar.update(1, 2);
    expect(stream.read()).toBeNull();
    process.emit("SIGINT");
    await new Promise((resolve) => setImmediate(resolve));
    expect(exits).toEqual([130]);
    expect(String(stream.read())).toBe("coach: stopped.\n");
    bar.finish();
  });

  it("says what was kept on Ctrl-C before the first step is drawn, with no bar line to end", async () => {
    const { stream, written } = terminal();
    const exits: number[] = [];
    const bar = progressBar(stream, "x", { message: "coach: stopped.", exit: (code) => exits.push(code) });
    process.emit("SIGINT");
    await new Promise((resolve) => setImmediate(resolve));
    expect(exits).toEqual([130]);
    expect(written()).toBe("coach: stopped.\n");
    bar.finish();
  });

  it("leaves Ctrl-C alone without an interrupt message (the eval's bars)", () => {
    const { stream } = terminal();
    const bar = progressBar(stream, "x");
    bar.update(1, 2);
    expect(process.listenerCount("SIGINT")).toBe(before);
    bar.finish();
  });
});
