import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MatchApiResponseSchema } from "../../src/server/api-response-schemas.js";
import { PROJECT_ROOT } from "../support/run-coach.js";
import { readEvents, startServe, type RunningServer } from "../support/serve.js";

// Three stories, three experiences; the first in the bank is the dashboard story.
const BANK = path.join(PROJECT_ROOT, "test", "fixtures", "explanation-bank.md");
const DASHBOARD = "explanation-bank-fixed-the-stale-inventory-dashboard";

const MOTIVATION = "This is a motivation question, not a behavioural one: answer with what draws you to the company and the role. No story is needed.";
// "Why Amazon?" shares no word or theme with any story: every signal scores 0, so only the bank's first story is shown.
const unmatched = (k: number) => `No story shares a word or a theme with this question, so none fits better than another: only the first in your bank is shown, not ${k}.`;

const post = (url: string, body: unknown) => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

/** Checks how a reply opens, showing both texts when it does not. */
const expectStart = (text: string, start: string) => expect(text.slice(0, start.length)).toBe(start);

describe("POST /api/match returns the notices coach match prints on stderr", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServe(["--store", mkdtempSync(path.join(os.tmpdir(), "coach-match-notices-")), "--bank", BANK]);
  });
  afterAll(async () => server.stop());

  const match = async (question: string, k: number) => {
    const response = await post(`${server.url}/api/match`, { question, k });
    expect(response.status).toBe(200);
    return MatchApiResponseSchema.parse(await response.json());
  };

  it("says a motivation question needs no story, and why only one story is shown", async () => {
    const result = await match("Why Amazon?", 2);
    expect(result.notices).toEqual([MOTIVATION, unmatched(2)]);
    expect(result.matches.map((entry) => entry.id)).toEqual([DASHBOARD]);
    // The contract's fields are as they were.
    expect(result.principles).toEqual([]);
    expect(result.competencies).toEqual([]);
  });

  it("says why fewer stories than k are shown: the bank has three experiences, five were asked for", async () => {
    const result = await match("Tell me about a time you failed", 5);
    expect(result.notices).toEqual(["Your bank has 3 experiences (tellings of the same events count once), so 3 are shown, not 5."]);
    expect(result.matches).toHaveLength(3);
  });

  it("passes on the question's own notice (not English), and sends an empty list when there is nothing to say", async () => {
    // German: Latin letters, but none of the English question words.
    // It shares no word or theme with any story either, so only the bank's first story is shown.
    expect((await match("Erzählen Sie mir bitte von einem Fehler", 3)).notices).toEqual(["The question does not look like English; matching is tuned for English and may be poor.", unmatched(3)]);
    const plain = await match("Describe a conflict with a peer", 2);
    expect(plain.notices).toEqual([]);
    expect(plain.matches).toHaveLength(2);
  });

  it("describes notices in the OpenAPI document, beside the contract's fields", async () => {
    const document = await (await fetch(`${server.url}/api/openapi.json`)).json();
    const schema = document.paths["/api/match"].post.responses["200"].content["application/json"].schema;
    expect(schema.required).toEqual(["question", "principles", "competencies", "matches", "notices"]);
    expect(schema.properties.notices).toMatchObject({ type: "array", items: { type: "string", minLength: 1 } });
    expect(schema.properties.notices.description).toMatch(/needs no story/);
  });

  it("opens a chat reply that finds stories with the notices, above the stories, and saves them in the transcript", async () => {
    const events = await readEvents(await post(`${server.url}/api/chat`, { message: "Which story for: why Amazon?" }));
    expect(events.at(-1)!.event).toBe("done");
    const text = events.filter((event) => event.event === "token").map((event) => event.data.text).join("");
    // The chat asks for 3 stories; score fusion with every signal at 0 shows 1 / (1 + e^0) = 0.50.
    expectStart(text, `${MOTIVATION}\n${unmatched(3)}\n\nFor "why Amazon?" (no clear theme):\n1. Fixed the stale inventory dashboard (0.50)\n`);
    const card = events.find((event) => event.event === "card")!.data;
    expect(card.type).toBe("matches");
    expect(card.data.notices).toEqual([MOTIVATION, unmatched(3)]);
    const transcript = await (await fetch(`${server.url}/api/sessions/${events[0]!.data.sessionId}`)).json();
    expect(transcript.messages.at(-1).text).toBe(text);
  });
});
