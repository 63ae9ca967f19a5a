import { stem } from "./normalize-text.js";
import type { Taxonomy } from "./taxonomy.js";

const cache = new WeakMap<Taxonomy, ReadonlyMap<string, readonly string[]>>();

/**
 * For each stemmed word of a vocabulary family, the other stems of its
 * families ("outage" gives "incident", "downtime"), built once per taxonomy.
 */
export function familyRelatives(taxonomy: Taxonomy): ReadonlyMap<string, readonly string[]> {
  const known = cache.get(taxonomy);
  if (known) return known;
  const relatives = new Map<string, string[]>();
  for (const family of taxonomy.families) {
    const stems = [...new Set(family.map(stem))];
    for (const term of stems) relatives.set(term, [...new Set([...(relatives.get(term) ?? []), ...stems.filter((other) => other !== term)])]);
  }
  cache.set(taxonomy, relatives);
  return relatives;
}
