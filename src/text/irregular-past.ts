/**
 * Irregular past forms of verbs: told without an "-ed", they are still
 * things done ("I took it on", "Built a model."). Not "was", "were", "had",
 * nor the forms that are as often present or nouns (`AMBIGUOUS_PAST_FORMS`),
 * nor "rose", as often a name.
 */
export const IRREGULAR_PAST_FORMS: ReadonlySet<string> = new Set([
  "became", "began", "bought", "broke", "brought", "built", "came", "caught", "chose", "dealt", "did", "drew", "drove", "dug", "fed", "fell",
  "felt", "fled", "flew", "forgot", "fought", "found", "froze", "gave", "got", "grew", "heard", "held", "hid", "hung", "kept", "knew",
  "laid", "led", "left", "lent", "lit", "lost", "made", "meant", "met", "mistook", "oversaw", "overcame", "overheard", "overtook", "outgrew",
  "paid", "ran", "rebuilt", "redid", "remade", "reran", "rewrote", "rode", "said", "sang", "sank", "sat", "saw", "shook", "shot", "shrank",
  "slept", "sold", "sought", "sent", "sped", "spent", "spoke", "stood", "struck", "stuck", "swore", "swung", "taught", "thought", "threw",
  "told", "took", "tore", "underwent", "understood", "undertook", "upheld", "went", "withdrew", "withheld", "woke", "won", "wound", "wrote",
]);

/** Past forms that are also present forms or nouns ("a budget cut", "I set goals each week"): past only where the sentence says so. */
export const AMBIGUOUS_PAST_FORMS: ReadonlySet<string> = new Set([
  "bet", "cost", "cut", "hit", "hurt", "let", "put", "quit", "read", "rerun", "reset", "set", "shut", "split", "spread", "upset",
]);
