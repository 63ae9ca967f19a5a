/** Separates principles in a list a person reads: their names hold commas ("Are Right, A Lot") and semicolons ("Have Backbone; Disagree and Commit"). */
export const PRINCIPLE_SEPARATOR = " / ";

/** Principle names as one readable list, each name whole. */
export function listPrinciples(names: readonly string[]): string {
  return names.join(PRINCIPLE_SEPARATOR);
}
