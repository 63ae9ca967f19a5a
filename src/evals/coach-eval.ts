import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { Coach } from "../coach/coach-engine.js";
import type { Session } from "../coach/session.js";
import { parseJsonLines } from "../text/index.js";

/** A scripted conversation and what the coach must do in it (evals/coach/scenarios.jsonl). */
export const ScenarioSchema = z.object({
  id: z.string(),
  description: z.string(),
  messages: z.array(z.string()).min(1),
  expect: z.array(z.union([z.object({ turn: z.number().int().min(1), replyMatches: z.string() }), z.object({ noRepeatedQuestions: z.literal(true) })])),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

export interface ScenarioResult {
  id: string;
  description: string;
  passed: boolean;
  failures: string[];
}

export async function readScenarios(file: string): Promise<Scenario[]> {
  return parseJsonLines(await readFile(file, "utf8"), ScenarioSchema, file, "a coach scenario");
}

/** Plays each scenario against a fresh session and checks every expectation. */
export async function runCoachScenarios(scenarios: readonly Scenario[], engine: Coach, newSession: (id: string) => Session): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    const session = newSession(`eval-${scenario.id}`);
    const replies: string[] = [];
    for (const message of scenario.messages) replies.push((await engine.respond(session, message)).text);
    const failures: string[] = [];
    for (const expectation of scenario.expect) {
      if ("noRepeatedQuestions" in expectation) {
        const asked = session.askedQuestionIds;
        if (new Set(asked).size !== asked.length) failures.push(`a question was asked twice: ${asked.join(", ")}`);
        continue;
      }
      const reply = replies[expectation.turn - 1] ?? "";
      if (!new RegExp(expectation.replyMatches, "i").test(reply)) failures.push(`reply ${expectation.turn} does not match /${expectation.replyMatches}/: ${reply.slice(0, 160)}`);
    }
    results.push({ id: scenario.id, description: scenario.description, passed: failures.length === 0, failures });
  }
  return results;
}
