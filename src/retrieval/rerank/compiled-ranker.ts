import type { RankerModel } from "../../learning/index.js";

/** Ranker weights keyed by the two halves of "left>right" feature names, so scoring needs no string building. */
export type CompiledRanker = Map<string, Map<string, number>>;

const compiled = new WeakMap<RankerModel, CompiledRanker>();

/** The model's weights split at the first ">" (names without one sit under the empty right half); cached per model. */
export function compileRanker(model: RankerModel): CompiledRanker {
  let table = compiled.get(model);
  if (table) return table;
  table = new Map();
  for (const [name, weight] of Object.entries(model.weights)) {
    const split = name.indexOf(">");
    const left = split < 0 ? name : name.slice(0, split);
    const right = split < 0 ? "" : name.slice(split + 1);
    let row = table.get(left);
    if (!row) table.set(left, (row = new Map()));
    row.set(right, weight);
  }
  compiled.set(model, table);
  return table;
}
