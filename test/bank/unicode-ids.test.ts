import { describe, expect, it } from "vitest";
import { parseBankFiles } from "../../src/bank/index.js";
import { fileSlug } from "../../src/bank/story-id.js";
import { slugify, slugifyAnyScript } from "../../src/text/index.js";

const part = (n: number) => `**Situation:** Case ${n}. **Action:** I fixed it. **Result:** Done.\n`;
const INTL = [
  `## 🚀🚀🚀\n${part(1)}`,
  `## 客户投诉处理\n${part(2)}`,
  `## Миграция биллинга\n${part(3)}`,
  `## Über-schnelle Lösung für Kundenbeschwerden\n${part(4)}`,
];

function ids(sections: string[], name = "intl.md"): string[] {
  return parseBankFiles([{ path: name, bytes: Buffer.from(sections.join("\n"), "utf8"), sha256: "x" }]).stories.map((story) => story.id);
}

describe("ids of titles in other scripts", () => {
  it("come from the title's own letters, so deleting one story renames no other", () => {
    expect(ids(INTL)).toEqual(["intl-story", "intl-客户投诉处理", "intl-миграция-биллинга", "intl-uber-schnelle-losung-fur-kundenbeschwerden"]);
    expect(ids([INTL[0]!, INTL[2]!, INTL[3]!])).toEqual(["intl-story", "intl-миграция-биллинга", "intl-uber-schnelle-losung-fur-kundenbeschwerden"]);
    // Only a title with no letters at all stays positional.
    expect(ids([INTL[0]!, `## 🎯\n${part(5)}`])).toEqual(["intl-story", "intl-story-2"]);
  });

  it("keeps every title whose letters are all Latin exactly as slugify has it", () => {
    for (const title of ["Cut CI time in half", "Über-schnelle Lösung", "Straße café — don’t ‘quote’", "ＦＵＬＬ width", "3 AM pager storm", ""]) {
      expect(slugifyAnyScript(title)).toBe(slugify(title));
    }
    expect(slugifyAnyScript("Straße café")).toBe("stra-e-cafe");
  });

  it("keeps a mixed title's Latin words as the ASCII slug writes them, and other scripts' marks", () => {
    expect(slugifyAnyScript("Led the 東京 launch")).toBe("led-the-東京-launch");
    expect(slugifyAnyScript("Миграция биллинга (billing) v2 — café")).toBe("миграция-биллинга-billing-v2-cafe");
    expect(slugifyAnyScript("Йогурт")).toBe("йогурт");
    expect(slugifyAnyScript("ग्राहक शिकायत")).toBe("ग्राहक-शिकायत");
  });

  it("cuts a long title by characters, at a hyphen when there is one, never inside a character", () => {
    expect(slugifyAnyScript("客".repeat(70))).toBe("客".repeat(60));
    const astral = slugifyAnyScript("𠀀".repeat(70));
    expect(Array.from(astral)).toHaveLength(60);
    expect(astral).toBe("𠀀".repeat(60));
    expect(slugifyAnyScript(`${"миграция ".repeat(10)}`)).toBe(Array(6).fill("миграция").join("-"));
  });

  it("gives files named in other scripts a file slug of their own, and leaves ASCII names alone", () => {
    expect(fileSlug("banks/面试故事.md")).toBe("面试故事");
    expect(fileSlug("My Stories.md")).toBe("my-stories");
    expect(fileSlug("🚀.md")).toBe("bank");
    expect(ids([`## Cut CI time\n${part(1)}`], "истории.md")).toEqual(["истории-cut-ci-time"]);
  });
});
