import { cosine, similarityScale } from "../../language/word-vectors";
import type { ContentWord, ReadPassage } from "./read-answer";

/**
 * How well a passage covers a criterion, by soft matching: each of the criterion's words finds its
 * best match among the passage's words (1 for the same word or lemma, else the similarity of their
 * vectors), and the matches are averaged weighted by each criterion word's informativeness, so
 * "concrete fix" is mostly about "fix". A negated word ("I did not apologise") matches nothing.
 *
 * Word-vector cosine is mapped onto 0..1 by two levels measured on the vectors themselves
 * (similarityScale in server/language/word-vectors), never on answers: the similarity that 95% of
 * random pairs of common words stay below maps to 0, the one only 1 pair in 1000 reaches maps to
 * NEAR_CREDIT, and a cosine of 1 to full credit. Vectors put related words close as well as
 * synonyms ("prevent" and "cause"), so no word but the same one earns full credit.
 */
export const NEAR_CREDIT = 0.75;

/**
 * A passage that names things but does nothing (no verb of action, no number or time) gets this share
 * of its match: naming a criterion is not covering it.
 */
const BARE_NAMING_CREDIT = 0.5;

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

export function wordMatch(t: ContentWord, u: ContentWord): number {
  if (u.negated) return 0;
  if (t.lemma === u.lemma || t.stem === u.stem || t.word === u.word) return 1;
  if (t.literal || !t.vector || !u.vector) return 0;
  const { unrelated, same } = similarityScale();
  const sim = cosine(t.vector, u.vector);
  if (sim <= same) return clamp01(((sim - unrelated) / (same - unrelated)) * NEAR_CREDIT);
  return NEAR_CREDIT + (1 - NEAR_CREDIT) * clamp01((sim - same) / (1 - same));
}

/** 0..1: how much of the criterion the passage's words say. */
export function alignment(criterion: ContentWord[], passage: ReadPassage): number {
  const total = criterion.reduce((s, t) => s + t.weight, 0);
  if (total === 0 || passage.content.length === 0) return 0;
  let matched = 0;
  for (const t of criterion) matched += t.weight * Math.max(0, ...passage.content.map((u) => wordMatch(t, u)));
  return matched / total;
}

/** The share of a passage's match it earns: full when it tells an action or a quantity. */
export function specificity(passage: ReadPassage): number {
  return passage.actions.size + passage.quantities > 0 ? 1 : BARE_NAMING_CREDIT;
}

export function passageCoverage(criterion: ContentWord[], passage: ReadPassage): number {
  return alignment(criterion, passage) * specificity(passage);
}
