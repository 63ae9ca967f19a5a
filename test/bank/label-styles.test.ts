import { describe, expect, it } from "vitest";
import { parseText } from "../support/parse-text.js";

const parse = parseText;

const BILLING = {
  situation: "Billing failed on 3% of renewals.",
  task: "I volunteered to lead the migration.",
  action: "I migrated customers in cohorts of 500.",
  result: "Failed renewals dropped to 0.2%.",
  lesson: "Migrate in cohorts.",
};

describe("plain labels run together in one paragraph", () => {
  it("gives every part, for words and for single letters", () => {
    const bank = parse(`## Cut CI time in half
Situation: Our CI pipeline took 48 minutes. Task: I set out to get it under 20 minutes. Action: I split the suite across 8 runners. Result: CI went from 48 to 19 minutes.

## Mentored a new grad
S: A new grad was struggling with code reviews. T: Ramp her up within a quarter. A: I paired with her twice a week. R: Her PRs averaged 5 comments. L: Pair on real work.
`);
    expect(bank.stories.map((story) => [story.title, story.source.startLine, story.source.endLine, story.partsInferred])).toEqual([
      ["Cut CI time in half", 1, 2, false],
      ["Mentored a new grad", 4, 5, false],
    ]);
    expect(bank.stories[0]!.parts).toEqual({
      situation: "Our CI pipeline took 48 minutes.",
      task: "I set out to get it under 20 minutes.",
      action: "I split the suite across 8 runners.",
      result: "CI went from 48 to 19 minutes.",
    });
    expect(bank.stories[1]!.parts).toEqual({
      situation: "A new grad was struggling with code reviews.",
      task: "Ramp her up within a quarter.",
      action: "I paired with her twice a week.",
      result: "Her PRs averaged 5 comments.",
      lesson: "Pair on real work.",
    });
  });

  it("keeps a list marker with the first label, and a question on one line with its answer", () => {
    const bank = parse(`## Billing migration
1. Situation: Billing failed on 3% of renewals. Task: I volunteered to lead the migration.
2. Action: I migrated customers in cohorts of 500. Result: Failed renewals dropped to 0.2%.

## Tell me about a time you failed
Q: Tell me about a time you failed? A: I shipped a migration on a Friday and it broke billing for an hour, so I rolled it back and wrote a checklist.
`);
    expect(bank.stories[0]!.parts).toEqual({ situation: BILLING.situation, task: BILLING.task, action: BILLING.action, result: BILLING.result });
    expect(bank.stories[1]!.question).toBe("Tell me about a time you failed?");
    expect(bank.stories[1]!.body).toBe("I shipped a migration on a Friday and it broke billing for an hour, so I rolled it back and wrote a checklist.");
  });

  it("cuts at a label after a sentence only where the line has two in order, never at a note or a time", () => {
    const bank = parse(`## Release rescue
Situation: We were late and nobody owned the release.
I took it over at 10:30 on Monday. Note: the deploy script was broken. Result: the one word I dreaded.
Action: I rewrote the deploy script. Note: it took a weekend. Result: we shipped on Tuesday.
`);
    expect(bank.stories[0]!.parts).toEqual({
      situation: "We were late and nobody owned the release. I took it over at 10:30 on Monday. Note: the deploy script was broken. Result: the one word I dreaded.",
      action: "I rewrote the deploy script. Note: it took a weekend.",
      result: "we shipped on Tuesday.",
    });
  });
});

describe("label styles read only in a run", () => {
  it("reads capitals on their own lines, bold and plain letters with a dash, and letters in brackets", () => {
    const bank = parse(`# Stories

## Caps on own line
SITUATION
Billing failed on 3% of renewals.
TASK
I volunteered to lead the migration.
ACTION
I migrated customers in cohorts of 500.
RESULT
Failed renewals dropped to 0.2%.
LESSONS LEARNED
Migrate in cohorts.

## Bold letter dash
**S** – Billing failed on 3% of renewals.
**T** – I volunteered to lead the migration.
**A** – I migrated customers in cohorts of 500.
**R** – Failed renewals dropped to 0.2%.
**L** – Migrate in cohorts.

## Plain letter dash
S - Billing failed on 3% of renewals.
T - I volunteered to lead the migration.
A - I migrated customers in cohorts of 500.
R - Failed renewals dropped to 0.2%.
L - Migrate in cohorts.

## Letters in brackets
**(S)** Billing failed on 3% of renewals.
**(T)** I volunteered to lead the migration.
**(A)** I migrated customers in cohorts of 500.
**(R)** Failed renewals dropped to 0.2%.
[L] Migrate in cohorts.

## Letters with full stops
S. Billing failed on 3% of renewals.
T. I volunteered to lead the migration.
A. I migrated customers in cohorts of 500.
R. Failed renewals dropped to 0.2%.
L. Migrate in cohorts.
`);
    expect(bank.stories.map((story) => [story.title, story.source.startLine, story.source.endLine, story.partsInferred])).toEqual([
      ["Caps on own line", 3, 13, false],
      ["Bold letter dash", 15, 20, false],
      ["Plain letter dash", 22, 27, false],
      ["Letters in brackets", 29, 34, false],
      ["Letters with full stops", 36, 41, false],
    ]);
    for (const story of bank.stories) expect(story.parts, story.title).toEqual(BILLING);
    expect(bank.warnings).toEqual([]);
  });

  it("reads a Notion toggle export and single-letter sub-headings", () => {
    const bank = parse(`# Story bank

## Black Friday outage

- Situation
    
    Checkout timed out for 30% of shoppers.
    
- Task
    
    As on-call lead I had to restore it.
    
- Action
    
    I rolled back the morning deploy.
    
- Result
    
    Checkout recovered in 18 minutes.
    
- Learnings
    
    Keep a load-shedding switch.

## Android crash rate
### S
Mobile crash rate was 4% on Android 9.
### T
Get it under 1%.
### A
I bisected releases and removed a bad SDK.
### R
Crash rate fell to 0.6%.
### L
Watch third-party SDKs closely.
`);
    expect(bank.stories.map((story) => [story.title, story.source.startLine, story.source.endLine])).toEqual([
      ["Black Friday outage", 3, 23],
      ["Android crash rate", 25, 35],
    ]);
    expect(bank.stories[0]!.parts).toEqual({
      situation: "Checkout timed out for 30% of shoppers.",
      task: "As on-call lead I had to restore it.",
      action: "I rolled back the morning deploy.",
      result: "Checkout recovered in 18 minutes.",
      lesson: "Keep a load-shedding switch.",
    });
    expect(bank.stories[1]!.parts).toEqual({
      situation: "Mobile crash rate was 4% on Android 9.",
      task: "Get it under 1%.",
      action: "I bisected releases and removed a bad SDK.",
      result: "Crash rate fell to 0.6%.",
      lesson: "Watch third-party SDKs closely.",
    });
    expect(bank.headings.filter((heading) => heading.kind === "part-label").map((heading) => heading.line)).toEqual([26, 28, 30, 32, 34]);
    expect(bank.warnings).toEqual([]);
  });

  it("reads each Notion toggle over nested part toggles as a story of its own, titled by the toggle", () => {
    const toggle = (title: string, parts: Record<string, string>) =>
      [`- ${title}`, ...Object.entries(parts).flatMap(([label, text]) => [`    - ${label}`, `        ${text}`])].join("\n");
    const vendor = { Situation: "Our logging vendor raised prices by 70%.", Task: "I had to keep costs flat.", Action: "I benchmarked two rivals and used the quotes to renegotiate.", Result: "We kept the vendor at a 5% increase." };
    const intern = { Situation: "Our intern was stuck on his first project.", Action: "I paired with him daily for a week.", Result: "He shipped on time and got a return offer." };
    const bank = parse(`# Stories\n\n${toggle("Vendor renegotiation", vendor)}\n${toggle("Mentoring an intern", intern)}\n`);
    expect(bank.stories.map((story) => [story.title, story.source.startLine, story.source.endLine])).toEqual([
      ["Vendor renegotiation", 3, 11],
      ["Mentoring an intern", 12, 18],
    ]);
    expect(bank.stories[0]!.parts).toEqual({ situation: vendor.Situation, task: vendor.Task, action: vendor.Action, result: vendor.Result });
    expect(bank.stories[1]!.parts).toEqual({ situation: intern.Situation, action: intern.Action, result: intern.Result });
    expect(bank.warnings.map((warning) => warning.code)).not.toContain("SEVERAL_STORIES");
    // One toggle under the page title is titled by the toggle too, so adding a second keeps its id.
    const one = parse(`# Stories\n\n${toggle("Vendor renegotiation", vendor)}\n`);
    expect(one.stories.map((story) => story.id)).toEqual(["bank-vendor-renegotiation"]);
    // Nested "Situation: ..." items, and no page title, read the same way.
    const inline = parse(`- Vendor renegotiation\n    - Situation: ${vendor.Situation}\n    - Result: ${vendor.Result}\n- Mentoring an intern\n    - Situation: ${intern.Situation}\n    - Result: ${intern.Result}\n`);
    expect(inline.stories.map((story) => [story.title, story.parts.result])).toEqual([
      ["Vendor renegotiation", vendor.Result],
      ["Mentoring an intern", intern.Result],
    ]);
    // A list whose nested items are not parts stays the text of its story.
    const notes = parse(`## Vendor renegotiation\nSituation: ${vendor.Situation}\nAction: I compared offers:\n- Datadog\n    - cheaper at our volume\n- Splunk\n    - too slow to onboard\nResult: ${vendor.Result}\n`);
    expect(notes.stories.map((story) => story.title)).toEqual(["Vendor renegotiation"]);
  });

  it("leaves alone a lone letter opening a sentence, a checklist of part names and a lone letter heading", () => {
    const bank = parse(`## Checkout test
I ran the A/B test myself because nobody else had time and the launch was close.
A - B testing showed the new flow converted 4% better, and I rolled it out to everyone that week.
We kept it and I documented the setup for the next team, who reused it twice that quarter.

## STAR checklist
- Situation
- Task
- Action
- Result

## Plan
### A
Ship the fix first.
`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Checkout test"]);
    expect(bank.stories[0]!.partsInferred).toBe(true);
    expect(bank.stories[0]!.parts.action).toContain("A - B testing showed the new flow converted 4% better");
    expect(bank.headings.map((heading) => [heading.line, heading.text, heading.kind])).toEqual([
      [1, "Checkout test", "story"],
      [6, "STAR checklist", "prose"],
      [12, "Plan", "section"],
      [13, "A", "prose"],
    ]);
  });

  it("reads lower-case shorthand letters (s: t: a: r:) as labels where a story has two or more in order", () => {
    const pager = {
      situation: "we got 50 pages a week.",
      task: "i had to cut the noise.",
      action: "i deleted 30 alerts and rewrote 10 to page only on customer impact.",
      result: "pages dropped to 8 a week.",
    };
    const lower = `s: ${pager.situation}\nt: ${pager.task}\na: ${pager.action}\nr: ${pager.result}`;
    const bank = parse(`## pager fatigue\n${lower}\n\n## flaky ci\ns: our ci failed 30% of runs.\nr: the failure rate fell to 3%.\n`);
    expect(bank.stories.map((story) => [story.title, story.partsInferred])).toEqual([
      ["pager fatigue", false],
      ["flaky ci", false],
    ]);
    expect(bank.stories[0]!.parts).toEqual(pager);
    expect(bank.stories[1]!.parts).toEqual({ situation: "our ci failed 30% of runs.", result: "the failure rate fell to 3%." });
    // With no headings, a short line above "s:" titles the story as it does above "S:".
    const headingless = parse(`Pager fatigue\n${lower}\n\nFlaky CI\ns: our ci failed 30% of runs.\nt: i owned the build.\nr: the failure rate fell to 3%.\n`, "stories.txt");
    expect(headingless.stories.map((story) => story.title)).toEqual(["Pager fatigue", "Flaky CI"]);
    expect(headingless.stories[0]!.parts).toEqual(pager);
    // One letter alone, or letters out of order, are prose: "a: " opening a line is rare, but not a label by itself.
    const prose = parse(`## Vendor renegotiation
I led the renegotiation of our logging contract after a 70% price rise last spring.
a: the quotes from two rivals gave me leverage, and I walked the vendor through them.
We settled at a 5% increase, which saved $120k a year.

## Notes
r: revisit in spring
s: ask for a discount
`);
    expect(prose.stories.map((story) => [story.title, story.partsInferred])).toEqual([["Vendor renegotiation", true]]);
    expect(prose.stories[0]!.parts.action).toContain("a: the quotes from two rivals gave me leverage");
  });

  it("does not take a capitalised word alone on a wrapped line of prose for a label", () => {
    const bank = parse(`## Billing migration
I was asked to take over the billing migration when the owner left, and I spent
the first week reading every
Problem
ticket we had. Then I rebuilt the
Result
pipeline and shipped it in three weeks, which cut failures from 3% to 0.2%.
`);
    expect(bank.stories[0]!.partsInferred).toBe(true);
    expect(bank.stories[0]!.parts.situation).toBeUndefined();
    expect(bank.stories[0]!.parts.result).toBe("pipeline and shipped it in three weeks, which cut failures from 3% to 0.2%.");
  });
});

describe("labels from exports and other languages", () => {
  it("reads Google Docs' escaped bold, an emoji before a label and invisible characters", () => {
    const bank = parse(`## Escaped bold
\\*\\*Situation:\\*\\* Billing failed on 3% of renewals.
\\*\\*Task:\\*\\* I volunteered to lead the migration.
\\*\\*Action:\\*\\* I migrated customers in cohorts of 500.
\\*\\*Result:\\*\\* Failed renewals dropped to 0.2%.
\\*\\*Lesson:\\*\\* Migrate in cohorts.

## Emoji and zero-width
🟦 Situation: Billing failed on 3% of renewals.
🟨 Task: I volunteered to lead the migration.
\u200bAction: I migrated customers in cohorts of 500.
\u200bResult: Failed renewals dropped to 0.2%.
💡 Lesson: Migrate in cohorts.
`);
    expect(bank.stories.map((story) => [story.title, story.partsInferred])).toEqual([
      ["Escaped bold", false],
      ["Emoji and zero-width", false],
    ]);
    for (const story of bank.stories) expect(story.parts, story.title).toEqual(BILLING);
  });

  it("reads Spanish and German labels, with or without accents", () => {
    const bank = parse(`## Migración de facturación
**Situación:** El sistema fallaba en el 3% de las renovaciones.
**Tarea:** Me ofrecí a liderar la migración.
**Accion:** Migré a los clientes en grupos de 500.
**Resultados:** Las renovaciones fallidas bajaron al 0,2%.
**Lección:** Migrar por grupos.

## Kundenbeschwerde gelöst
Situation: Ein Großkunde drohte mit Kündigung. Aufgabe: Ich sollte das Vertrauen zurückgewinnen.
MASSNAHMEN: Ich habe wöchentliche Berichte eingeführt.
Ergebnis: Der Kunde verlängerte den Vertrag.
Gelernt: Früh und oft berichten.
`);
    expect(bank.stories[0]!.parts).toEqual({
      situation: "El sistema fallaba en el 3% de las renovaciones.",
      task: "Me ofrecí a liderar la migración.",
      action: "Migré a los clientes en grupos de 500.",
      result: "Las renovaciones fallidas bajaron al 0,2%.",
      lesson: "Migrar por grupos.",
    });
    expect(bank.stories[1]!.parts).toEqual({
      situation: "Ein Großkunde drohte mit Kündigung.",
      task: "Ich sollte das Vertrauen zurückgewinnen.",
      action: "Ich habe wöchentliche Berichte eingeführt.",
      result: "Der Kunde verlängerte den Vertrag.",
      lesson: "Früh und oft berichten.",
    });
  });
});

describe("label reading on pathological input", () => {
  // New label shapes are read on every line of a bank: each must stay fast on a 60,000-character line, and on
  // 20,000 characters of short lines (where the rest of the parser's per-line work, not label reading, dominates).
  const LINE_UNITS = ["S - ", "S – ", "(S) ", "[S] ", "\\*\\*", "\\*", "🟦 ", "\u200b", "Situation: x. ", ". Task: ", "Q: a? A: b. ", "S. ", "s: a. t: ", "- ", " "];
  const LINES_UNITS = ["S\n", "SITUATION\n", "### S\n", "- Situation\n\n", "s: x\nt: y\n", "- Ab\n    - Situation\n        x\n", "- Ab\n\n"];
  it.each([...LINE_UNITS.map((unit) => [unit, 60_000] as const), ...LINES_UNITS.map((unit) => [unit, 20_000] as const)])("stays fast on runs of %j", (unit, length) => {
    const text = unit.repeat(Math.ceil(length / unit.length));
    const started = performance.now();
    parse(`## A story\nSituation: It broke.\n${text}\nAction: I fixed it.\nResult: It worked.\n`);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
