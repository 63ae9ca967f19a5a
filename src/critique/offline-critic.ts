import type { Critic, Critique } from "../core/critique.js";
import { critiqueAnswer } from "./critique-answer.js";

/** The Critic that needs nothing but this machine. */
export class OfflineCritic implements Critic {
  async critique(question: string, answer: string): Promise<Critique> {
    return critiqueAnswer(question, answer);
  }
}
