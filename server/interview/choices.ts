// Multiple-choice rules shared by the candidate's page, the interview procedures and the review. No
// zod here, like interview-rules.ts: this module ships to the candidate's browser.

export type ChoiceOption = { id: string; text: string; correct: boolean };

/** FNV-1a: a small, stable string hash, so the same seed always gives the same order on server and browser. */
function hash32(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a seeded generator, enough to shuffle a handful of options reproducibly. */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `items` in an order fixed by `seed` (Fisher-Yates with a seeded generator): each candidate sees
 * their own order, and a reload, another device or the review sees that same order again.
 */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  const next = generator(hash32(seed));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The seed of one candidate's option order for one question. */
export function optionSeed(invitationId: string, questionId: string): string {
  return `${invitationId}:${questionId}:options`;
}

/** A question with more than one correct option lets the candidate choose several. */
export function allowsSeveral(options: readonly Pick<ChoiceOption, "correct">[]): boolean {
  return options.filter((o) => o.correct).length > 1;
}

export type KeyResult = { score: number; correct: boolean; hits: number; wrong: number; keyed: number };

/**
 * Points by the key, from 0 to 1. One correct option: right or wrong. Several: each correct option
 * chosen earns its share and each wrong one chosen takes a share back, never below 0, so choosing
 * every option never beats knowing the answer. `correct` is the exact key.
 */
export function scoreByKey(options: readonly ChoiceOption[], chosen: readonly string[]): KeyResult {
  const picked = new Set(chosen);
  const keyed = options.filter((o) => o.correct).length;
  const hits = options.filter((o) => o.correct && picked.has(o.id)).length;
  const wrong = options.filter((o) => !o.correct && picked.has(o.id)).length;
  const score = keyed ? Math.max(0, hits - wrong) / keyed : 0;
  return { score: Math.round(score * 1000) / 1000, correct: hits === keyed && wrong === 0, hits, wrong, keyed };
}

/** The chosen options' words, in the question's order, as HR, search and the CSV read the answer. */
export function choiceText(options: readonly Pick<ChoiceOption, "id" | "text">[], chosen: readonly string[]): string {
  const picked = new Set(chosen);
  return options
    .filter((o) => picked.has(o.id))
    .map((o) => o.text)
    .join("\n");
}
