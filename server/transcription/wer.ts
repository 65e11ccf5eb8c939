/**
 * Words for scoring: lowercase, punctuation gone, hyphenated words split ("end-to-end" is three
 * words, as a recogniser hears it) and apostrophes kept inside words ("don't" stays one word).
 */
export function werWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}'\s-]+/gu, " ")
    .replace(/-+/g, " ")
    .split(/\s+/)
    .map((w) => w.replace(/^'+|'+$/g, ""))
    .filter(Boolean);
}

/**
 * Word error rate: (substitutions + deletions + insertions) / words in the reference, by word-level
 * edit distance. It can exceed 1 when the hypothesis adds many words. An empty reference scores 0
 * against an empty hypothesis and 1 against anything else.
 */
export function wordErrorRate(reference: string, hypothesis: string): number {
  const ref = werWords(reference);
  const hyp = werWords(hypothesis);
  if (ref.length === 0) return hyp.length === 0 ? 0 : 1;
  // One row of the edit-distance table at a time: memory stays O(hypothesis length).
  let prev = Array.from({ length: hyp.length + 1 }, (_, j) => j);
  for (let i = 1; i <= ref.length; i++) {
    const row = [i];
    for (let j = 1; j <= hyp.length; j++) {
      const substitution = prev[j - 1]! + (ref[i - 1] === hyp[j - 1] ? 0 : 1);
      row.push(Math.min(substitution, prev[j]! + 1, row[j - 1]! + 1));
    }
    prev = row;
  }
  return prev[hyp.length]! / ref.length;
}
