import { describe, expect, it } from "vitest";
import { enforceNoInvention } from "../../src/critique/index.js";

const check = (text: string, sources: string[]) => enforceNoInvention(text, sources).text;

describe("never inventing names: a word that is also a name, spoken to where a sentence opens", () => {
  const sources = ["I fixed the bug with my team."];

  it("reads such a word before a comma or colon as a person", () => {
    expect(check("Walker, thanks.", sources)).toBe("[name], thanks.");
    expect(check("Chase: great work.", sources)).toBe("[name]: great work.");
    expect(check("Great answer. Will, Bill and Mark would agree.", sources)).toBe("Great answer. [name], [name] and [name] would agree.");
    expect(check("- Grant: approved the budget.", sources)).toBe("- [name]: approved the budget.");
    expect(enforceNoInvention("Walker, thanks.", sources).replacements).toEqual([{ original: "Walker", placeholder: "[name]" }]);
  });

  it("replaces the whole of a full name opening a sentence when its first name is also a word", () => {
    expect(check("Maria Gonzalez saw errors drop. Grace Hopper reviewed it.", sources)).toBe("[name] saw errors drop. [name] reviewed it.");
    expect(check("Mark Lee and I shipped it. Joy Park signed off.", sources)).toBe("[name] and I shipped it. [name] signed off.");
    expect(enforceNoInvention("Grace Hopper reviewed it.", sources).replacements).toEqual([{ original: "Grace Hopper", placeholder: "[name]" }]);
    // An instruction before a name keeps its verb, and the name is replaced alone.
    expect(check("Tell Ann Ito what changed. Mark Gonzalez as the owner in your notes.", sources)).toBe("Tell [name] what changed. Mark [name] as the owner in your notes.");
    // With a name the candidate wrote after it, the word is an instruction about their person, and all of it stays.
    const own = ["I paired with Priya on the rollout."];
    for (const advice of ["Mark Priya's contribution clearly.", "Chase Priya, then escalate.", "Hope Priya noticed."]) expect(check(advice, own)).toBe(advice);
  });

  it("keeps ordinary words opening a sentence, and words that open sentences before a pause anyway", () => {
    for (const advice of [
      "Will this help? Chase the result. Mark the result clearly.",
      "Good, now add a number. Rather, lead with the result. Key: the number you moved.",
      "Nice, that is specific. Best, your coach",
      "**Key:** lead with the result.\n## Gap: no result",
    ]) {
      expect(check(advice, sources)).toBe(advice);
    }
  });

  it("reads such a word owning something as a person, unless the candidate wrote the word", () => {
    expect(check("Walker's plan worked. Chase’s review helped.", sources)).toBe("[name]'s plan worked. [name]’s review helped.");
    expect(check("Walker's plan worked.", ["Walker, my lead, wrote the plan."])).toBe("Walker's plan worked.");
    // Their own word, in any case, and "'s" for "is": "summer", "ball" and "grant" are name words too.
    expect(check("Summer's traffic doubled.", ["Our summer traffic doubled."])).toBe("Summer's traffic doubled.");
    expect(check("Ball's in your court now.", ["The ball was in their court."])).toBe("Ball's in your court now.");
    expect(check("Great work. Grant's budget approval came fast.", ["We won the grant funding."])).toBe("Great work. Grant's budget approval came fast.");
    expect(check("Today's answer is stronger.", sources)).toBe("Today's answer is stronger.");
  });

  it("keeps such a word before an exclamation mark: interjections are no one spoken to", () => {
    for (const advice of ["Good! Now add the number.", "Hope! That matters.", "Handy! Keep it.", "Wise!", "Nice! That is specific."]) expect(check(advice, sources)).toBe(advice);
  });

  it("keeps the person when the candidate wrote the name, and only as a name", () => {
    expect(check("Walker, thanks.", ["Walker reviewed my design."])).toBe("Walker, thanks.");
    expect(check("Walker, thanks.", ["I lent my walker to a friend."])).toBe("[name], thanks.");
  });
});

describe("never inventing names: scripts without capitals", () => {
  const english = ["I led the rollout with my team."];

  it("replaces a run of such letters the candidate never wrote when they wrote nothing in its script", () => {
    expect(check("张伟 led the rollout.", english)).toBe("[name] led the rollout.");
    expect(check("Thank 田中さん for the review.", english)).toBe("Thank [name]さん for the review.");
    expect(check("Ask 김민수 about it.", english)).toBe("Ask [name] about it.");
    expect(check("Thank محمد علي for it.", english)).toBe("Thank [name] for it.");
    expect(check("It took 三 weeks.", english)).toBe("It took [N] weeks.");
    // In a script the candidate never writes, a whole sentence is theirs no more than a name is.
    expect(check("张伟负责推出。", english)).toBe("[name]。");
    expect(enforceNoInvention("Thank 田中さん for it.", english).replacements).toEqual([{ original: "田中", placeholder: "[name]" }]);
  });

  it("keeps what the candidate wrote, with an honorific after it", () => {
    expect(check("Thank 田中さん for the review.", ["田中 reviewed my design."])).toBe("Thank 田中さん for the review.");
    expect(check("张伟 led the rollout.", ["我和张伟一起负责推出新系统。"])).toBe("张伟 led the rollout.");
  });

  it("checks a run inside an English sentence even in a script the candidate writes, and leaves their own script's prose alone", () => {
    const chinese = ["我和张伟一起负责推出新系统。"];
    expect(check("Thank 李娜 for it.", chinese)).toBe("Thank [name] for it.");
    expect(check("Great story. 李娜 led the launch.", chinese)).toBe("Great story. [name] led the launch.");
    // A reply in the candidate's own script: its names cannot be told from its words, so it is not checked.
    expect(check("你负责推出了新系统。", chinese)).toBe("你负责推出了新系统。");
    expect(check("Great story. 你负责推出了新系统。", chinese)).toBe("Great story. 你负责推出了新系统。");
  });
});
