import { describe, expect, it } from "vitest";
import { SessionStore } from "../../src/coach/index.js";
import { splitSentences } from "../../src/text/index.js";
import { engineForSampleBank } from "../support/sample-engine.js";
import { runCoach } from "../support/run-coach.js";

const CHINESE = "去年我们的结账服务经常超时，我负责找出原因。我分析了日志，发现数据库连接池太小，于是我调整了配置并增加了监控。超时率从百分之五降到了百分之零点五。";
const NOTE = "I read answers in English only: the parts and issues below may miss what this answer says.";

describe("an answer not written in English (audit)", () => {
  it("is split into its sentences at full-width stops", () => {
    expect(splitSentences(CHINESE).map((sentence) => sentence.text)).toEqual([
      "去年我们的结账服务经常超时，我负责找出原因。",
      "我分析了日志，发现数据库连接池太小，于是我调整了配置并增加了监控。",
      "超时率从百分之五降到了百分之零点五。",
    ]);
  });

  it("is told in a mock interview that the coach reads English only, before any follow-up", async () => {
    const engine = await engineForSampleBank();
    const session = new SessionStore("/nonexistent").create();
    await engine.respond(session, "interview me on Dive Deep");
    const reply = await engine.respond(session, CHINESE);
    expect(reply.text).toContain(NOTE);
    // An English answer gets no such note.
    const english = await engine.respond(new SessionStore("/nonexistent").create(), "critique: Last spring our checkout timed out at peak. I owned the payments path, so I profiled it under load and rewrote the retry logic with backoff. Failed orders fell from 3% to 0.2% within a week.");
    expect(english.text).not.toContain(NOTE);
  });

  it("is told so at the top of coach critique's report, not in its JSON", async () => {
    const run = await runCoach(["critique", "--question", "Tell me about a time you fixed a problem.", "--answer", CHINESE]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split("\n")[0]).toContain(NOTE);
    const json = await runCoach(["critique", "--question", "Tell me about a time you fixed a problem.", "--answer", CHINESE, "--json"]);
    expect(json.stdout).not.toContain(NOTE);
  });
});
