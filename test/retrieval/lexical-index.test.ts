import { describe, expect, it } from "vitest";
import { LexicalIndex } from "../../src/retrieval/lexical-index.js";
import { lexicalTerms, loadTaxonomy } from "../../src/understanding/index.js";

const taxonomy = loadTaxonomy();

describe("lexicalTerms", () => {
  it("drops stop words, template words and single letters, and stems the rest", () => {
    expect(lexicalTerms("Tell me about a time you migrated the billing jobs", taxonomy.templateWords)).toEqual(["migrat", "bill", "jobs"]);
  });

  it("keeps words that are also names of object properties", () => {
    // A plain-object lookup once turned "constructor" into a function.
    expect(lexicalTerms("I rewrote the constructor and toString", taxonomy.templateWords)).toEqual(["rewrote", "constructor", "tostr"]);
  });
});

describe("LexicalIndex", () => {
  const documents = [
    { id: "flaky", fields: [{ text: "Quarantined the flaky test suite and fixed the slowest tests.", weight: 1 }] },
    { id: "outage", fields: [{ text: "The deploy broke checkout, so I reverted it and wrote the postmortem.", weight: 1 }] },
    { id: "hiring", fields: [{ text: "Rewrote the interview loop so every candidate got the same questions.", weight: 1 }] },
  ];
  const index = new LexicalIndex(documents.map((document) => document.id), documents, taxonomy);

  it("finds a story through the interview vocabulary when it shares no word with the question", () => {
    // "failed" shares no word with the outage story; its family holds "broke".
    const expanded = index.score("Tell me about a time you failed.");
    expect(expanded[1]).toBeGreaterThan(0);
    expect(expanded[0]).toBe(0);
    expect(expanded[2]).toBe(0);
    expect(index.score("Tell me about a time you failed.", false)).toEqual([0, 0, 0]);
  });

  it("gives each story its share of the question's words weighted by rarity, a relative at 0.35 of a direct hit", () => {
    // The question's one word, "failed", is in no story (weighs as the rarest); the outage story holds its relative "broke".
    expect(index.coverage("Tell me about a time you failed.")).toEqual([0, 0.35, 0]);
  });

  it("weighs a question word no story holds as the rarest, so every story's share falls short", () => {
    const bakery = [
      { id: "payroll", fields: [{ text: "bakery payroll", weight: 1 }] },
      { id: "ovens", fields: [{ text: "bakery ovens", weight: 1 }] },
      { id: "audit", fields: [{ text: "payroll audit", weight: 1 }] },
    ];
    const small = new LexicalIndex(bakery.map((document) => document.id), bakery, taxonomy);
    // BM25 idf over 3 stories: "bakery" and "payroll" (in 2) ln(1 + 1.5/2.5) = 0.4700; "investors" (in none) ln(1 + 3.5/0.5) = 2.0794.
    const both = small.coverage("bakery payroll");
    expect(both).toEqual([1, 0.5, 0.5]);
    const investors = small.coverage("bakery investors");
    expect(investors[0]).toBeCloseTo(0.47 / (0.47 + 2.0794), 3);
    expect(investors[1]).toBeCloseTo(0.47 / (0.47 + 2.0794), 3);
    expect(investors[2]).toBe(0);
  });

  it("scores a direct hit above a family member", () => {
    const scores = index.score("Which interview loop did you rewrite?");
    expect(scores.indexOf(Math.max(...scores))).toBe(2);
  });

  it("is built again from its data, as the server's index worker sends it, and scores the same", () => {
    const data = structuredClone(index.toData());
    // Each term's postings, documents in order: "interview" (weight 1) is in the hiring story only.
    expect(data.terms).toContain("interview");
    const interview = data.terms.indexOf("interview");
    expect([...data.docs.subarray(data.starts[interview], data.starts[interview + 1])]).toEqual([2]);
    expect([...data.tfs.subarray(data.starts[interview], data.starts[interview + 1])]).toEqual([1]);
    expect(data.lengths).toHaveLength(3);
    const rebuilt = new LexicalIndex(documents.map((document) => document.id), data, taxonomy);
    for (const question of ["Tell me about a time you failed.", "Which interview loop did you rewrite?", "How did you fix the flaky tests?"]) {
      expect(rebuilt.score(question)).toEqual(index.score(question));
      expect(rebuilt.score(question, false)).toEqual(index.score(question, false));
    }
  });
});
