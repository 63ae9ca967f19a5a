export { assignRoles, type RoleMethod, type RoledClause } from "./assign-roles.js";
export { segmentAnswer, type Clause, type Role } from "./segment-answer.js";
export { CLAUSE_ROLE_MODEL_FILE, MODEL_ROLES, ROLE_THRESHOLDS, predictClauseRoles, type ModelRole } from "./role-model/index.js";
export { readClauses } from "./read-clauses.js";
export { statedLesson, TAKEN_UP_SINCE } from "./stated-lessons.js";
export { VAGUE_COMPARISON } from "./role-cues.js";
