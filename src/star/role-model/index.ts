export { CLAUSE_ROLE_MODEL_FILE, MODEL_ROLES, ROLE_THRESHOLDS, loadClauseRoleModel, predictClauseRoles, type ModelRole } from "./clause-role-model.js";
export { clauseFeatures, isShortClause } from "./clause-features.js";
export { SENTENCE_ROLES_FILES, readSentenceRoles, sentenceExamples, type LabelledAnswer } from "./sentence-roles-data.js";
