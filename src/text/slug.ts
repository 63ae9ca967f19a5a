/** URL- and id-safe form of a text: lower case ASCII words joined by hyphens, cut at a word boundary. */
export function slugify(text: string, maxLength = 60): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019']/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : slug.slice(0, maxLength)).replace(/-+$/, "");
}

// A letter of a script other than Latin (Cyrillic, Han, Arabic, ...): the ASCII slug would drop it.
const NON_LATIN_LETTER = /[^\P{L}\p{Script=Latin}]/u;
// Accents on Latin letters go, as in the ASCII slug; marks on other scripts' letters are part of their spelling.
const LATIN_ACCENTS = /(\p{Script=Latin})[\u0300-\u036f]+/gu;

/**
 * Like `slugify`, but a text with letters of other scripts keeps them, lower
 * cased ("Миграция биллинга" is "миграция-биллинга", "客户投诉处理" stays), so
 * such titles get ids of their own. A text whose letters are all Latin gets
 * exactly `slugify`'s slug.
 */
export function slugifyAnyScript(text: string, maxLength = 60): string {
  if (!NON_LATIN_LETTER.test(text)) return slugify(text, maxLength);
  const characters = Array.from(
    text
      .normalize("NFKD")
      .replace(LATIN_ACCENTS, "$1")
      .normalize("NFC")
      .replace(/[\u2018\u2019']/g, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}]+/gu, "-")
      .replace(/^-+|-+$/g, ""),
  );
  if (characters.length <= maxLength) return characters.join("");
  // Cut as `slugify` does, counting characters (not UTF-16 units) so no character is split.
  const cut = characters.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : characters.slice(0, maxLength)).join("").replace(/-+$/, "");
}
