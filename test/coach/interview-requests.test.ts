import { describe, expect, it } from "vitest";
import { namesPrinciple, pickQuestion } from "../../src/coach/interview-questions.js";
import { readInterviewRequest } from "../../src/coach/interview-topics.js";
import { newSession } from "../../src/coach/session.js";
import { PRINCIPLES } from "../../src/principles/index.js";
import { readQuestionBank } from "../../src/understanding/question-bank.js";
import { engineForSampleBank } from "../support/sample-engine.js";

describe("what a mock interview asks", () => {
  it("no bank question pastes a principle's name after 'demonstrated'", () => {
    const pasted = readQuestionBank().filter((question) => PRINCIPLES.some((principle) => question.question.includes(`demonstrated ${principle}`)) || /demonstrated (?:Disagree and Commit|Have Backbone)/.test(question.question));
    expect(pasted.map((question) => question.id)).toEqual(["q031"]);
  });

  it("every rapid-fire question in the bank is marked terse, so an interview never asks one (user audit: \"Biggest failure?\" twice)", () => {
    // Five words or fewer, with no verb that asks for a story.
    const rapid = readQuestionBank().filter((question) => question.question.split(/\s+/).length <= 5 && !/^(?:Describe|Tell|Walk|Give|Share|Talk)\b/.test(question.question));
    expect(rapid.length).toBeGreaterThan(100);
    expect(rapid.filter((question) => question.form !== "terse").map((question) => `${question.id} ${question.question}`)).toEqual([]);
  });

  it("the rewritten questions keep their labels", () => {
    const byId = new Map(readQuestionBank().map((question) => [question.id, question]));
    expect(byId.get("q362")).toMatchObject({ question: "Tell me about a time you fell flat on your face. What did you learn, and what did you do with it?", principles: ["Learn and Be Curious", "Earn Trust"], competency: "failure", split: "dev" });
    expect(byId.get("q434")).toMatchObject({ question: "Tell me about a time you disagreed with a decision but committed to it fully once it was made.", principles: ["Have Backbone; Disagree and Commit"], competency: "disagree-commit" });
  });

  it("never asks a question that names a principle, whatever the principle and session", () => {
    const questions = readQuestionBank();
    expect(questions.filter((question) => namesPrinciple(question.question)).length).toBeGreaterThan(10);
    for (const principle of PRINCIPLES) {
      for (let session = 0; session < 40; session++) {
        const picked = pickQuestion(questions, { principle }, `s-${session}`, new Set());
        expect(namesPrinciple(picked.question), `${principle}: ${picked.question}`).toBe(false);
        expect(picked.principles).toContain(principle);
      }
    }
  });

  it("the chat's interviews on every principle ask no question that names one", async () => {
    const engine = await engineForSampleBank();
    for (let round = 0; round < 12; round++) {
      const session = newSession(`s-${String(round).padStart(12, "0")}`);
      // Four interviews of four principles each cover all sixteen.
      for (let start = 0; start < PRINCIPLES.length; start += 4) {
        await engine.respond(session, `interview me on ${PRINCIPLES.slice(start, start + 4).join(", ")}`);
        for (const turn of session.interview!.turns) expect(namesPrinciple(turn.question), turn.question).toBe(false);
        await engine.respond(session, "stop");
      }
    }
  });

  it("reads principles whose names contain 'and', and topics that are not principles", () => {
    expect(readInterviewRequest("interview me on Learn and Be Curious, Frugality")).toEqual({
      topics: [
        { kind: "principle", principle: "Learn and Be Curious" },
        { kind: "principle", principle: "Frugality" },
      ],
      unknown: [],
    });
    expect(readInterviewRequest("interview me on Ownership and Dive Deep").topics).toEqual([
      { kind: "principle", principle: "Ownership" },
      { kind: "principle", principle: "Dive Deep" },
    ]);
    expect(readInterviewRequest("interview me on Have Backbone; Disagree and Commit").topics).toEqual([{ kind: "principle", principle: "Have Backbone; Disagree and Commit" }]);
    // "the" inside a principle's name is no filler (audit: "Hire" and "Develop Best" came back).
    expect(readInterviewRequest("interview me on Hire and Develop the Best and Ownership")).toEqual({
      topics: [
        { kind: "principle", principle: "Hire and Develop the Best" },
        { kind: "principle", principle: "Ownership" },
      ],
      unknown: [],
    });
    expect(readInterviewRequest("interview me on the Frugality").topics).toEqual([{ kind: "principle", principle: "Frugality" }]);
    expect(readInterviewRequest("interview me on Teamwork")).toEqual({
      topics: [{ kind: "competency", asked: "Teamwork", competency: "collaboration", name: "Cross-team collaboration", principles: ["Earn Trust", "Deliver Results"] }],
      unknown: [],
    });
    expect(readInterviewRequest("mock interview for conflict questions please").topics).toMatchObject([{ kind: "competency", asked: "conflict", competency: "conflict" }]);
    expect(readInterviewRequest("interview me on banana and Think Big.")).toEqual({ topics: [{ kind: "principle", principle: "Think Big" }], unknown: ["banana"] });
  });
});

describe("interview requests and asides in the chat", () => {
  it("says Teamwork is not a principle and asks a teamwork question instead of silently picking others", async () => {
    const engine = await engineForSampleBank();
    const session = newSession("s-00000000000t");
    const reply = await engine.respond(session, "interview me on Teamwork");
    expect(reply.text).toMatch(/^"Teamwork" is not one of the 16 Leadership Principles; I'll ask about it as cross-team collaboration, which interviewers file under Earn Trust \/ Deliver Results\.\n\nMock interview on Teamwork: 1 question\./);
    const turn = session.interview!.turns[0]!;
    expect(turn.topic).toBe("Teamwork");
    expect(readQuestionBank().find((question) => question.id === turn.questionId)!.competency).toBe("collaboration");
    expect(reply.text).toContain(`Question 1 of 1 (Teamwork): ${turn.question}`);
  });

  it("names the principles a topic is filed under whole, though a name holds a ';' or a ','", async () => {
    const engine = await engineForSampleBank();
    const reply = await engine.respond(newSession("s-0000000000cf"), "interview me on conflict");
    // "Have Backbone; Disagree and Commit and Earn Trust" read as three principles.
    expect(reply.text).toMatch(/^"conflict" is not one of the 16 Leadership Principles; I'll ask about it as conflict or disagreement, which interviewers file under Have Backbone; Disagree and Commit \/ Earn Trust\./);
  });

  it("says which words it did not understand, and what it picked instead", async () => {
    const engine = await engineForSampleBank();
    const session = newSession("s-00000000000b");
    const reply = await engine.respond(session, "interview me on banana");
    const picked = session.interview!.turns.map((turn) => turn.principle);
    expect(picked).toHaveLength(3);
    expect(reply.text).toContain(`"banana" is not one of the 16 Leadership Principles or a topic I know. I picked ${picked.join(" / ")} instead;`);
  });

  it("takes 'coverage please' mid-interview as the command, and keeps the question open", async () => {
    const engine = await engineForSampleBank();
    const session = newSession("s-00000000000c");
    await engine.respond(session, "interview me on Frugality");
    const asked = session.interview!.turns[0]!.question;
    for (const command of ["coverage please", "Coverage, please.", "can I see my coverage?"]) {
      const reply = await engine.respond(session, command);
      expect(reply.cards[0]?.type, command).toBe("summary");
      expect(reply.text, command).toMatch(/- Frugality: /);
      expect(reply.text, command).toContain(`Still on question 1 of 1: ${asked}`);
      expect(session.interview!.turns[0]!.answer, command).toBe("");
    }
    // A long answer that mentions coverage is still the answer.
    const answer = "Our test coverage was 40% and the cloud bill kept growing, so I moved the test runs to spot instances myself and cut the bill by 30% in a month.";
    expect((await engine.respond(session, answer)).cards[0]?.type).toBe("critique");
    expect(session.interview!.turns[0]!.answer).toBe(answer);
  });

  it("greets a hello and says what it can do, instead of searching stories for it", async () => {
    const engine = await engineForSampleBank();
    const session = newSession("s-00000000000h");
    for (const greeting of ["hello", "Hi there!", "good morning"]) {
      const reply = await engine.respond(session, greeting);
      expect(reply.cards, greeting).toEqual([]);
      expect(reply.text, greeting).toMatch(/^Hello! I'm your interview coach\. I can:\n- find the stories/);
      expect(reply.text, greeting).not.toMatch(/no clear theme/);
    }
    // A question that opens with "hello" is still a question.
    expect((await engine.respond(session, "Hello, tell me about a time you failed")).cards[0]?.type).toBe("matches");
  });
});
