import { describe, expect, it } from "vitest";
import { loadBank } from "../../src/bank/index.js";
import { SessionStore } from "../../src/coach/index.js";
import { withBetterStories } from "../../src/coach/story-fit.js";
import { critiqueAnswer } from "../../src/critique/index.js";
import { engineForSampleBank } from "../support/sample-engine.js";
import { SAMPLE_BANK } from "../support/run-coach.js";

const COST_TITLE = "Cut the reporting cluster bill by more than half.";
const QUESTION = "Tell me about the toughest hiring decision you've faced.";
// The most an answer with one high-severity gap scores (README, critique).
const ONE_HIGH_GAP_CAP = 65;

async function costStory() {
  const story = (await loadBank([SAMPLE_BANK])).stories.find((candidate) => candidate.title === COST_TITLE);
  if (!story) throw new Error(`the sample bank has no story "${COST_TITLE}"`);
  return story;
}

/** The chat's reply and critique card when the cost story is pasted as the answer to `question`. */
async function critiqueCostStoryFor(question: string) {
  const engine = await engineForSampleBank();
  const story = await costStory();
  const session = new SessionStore("/nonexistent").create();
  await engine.respond(session, question);
  const reply = await engine.respond(session, `critique: ${story.body}`);
  const card = reply.cards.find((entry) => entry.type === "critique");
  if (card?.type !== "critique") throw new Error("no critique card");
  return { story, reply, critique: card.data };
}

describe("an answer that retells a bank story fitting another question", () => {
  it("is told which of the bank's stories fit better, and scores as an answer with a high-severity gap", async () => {
    const question = "Tell me about a time you had to get another team to change their plans to help you.";
    const { story, reply, critique } = await critiqueCostStoryFor(question);
    const first = critique.issues[0]!;
    expect(first.code).toBe("OFF_TOPIC");
    expect(first.severity).toBe("high");
    expect(first.message).toContain(`This retells "${COST_TITLE}"`);
    // A cloud-cost story is no story of persuading another team: the closer ones are other stories, named by title.
    expect(first.message).toMatch(/less well than "[^"]+"/);
    expect(first.message).not.toMatch(/less well than "Cut the reporting/);
    expect(critique.score).toBeLessThanOrEqual(ONE_HIGH_GAP_CAP);
    expect(critique.breakdown.relevance).toBeLessThan(0.6);
    expect(critique.followUps[0]).toBe("How does this example show what I asked about?");
    expect(reply.text).toContain(`This retells "${COST_TITLE}"`);
    // The plain critique of the same words, with no bank to compare, scores it well: the bank is what tells.
    expect(critiqueAnswer(question, story.body).score).toBeGreaterThan(ONE_HIGH_GAP_CAP);
  });

  it("leaves the critique alone when the retold story is the bank's pick for the question", async () => {
    const question = "Tell me about a time you saved your company money.";
    const { story, critique } = await critiqueCostStoryFor(question);
    expect(critique.issues.map((issue) => issue.code)).not.toContain("OFF_TOPIC");
    expect(critique.score).toBe(critiqueAnswer(question, story.body).score);
  });

  it("judges no story fit for a question that asks for no story", async () => {
    const { reply, critique } = await critiqueCostStoryFor("What is the time complexity of quicksort?");
    expect(reply.text).not.toContain("This retells");
    expect(critique.issues[0]?.message ?? "").not.toContain("This retells");
  });

  it("in a mock interview, lowers the turn's score, names the better stories and says what to practise", async () => {
    const engine = await engineForSampleBank();
    const story = await costStory();
    // The session id draws the question: this one asks about hiring, which a cost story does not answer.
    const session = { ...new SessionStore("/nonexistent").create(), id: "s-story-fit" };
    await engine.respond(session, "interview me on Hire and Develop the Best");
    expect(session.interview!.turns[0]!.question).toBe(QUESTION);
    let reply = await engine.respond(session, story.body);
    if (session.interview?.awaitingFollowUp) reply = await engine.respond(session, "skip");
    const turn = session.interview!.turns[0]!;
    expect(turn.storyId).toBe(story.id);
    expect(turn.issues[0]).toBe("OFF_TOPIC");
    expect(turn.score).toBeLessThanOrEqual(ONE_HIGH_GAP_CAP);
    expect(reply.text).toContain("Practise next: pick the story that answers the question asked");
  });
});

describe("withBetterStories", () => {
  it("leads with the issue, lowers relevance to the story's share, and the one high-severity gap caps the score", () => {
    const critique = critiqueAnswer(
      "Tell me about a time you cut costs.",
      "Last spring our cloud bill doubled while traffic stayed flat. I owned the platform budget, so I found idle clusters, rightsized the databases and moved batch jobs to spot capacity. The bill fell by 40% within a month and has stayed there since.",
    );
    expect(critique.issues.filter((issue) => issue.severity === "high")).toEqual([]);
    const adjusted = withBetterStories(critique, { told: "Cloud bill", closer: ["Vendor outage", "Hiring loop"], share: 0.25 });
    expect(adjusted.issues[0]!.message).toBe('This retells "Cloud bill", which fits this question less well than "Vendor outage" or "Hiring loop" from your bank. Tell one of those, or say plainly how this story shows what was asked.');
    expect(adjusted.issues.slice(1)).toEqual(critique.issues.filter((issue) => issue.code !== "OFF_TOPIC"));
    expect(adjusted.breakdown.relevance).toBe(0.25);
    expect(adjusted.relevance.score).toBe(0.25);
    // 0.35, 0.25, 0.15, 0.15 and 0.1 weigh structure, results, ownership, relevance and delivery.
    const { structure, results, ownership, delivery } = critique.breakdown;
    const weighted = Math.round(100 * (0.35 * structure + 0.25 * results + 0.15 * ownership + 0.15 * 0.25 + 0.1 * delivery));
    expect(adjusted.score).toBe(Math.min(ONE_HIGH_GAP_CAP, weighted));
    expect(adjusted.followUps[0]).toBe("How does this example show what I asked about?");
    expect(adjusted.followUps.length).toBeLessThanOrEqual(3);
  });
});
