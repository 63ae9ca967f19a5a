import { describe, expect, it } from "vitest";
import { planDistinctStories, type MatchNotice, type MatchResult, type PlanInput, type StoryMatch } from "../../src/retrieval/index.js";

function story(experience: string, score: number): StoryMatch {
  return { id: `${experience}-telling`, experience, title: `The ${experience} story`, principles: [], score, why: "", leadWith: "situation", text: "", alsoTold: [] };
}

function input(number: number, question: string, candidates: StoryMatch[], k: number, notices: MatchNotice[] = []): PlanInput {
  // A behavioural question: the matcher gives it themes (a question that needs no story gets none).
  const asked: MatchResult = { question, principles: [], competencies: [{ name: "failure", score: 0.9 }], matches: candidates.slice(0, k), notices };
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
    expect(plan[0]!.notices).toEqual([{ code: "CLOSEST_KEPT_ELSEWHERE", message: 'Question 1: "The outage story" fits it best but is kept for question 2 ("Tell me about a production incident."), so no story is told twice.' }]);
    expect(plan[1]!.notices).toEqual([]);
  });

  it("keeps a question's own list and says so when every story that fits is used elsewhere", () => {
    const plan = planDistinctStories(
      [
        input(1, "Tell me about a time you failed.", [story("outage", 0.9)], 3, [{ code: "SMALL_BANK", message: "Your bank has 1 experience (tellings of the same events count once), so 1 is shown, not 3." }]),
        input(3, "Tell me about a mistake.", [story("outage", 0.5)], 3),
      ],
      3,
    );
    expect(plan[0]!.matches.map((match) => match.experience)).toEqual(["outage"]);
    // The first question keeps "outage" (0.9 beats 0.5); the second keeps its list, with the reason.
    expect(plan[1]!.matches.map((match) => match.experience)).toEqual(["outage"]);
    expect(plan[1]!.notices).toEqual([{ code: "ALL_KEPT_ELSEWHERE", message: "Question 3: every story that fits it is kept for another question of the plan; these are told there too, so prepare another story for this one." }]);
    // The matcher's "fewer than k" notice is replaced: the plan cut the list itself.
    expect(plan[0]!.notices).toEqual([]);
  });

  it("says why fewer than k are shown when the others went to other questions", () => {
    const plan = planDistinctStories(
      [input(1, "Q one", [story("a", 0.9), story("b", 0.8)], 2), input(2, "Q two", [story("b", 0.9), story("a", 0.1)], 2)],
      2,
    );
    expect(plan.map((result) => result.matches.map((match) => match.experience))).toEqual([["a"], ["b"]]);
    expect(plan[0]!.notices).toEqual([{ code: "PLAN_SHORTFALL", message: "Question 1: 1 story is shown, not 2; the others that fit are kept for other questions of the plan." }]);
    expect(plan[1]!.notices).toEqual([{ code: "PLAN_SHORTFALL", message: "Question 2: 1 story is shown, not 2; the others that fit are kept for other questions of the plan." }]);
  });

  it("drops the matcher's fewer-than-k notices by their code, whatever their wording, and keeps every other notice", () => {
    // Question 1 keeps "a"; the matcher's three kinds of shortfall notice no longer hold once the plan cuts the list.
    // A notice of another kind stays, even worded like a shortfall (ending ", not 3.").
    const shortfalls: MatchNotice[] = [
      { code: "SMALL_BANK", message: "Two experiences only." },
      { code: "FEW_SHARED", message: "Only some share a word." },
      { code: "UNMATCHED", message: "Nothing is shared." },
    ];
    const english: MatchNotice = { code: "NOT_ENGLISH", message: "Not English, not 3." };
    const plan = planDistinctStories([input(1, "Q one", [story("a", 0.9)], 3, [english, ...shortfalls]), input(2, "Q two", [story("b", 0.9)], 3)], 3);
    expect(plan[0]!.matches.map((match) => match.experience)).toEqual(["a"]);
    expect(plan[0]!.notices).toEqual([{ code: "NOT_ENGLISH", message: "Question 1: Not English, not 3." }]);
  });

  it("gives a question its closest story when a tie would pass it over though no other question takes it", () => {
    // Question 1's two stories tie; "b" also suits question 2 equally. Either assignment totals 1.8.
    for (let trial = 0; trial < 2; trial++) {
      const first = trial === 0 ? [story("a", 0.9), story("b", 0.9)] : [story("b", 0.9), story("a", 0.9)];
      const plan = planDistinctStories([input(1, "Q one", first, 2), input(2, "Q two", [story("c", 0.9), story("b", 0.9)], 2)], 2);
      const leads = plan.map((result) => result.matches[0]!.experience);
      expect(new Set(leads).size).toBe(2);
      // Each question leads with its own first-listed story, as neither is wanted elsewhere.
      expect(leads).toEqual([first[0]!.experience, "c"]);
    }
  });

  it("leaves a question that needs no story out of the plan, with its own notices, labelled", () => {
    const yourself: PlanInput = {
      number: 1,
      asked: { question: "Tell me about yourself.", principles: [], competencies: [], matches: [story("customer", 0.5)], notices: [{ code: "NO_STORY_NEEDED", message: "No story is needed." }] },
      candidates: [story("customer", 0.5)],
    };
    const plan = planDistinctStories([yourself, input(2, "Tell me about a customer you went above and beyond for.", [story("outage", 0.82), story("customer", 0.81)], 2)], 2);
    // The customer story stays with the customer question, the only one that asks for a story.
    expect(plan[1]!.matches.map((match) => match.experience)).toEqual(["outage", "customer"]);
    expect(plan[0]!.matches.map((match) => match.experience)).toEqual(["customer"]);
    expect(plan[0]!.notices).toEqual([{ code: "NO_STORY_NEEDED", message: "Question 1: No story is needed." }]);
    expect(plan[1]!.notices).toEqual([]);
  });

  it("on random lists full of ties, leads every question that gets a story with a different one of its own candidates", () => {
    let seed = 11;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let trial = 0; trial < 500; trial++) {
      const questions = 1 + Math.floor(random() * 5);
      const inputs = Array.from({ length: questions }, (_, index) => {
        // Scores from a handful of values, so ties are common; best first, as the matcher lists them.
        const candidates = [...new Set(Array.from({ length: 1 + Math.floor(random() * 4) }, () => "abcde"[Math.floor(random() * 5)]!))]
          .map((experience) => story(experience, [0.9, 0.8, 0.5][Math.floor(random() * 3)]!))
          .sort((a, b) => b.score - a.score);
        return input(index + 1, `Q${index + 1}`, candidates, 2);
      });
      const plan = planDistinctStories(inputs, 2);
      const leads = plan.map((result, index) => ({ lead: result.matches[0]!.experience, own: inputs[index]!.candidates.map((match) => match.experience) }));
      for (const { lead, own } of leads) expect(own).toContain(lead);
      const assignedLeads = plan.filter((result) => !result.notices.some((notice) => notice.code === "ALL_KEPT_ELSEWHERE")).map((result) => result.matches[0]!.experience);
      expect(new Set(assignedLeads).size).toBe(assignedLeads.length);
    }
  });

  it("plans a question asked twice once, and says so at the repeat", () => {
    const plan = planDistinctStories(
      [
        input(1, "Tell me about a time you failed.", [story("outage", 0.9), story("migration", 0.7)], 2),
        input(2, "Tell me about a production incident.", [story("outage", 0.95), story("pager", 0.4)], 2),
        input(3, "tell me about a time you  failed", [story("outage", 0.9), story("migration", 0.7)], 2),
      ],
      2,
    );
    // As in the first case above, without the repeat: question 1 takes "migration", question 2 "outage".
    expect(plan.map((result) => result.matches[0]!.experience)).toEqual(["migration", "outage", "migration"]);
    expect(plan[2]!.question).toBe("tell me about a time you  failed");
    expect(plan[2]!.notices).toEqual([{ code: "SAME_QUESTION", message: "Question 3: the same question as question 1; the plan gives it the same stories." }]);
  });

  it("takes quotes, an ellipsis and list numbers as the same question", () => {
    const plan = planDistinctStories(
      [input(1, "Tell me about a time you didn't meet a deadline.", [story("slip", 0.9), story("audit", 0.6)], 1), input(2, "2. Tell me about a time you didn\u2019t meet a deadline\u2026", [story("slip", 0.9), story("audit", 0.6)], 1)],
      1,
    );
    expect(plan.map((result) => result.matches[0]!.experience)).toEqual(["slip", "slip"]);
    expect(plan[1]!.notices).toEqual([{ code: "SAME_QUESTION", message: "Question 2: the same question as question 1; the plan gives it the same stories." }]);
  });

  it("never shows a question that needs no story a story another question leads with", () => {
    const whyAmazon: PlanInput = { number: 2, asked: { question: "Why Amazon?", principles: [], competencies: [], matches: [story("standards", 0.5)], notices: [] }, candidates: [story("standards", 0.5)] };
    const plan = planDistinctStories([input(1, "Tell me about a time you would not settle for good enough.", [story("standards", 0.9)], 1), whyAmazon], 1);
    expect(plan[0]!.matches.map((match) => match.experience)).toEqual(["standards"]);
    expect(plan[1]!.matches).toEqual([]);
  });

  it("plans over each question's ten closest stories whatever k is", () => {
    // Question 1's ten closest stories each lead another question; its eleventh, "spare", is free. Planned with
    // at k = 11 and not at k = 3, it would change the plan with k.
    const own = Array.from({ length: 10 }, (_, index) => story(`own-${index}`, 0.5 - index * 0.01));
    const first = [...own, story("spare", 0.2)];
    const others = own.map((match, index) => input(index + 2, `Q${index + 2}`, [story(match.experience, 0.9)], 1));
    const plan = (k: number) => planDistinctStories([input(1, "Q one", first, k), ...others], k);
    for (const k of [3, 11, 20]) {
      const result = plan(k)[0]!;
      expect(result.notices).toEqual([{ code: "ALL_KEPT_ELSEWHERE", message: "Question 1: every story that fits it is kept for another question of the plan; these are told there too, so prepare another story for this one." }]);
      expect(result.matches[0]!.experience).toBe("own-0");
    }
  });
});
