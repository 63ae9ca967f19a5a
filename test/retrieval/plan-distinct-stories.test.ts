import { describe, expect, it } from "vitest";
import { planDistinctStories, type MatchResult, type PlanInput, type StoryMatch } from "../../src/retrieval/index.js";

function story(experience: string, score: number): StoryMatch {
  return { id: `${experience}-telling`, experience, title: `The ${experience} story`, principles: [], score, why: "", leadWith: "situation", text: "", alsoTold: [] };
}

function input(number: number, question: string, candidates: StoryMatch[], k: number, notices: string[] = []): PlanInput {
  const asked: MatchResult = { question, principles: [], competencies: [], matches: candidates.slice(0, k), notices };
  return { number, asked, candidates };
}

describe("planDistinctStories", () => {
  it("gives each question a different experience, the best total, and says where a closest story went", () => {
    // Both questions like "outage" best: failure takes "migration" (0.7 + 0.95 = 1.65 beats 0.9 + 0.4 = 1.3).
    const plan = planDistinctStories(
      [
        input(1, "Tell me about a time you failed.", [story("outage", 0.9), story("migration", 0.7), story("mentoring", 0.2)], 2),
        input(2, "Tell me about a production incident.", [story("outage", 0.95), story("pager", 0.4), story("migration", 0.3)], 2),
      ],
      2,
    );
    expect(plan.map((result) => result.matches.map((match) => match.experience))).toEqual([
      ["migration", "mentoring"],
      ["outage", "pager"],
    ]);
    expect(plan[0]!.notices).toEqual(['Question 1: "The outage story" fits it best but is kept for question 2 ("Tell me about a production incident."), so no story is told twice.']);
    expect(plan[1]!.notices).toEqual([]);
  });

  it("keeps a question's own list and says so when every story that fits is used elsewhere", () => {
    const plan = planDistinctStories(
      [
        input(1, "Tell me about a time you failed.", [story("outage", 0.9)], 3, ["Your bank has 1 experience (tellings of the same events count once), so 1 is shown, not 3."]),
        input(3, "Tell me about a mistake.", [story("outage", 0.5)], 3),
      ],
      3,
    );
    expect(plan[0]!.matches.map((match) => match.experience)).toEqual(["outage"]);
    // The first question keeps "outage" (0.9 beats 0.5); the second keeps its list, with the reason.
    expect(plan[1]!.matches.map((match) => match.experience)).toEqual(["outage"]);
    expect(plan[1]!.notices).toEqual(["Question 3: every story that fits it is kept for another question of the plan; these are told there too, so prepare another story for this one."]);
    // The matcher's "fewer than k" notice is replaced: the plan cut the list itself.
    expect(plan[0]!.notices).toEqual([]);
  });

  it("says why fewer than k are shown when the others went to other questions", () => {
    const plan = planDistinctStories(
      [input(1, "Q one", [story("a", 0.9), story("b", 0.8)], 2), input(2, "Q two", [story("b", 0.9), story("a", 0.1)], 2)],
      2,
    );
    expect(plan.map((result) => result.matches.map((match) => match.experience))).toEqual([["a"], ["b"]]);
    expect(plan[0]!.notices).toEqual(["Question 1: 1 story is shown, not 2; the others that fit are kept for other questions of the plan."]);
    expect(plan[1]!.notices).toEqual(["Question 2: 1 story is shown, not 2; the others that fit are kept for other questions of the plan."]);
  });
});
