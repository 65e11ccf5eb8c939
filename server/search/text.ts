/**
 * The one way search text is cut into words, shared by the offline embedder, the exact-term bonus
 * of the ranking and the highlighting on the search page, so the three always agree on what a
 * "term" is. Pure: safe to import from client components.
 */

// Function words carry little meaning for matching answers; they are kept, at a small weight, so a
// query made only of them still has a direction.
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all am an and any are as at be because been before being below between both but by " +
    "can could did do does doing down during each few for from further had has have having he her here hers him his how i " +
    "if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours out over " +
    "own same she should so some such than that the their theirs them then there these they this those through to too under " +
    "until up very was we were what when where which while who whom why will with would you your yours um uh like really " +
    "also usually maybe would think"
  ).split(" "),
);

/** Lower case, accents removed, everything but letters and digits turned into spaces. */
export function normalise(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function words(text: string): string[] {
  const n = normalise(text);
  return n ? n.split(" ") : [];
}

/** The words of a query worth matching exactly: distinct, not stop words. */
export function queryTerms(query: string): string[] {
  return [...new Set(words(query).filter((w) => !STOP_WORDS.has(w)))];
}

/**
 * A light suffix stripper (plurals, -ing, -ed, -ly), so "indexes", "indexing" and "index" meet.
 * Deliberately crude: it only has to map a word's common forms to one key, never to a real stem.
 */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (word.endsWith("ing") && word.length > 5) return word.slice(0, -3);
  if (word.endsWith("ed") && word.length > 4) return word.slice(0, -2);
  if (word.endsWith("ly") && word.length > 4) return word.slice(0, -2);
  if (/(x|ch|sh|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** A passage word matches a query term when their stems are equal, or when it extends a term of 4+ letters ("concurren" → "concurrently"). */
export function termMatches(word: string, term: string): boolean {
  return word === term || stem(word) === stem(term) || (term.length >= 4 && word.startsWith(term));
}

export type Highlighted = { text: string; match: boolean }[];

/** The passage cut into plain and matching pieces, the original spelling kept, for <mark>. */
export function highlight(content: string, terms: readonly string[]): Highlighted {
  const out: Highlighted = [];
  for (const piece of content.split(/([\p{L}\p{N}'’]+)/u)) {
    if (!piece) continue;
    const w = normalise(piece);
    const match = w !== "" && terms.some((t) => termMatches(w, t));
    const last = out[out.length - 1];
    if (last && last.match === match) last.text += piece;
    else out.push({ text: piece, match });
  }
  return out;
}
