import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";

// Many candidates tell a story in the present tense: non-native speakers, and storytellers using the "historical
// present". Such a story is one occasion all the same; only habits and routines are not stories.

const NAMED_OCCASION = `In my last job at a warehouse, the scanner system stop working on a Friday night and the orders cannot ship.
I was the shift lead so it is my problem to solve. I call the vendor and I explain the error code.
Then I reset all the scanners one by one and I test each one with a sample package.
On Monday all the orders ship on time, around 1,200 packages.`;

const WITH_A_FIGURE = `My team have a big problem with the monthly sales report. The numbers are wrong and the finance team complain to my manager.
My manager give this task to me. I look into the SQL query and I see the join with the returns table is wrong, so every return is counted two times.
I rewrite the query and I test it with the finance analyst for three months of data.
After that the report is correct and finance save about 2 hours every month because they stop fixing it by hand.`;

// The same kind of wording about any occasion of a kind: a routine, not a story.
const ROUTINE = `As a project manager my job is to deliver on time. When a deadline is at risk I look at the plan with the team.
I cut the scope that is not critical and I talk to the stakeholders about the new plan. I check progress every day in the standup.
This way the project is delivered on time and the client is satisfied with the result.`;

const VALUES = `Conflict is normal in any team. I listen to both sides and I ask each person what matters to them.
I bring them together in a meeting and we agree on a solution that works for everyone. I document the decision so nobody forgets it.
In the end the team is happier, the project moves forward and the relationship gets stronger.`;

describe("a story told in the present tense", () => {
  it("is a story when it names its occasion (a Friday night, my last job)", () => {
    const critique = critiqueAnswer("Tell me about a time you took ownership.", NAMED_OCCASION);
    expect(critique.notAStory).toBe(false);
    expect(critique.issues.map((issue) => issue.code)).not.toContain("NOT_A_STORY");
    for (const part of ["situation", "action", "result"] as const) expect(critique.star[part].present, part).toBe(true);
    expect(critique.quantified).toBe(true);
  });

  it("is a story when its clauses play the whole arc and it counts what changed", () => {
    const critique = critiqueAnswer("Tell me about a problem you solved.", WITH_A_FIGURE);
    expect(critique.notAStory).toBe(false);
    expect(critique.star.action.present).toBe(true);
    expect(critique.star.result.present).toBe(true);
    expect(critique.metrics).toContain("2 hours");
    expect(critique.quantified).toBe(true);
    expect(critique.score).toBeGreaterThanOrEqual(70);
  });

  it("is still not a story when it describes a routine (\"When a deadline is at risk, I...\")", () => {
    const critique = critiqueAnswer("Tell me about a time you met a tight deadline.", ROUTINE);
    expect(critique.notAStory).toBe(true);
    expect(critique.issues[0]!.code).toBe("NOT_A_STORY");
  });

  it("is still not a story when it states values with no figure and no occasion", () => {
    const critique = critiqueAnswer("Tell me about a conflict in your team.", VALUES);
    expect(critique.notAStory).toBe(true);
    expect(critique.star.action.present).toBe(false);
  });

  it("is a story when it tells one occasion, with no date and no figure: someone turns up, the speaker notices, steps follow", () => {
    const answer = `At the bakery one customer is asking for a birthday cake she ordered, but the order is not in the book.
I am the one responsible for the orders that week, so it is my problem. I notice I wrote her order on the wrong day.
I call the other shop, I ask them for a plain sponge, and I decorate it myself while she waits.
She takes the cake to the party and she comes back the next week to order again.`;
    const critique = critiqueAnswer("Tell me about a time you made a mistake with a customer.", answer);
    expect(critique.notAStory).toBe(false);
    expect(critique.star.task.present).toBe(true);
    expect(critique.star.action.spans.map((span) => span.text)).toEqual(expect.arrayContaining([expect.stringContaining("I call the other shop")]));
  });

  it("is a routine when it describes a role's duties and conditions, though it names a weekday", () => {
    const answer = `In my role I check the fridges in the morning and I write the temperatures in the log.
If one fridge is too warm, I move the food to the other fridge and I call the engineer.
I also send the log to the manager on Friday, so the inspection is always easy.`;
    const critique = critiqueAnswer("Tell me about a time you prevented a problem.", answer);
    expect(critique.notAStory).toBe(true);
    expect(critique.issues[0]!.code).toBe("NOT_A_STORY");
  });

  it("is a routine when said of any occasion of a kind: a current role, 'When I notice...', 'when an order is late' (review)", () => {
    const answers = [
      "In my current role, I usually start by listening to the customer. I would then apologise and make sure to find a fix. I try to follow up the next week to check they are happy.",
      "When I notice a slow query, I write a test first. I fix the index and I tell the team. The page loads in 2 seconds instead of 9.",
      "Customers are upset when an order is late. I call them and I offer a discount, and I send a new order the same day.",
    ];
    for (const answer of answers) expect(critiqueAnswer("Tell me about a time you helped a customer.", answer).notAStory, answer).toBe(true);
  });

  it("stays a story, with its lesson found, when it ends on a habit taken up since (\"So now I always test...\") (audit)", () => {
    const story =
      "One time I deploy new version on Friday without testing on staging because deadline is close. The service is down for two hours and many users cannot login. I roll back and I write postmortem for the team.";
    for (const lesson of ["So now I always test on staging before deploy.", "After that I always use checklist."]) {
      const critique = critiqueAnswer("Tell me about a time you failed.", `${story} ${lesson}`);
      expect(critique.notAStory, lesson).toBe(false);
      expect(critique.star.lesson.spans.map((span) => span.text), lesson).toEqual([lesson]);
      expect(critique.issues.map((issue) => issue.code), lesson).not.toContain("MISSING_LESSON");
    }
  });

  // Audit with non-native speakers: what a slip did, told in the present ("The service is down for two hours"), read
  // as the scene, and the story's outcome or recovery after it went unseen (MISSING_RESULT).
  const texts = (spans: Array<{ text: string }>) => spans.map((span) => span.text);

  it("reads a slip's consequence as an event, and the recovery fused onto the last step as the result (audit)", () => {
    const answer = "I deploy on Friday. The service is down for two hours. Customers cannot pay. I roll back and the payments work again. I learn to never deploy on Friday.";
    const critique = critiqueAnswer("Tell me about a time you made a mistake.", answer);
    const codes = critique.issues.map((issue) => issue.code);
    expect(codes).not.toContain("MISSING_RESULT");
    expect(codes).not.toContain("NOT_A_STORY");
    expect(texts(critique.star.result.spans)).toEqual(["I roll back and the payments work again."]);
    expect(texts(critique.star.action.spans)).toContain("I roll back and the payments work again.");
    // The consequence is neither the scene nor the outcome.
    for (const part of ["situation", "result"] as const) expect(texts(critique.star[part].spans), part).not.toContain("The service is down for two hours.");
  });

  it("reads a step told after a time opener ('On Monday I test it ..., no problem') as a step and its outcome (audit)", () => {
    const answer =
      "I am backend developer in online shop. My task is to add a new column to the orders table. I run the migration on Friday evening and it locks the orders table, so the site cannot take orders. I roll back the migration and I tell the team in chat. On Monday I test it on a staging copy and I run it again at night, no problem. What I learn is: never run a migration without a test on real data.";
    const critique = critiqueAnswer("Tell me about a time you made a mistake at work.", answer);
    expect(critique.issues.map((issue) => issue.code)).not.toContain("MISSING_RESULT");
    const monday = "On Monday I test it on a staging copy and I run it again at night, no problem.";
    expect(texts(critique.star.action.spans)).toContain(monday);
    expect(texts(critique.star.result.spans)).toEqual([monday]);
  });

  it("reads how things stood after the last step as the result, though 'normal' elsewhere is routine talk (audit)", () => {
    const answer = "I deploy on Friday. The service is down for two hours. Customers cannot pay and they call support. I roll back and I tell support. Payments are normal again in thirty minutes.";
    const critique = critiqueAnswer("Tell me about a time you made a mistake.", answer);
    expect(critique.notAStory).toBe(false);
    expect(texts(critique.star.action.spans)).toEqual(["I deploy on Friday.", "I roll back and I tell support."]);
    expect(texts(critique.star.result.spans)).toEqual(["Payments are normal again in thirty minutes."]);
    expect(texts(critique.star.situation.spans)).toEqual([]);
  });

  it("reads 'One Friday' as one occasion, and where the speaker works as the scene, not a step (audit)", () => {
    const answer =
      "I work in a bank as developer. One Friday I deploy a new version without test. The service is down for two hours and customers cannot pay. I roll back the release and I call my manager. The customers can pay again and my manager is happy.";
    const critique = critiqueAnswer("Tell me about a time you made a mistake.", answer);
    expect(critique.notAStory).toBe(false);
    expect(texts(critique.star.action.spans)).not.toContain("I work in a bank as developer.");
    expect(texts(critique.star.result.spans)).toEqual(["The customers can pay again and my manager is happy."]);
  });
});
