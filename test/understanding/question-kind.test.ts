import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/package-root.js";
import { questionKind } from "../../src/understanding/index.js";

describe("questions that ask for no story", () => {
  it("names introduction, motivation, career-goal and practical questions", () => {
    expect(questionKind("Tell me about yourself").kind).toBe("introduction");
    expect(questionKind("Could you tell us a little about yourself?").kind).toBe("introduction");
    expect(questionKind("Walk me through your résumé.").kind).toBe("introduction");
    expect(questionKind("Why do you want to work at Amazon?").kind).toBe("motivation");
    expect(questionKind("Why Amazon?").kind).toBe("motivation");
    expect(questionKind("What attracts you to this role?").kind).toBe("motivation");
    expect(questionKind("Why should we hire you?").kind).toBe("motivation");
    expect(questionKind("Where do you see yourself in five years?").kind).toBe("career goals");
    expect(questionKind("What are your salary expectations?").kind).toBe("practical");
    expect(questionKind("Do you have any questions for us?")).toEqual({ kind: "practical", answerWith: "the facts asked for" });
  });

  it("reads knowledge and design questions as technical, but not questions about the candidate's own work", () => {
    for (const question of [
      "What is the time complexity of quicksort?",
      "How would you design a URL shortener?",
      "What is a hash table?",
      "Explain the difference between TCP and UDP.",
      "How does a B-tree work?",
      "Design a rate limiter.",
      "How does HTTPS work?",
      "Design Twitter.",
      // From a user audit outside software: designs named by what they are for, and a definition with its point asked.
      "How would you design a hospital bed management system?",
      "How would you design a sepsis early-warning alert for an EHR?",
      "What is HL7 FHIR and why does it matter?",
    ]) {
      expect(questionKind(question).kind, question).toBe("technical");
    }
    for (const question of [
      "What is the most complex system you've designed?",
      "What's a project you're proud of?",
      "What is your greatest weakness?",
      "Explain a time you disagreed with your manager.",
      "How would you design a process for onboarding new hires?",
      "How does your team handle on-call?",
      "Describe how you reduced the time complexity of a critical job in your last role.",
      "How would you design a system for onboarding new hires on my team?",
      "Explain a conflict on a team and how it was resolved.",
      "What's a decision that went wrong and why?",
      "What happens when a teammate isn't pulling their weight?",
      "How would you design a system to prioritise tasks for your team?",
      "Can you build an app in a weekend?",
      "What is the hardest decision you made and why does it still matter to you?",
    ]) {
      expect(questionKind(question), question).toEqual({ kind: "behavioural" });
    }
  });

  it("reads wanting this job, and wanting to leave the current one, as motivation", () => {
    for (const question of [
      "Why do you want this job?",
      "Why do you want this role?",
      "Why would you want this position at Amazon?",
      "Why do you want the job?",
      "Why do you want to work here?",
      "Why do you want to work for us?",
      "What makes you want to work here?",
      "Why are you interested in this role?",
      "What attracts you to this company?",
      "Why do you want to leave your current job?",
      "Why do you want to change jobs?",
      "Why do you want to leave your current role now?",
      "Why would you want to switch careers so soon?",
    ]) {
      expect(questionKind(question), question).toEqual({ kind: "motivation", answerWith: "what draws you to the company and the role" });
    }
  });

  it("leaves story questions alone, even when they contain the same words", () => {
    for (const question of [
      "Tell me about a time you failed",
      "Tell me about a time you had to introduce yourself to a hostile team",
      "Why did you decide to leave the project early?",
      "Give me an example of why you wanted to work on something nobody owned",
      "What is your biggest weakness?",
      "Have you ever started building before the requirements were final?",
      "Why did you decide to push back on your manager?",
      "Tell me about a time you wanted a job done differently",
      "Why do you want the job done this way?",
      "Why did you want to leave the project early?",
      "Tell me about a time you wanted to leave your team.",
      // Wanting to change something else, or the job wanted for a reason the question asks a story about.
      "Why would you want to change your team's mind once a decision has been made?",
      "Why would you want to change this team's roadmap halfway through the quarter?",
      "Why would you want to change roles in the middle of a launch? Tell me about when you did.",
      "Why do you want the role so much when you failed at it before? Tell me about that failure.",
      "Why do you want to leave your current job in the middle of a launch? Walk me through how you decided.",
    ]) {
      expect(questionKind(question), question).toEqual({ kind: "behavioural" });
    }
  });

  it("takes none of the labelled interview questions for a non-story question", () => {
    const files = [
      path.join(PACKAGE_ROOT, "corpus", "questions.jsonl"),
      ...readdirSync(path.join(PACKAGE_ROOT, "evals", "retrieval")).filter((name) => name.endsWith(".jsonl")).map((name) => path.join(PACKAGE_ROOT, "evals", "retrieval", name)),
      ...readdirSync(path.join(PACKAGE_ROOT, "corpus", "retrieval-training", "questions")).map((name) => path.join(PACKAGE_ROOT, "corpus", "retrieval-training", "questions", name)),
    ];
    const questions = files.flatMap((file) => readFileSync(file, "utf8").split("\n").filter((line) => line.trim()).map((line) => JSON.parse(line).question as string));
    expect(questions.length).toBeGreaterThan(3000);
    expect(questions.filter((question) => questionKind(question).kind !== "behavioural")).toEqual([]);
  });

  it("stays fast on a 60,000-character line", () => {
    const started = performance.now();
    for (const unit of ["why ", "tell me about ", "a ", "  ", "why do you want the ", "why do you want to leave your ", "what is ", "how does a ", "how does a b "]) questionKind(unit.repeat(60_000 / unit.length));
    expect(performance.now() - started).toBeLessThan(500);
  });
});
