import path from "node:path";
import { predictLogistic, readModelFile, type LogisticModel } from "../../learning/index.js";
import { PACKAGE_ROOT } from "../../package-root.js";
import type { Role } from "../segment-answer.js";
import { LENGTH_FEATURE_PREFIX, clauseFeatures } from "./clause-features.js";

export const CLAUSE_ROLE_MODEL_FILE = path.join(PACKAGE_ROOT, "corpus", "models", "clause-roles.json");
/** The roles the model predicts; "none" is filler, habit, hypothetical or effort talk. */
export const MODEL_ROLES = ["situation", "task", "action", "result", "lesson", "none"] as const;
export type ModelRole = (typeof MODEL_ROLES)[number];

/**
 * Probability at which the learned clause model gives a role: 0.5, except a
 * result at 0.35 (outcomes are often worded softly), chosen on the tuning drafts.
 * An unsure action is never taken as the fallback role (see assign-roles).
 */
export const ROLE_THRESHOLDS: Record<Role, number> = { situation: 0.5, task: 0.5, action: 0.5, result: 0.35, lesson: 0.5 };

let cached: LogisticModel | null | undefined;

/** The trained clause-role model, or null when no model file is present. */
export function loadClauseRoleModel(): LogisticModel | null {
  if (cached !== undefined) return cached;
  cached = readModelFile<LogisticModel>(CLAUSE_ROLE_MODEL_FILE, "npm run train:roles");
  return cached;
}

/**
 * Learned probability of each role for a clause at a position in the answer
 * (empty without a model). `ignoreLength` leaves out the clause's length, to
 * ask what its words alone say.
 */
export function predictClauseRoles(text: string, position: number, options: { ignoreLength?: boolean } = {}): Map<ModelRole, number> {
  const model = loadClauseRoleModel();
  if (!model) return new Map();
  const features = clauseFeatures(text, position);
  return predictLogistic(model, options.ignoreLength ? features.filter((feature) => !feature.startsWith(LENGTH_FEATURE_PREFIX)) : features) as Map<ModelRole, number>;
}
