import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { readMessages } from "../../src/cli/read-messages.js";
import { COACH_BIN } from "../support/run-coach.js";

async function collect(messages: AsyncGenerator<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const message of messages) all.push(message);
  return all;
}

describe("the chat's messages from its input", () => {
  it("at a terminal, takes lines pasted together as one message and lines typed apart as several", async () => {
    const input = new PassThrough();
    const messages = collect(readMessages(input, { joinPastedLines: true }));
    // A wrapped answer pasted at once: its lines arrive in one chunk.
    input.write("Last spring our checkout timed out at peak, and I owned the\npayments path, so I profiled it under load and rewrote the retry\nlogic with backoff. Failed orders fell from 3% to 0.2%.\n");
    await sleep(200);
    input.write("hint\n");
    await sleep(200);
    input.write("stop\n");
    input.end();
    expect(await messages).toEqual([
      "Last spring our checkout timed out at peak, and I owned the\npayments path, so I profiled it under load and rewrote the retry\nlogic with backoff. Failed orders fell from 3% to 0.2%.",
      "hint",
      "stop",
    ]);
  });

  it("from a pipe, keeps one message per line, as scripts send them", async () => {
    const input = new PassThrough();
    const messages = collect(readMessages(input, { joinPastedLines: false }));
    input.end("interview me on Ownership\nskip\nstop\n");
    expect(await messages).toEqual(["interview me on Ownership", "skip", "stop"]);
  });
});


// util-linux's script(1) runs the chat on a real pseudo-terminal, as a person at a terminal does.
const hasScript = spawnSync("script", ["--version"]).status === 0;

describe("coach chat at a terminal", () => {
  it.skipIf(!hasScript)("takes a wrapped answer pasted into a mock interview as one answer, not one per line (audit)", async () => {
    const store = mkdtempSync(path.join(os.tmpdir(), "coach-chat-tty-"));
    const child = spawn("script", ["-qec", `node ${JSON.stringify(COACH_BIN)} chat --store ${JSON.stringify(store)}`, "/dev/null"], { env: { ...process.env, COACH_PROVIDER: "local" } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    const exited = new Promise<void>((resolve) => child.on("close", () => resolve()));
    const waitFor = async (pattern: RegExp) => {
      for (let waited = 0; !pattern.test(output) && waited < 20_000; waited += 100) await sleep(100);
    };
    await waitFor(/Hi! Paste an interview question/);
    child.stdin.write("interview me on Ownership and Dive Deep\n");
    await waitFor(/Question 1 of 2/);
    // Three lines at once, as a paste delivers them.
    child.stdin.write("Last spring our checkout timed out at peak, and I owned the\npayments path, so I profiled it under load and rewrote the retry\nlogic with backoff. Failed orders fell from 3% to 0.2%.\n");
    // The reply to the paste ends on a new prompt.
    await waitFor(/0\.2%\.[\s\S]*\n> /);
    await sleep(500);
    child.stdin.write("quit\n");
    child.stdin.end();
    await Promise.race([exited, sleep(5_000)]);
    child.kill();
    // A prompt opens each message taken: "interview me", the pasted answer, "quit". One message per line would have
    // taken the answer's three lines as three answers, with a prompt before each.
    const prompts = output.replace(/\r/g, "").split("\n").filter((line) => line.startsWith("> "));
    expect(prompts.map((line) => line.slice(0, 24))).toEqual(["> interview me on Owners", "> Last spring our checko", "> quit"]);
  }, 40_000);
});
