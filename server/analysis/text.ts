/**
 * How the analysis reads words: case, accents and punctuation never decide whether two phrases are
 * the same words, so a quote that differs only in those still matches the transcript.
 */

/** A word in its comparable form: lower case, no accents, no punctuation. */
export function normalizeWord(raw: string): string {
  return raw
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

export type Token = { norm: string; start: number; end: number };

/**
 * Words of a text with their character offsets. Dashes and slashes separate words ("follow-up" is
 * "follow up"); other punctuation is dropped from inside a word ("don't" is "dont").
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/[^\s\-\u2010-\u2015/]+/gu)) {
    const norm = normalizeWord(m[0]);
    if (!norm) continue;
    const lead = m[0].search(/[\p{L}\p{N}]/u);
    const tail =
      m[0].length -
      1 -
      [...m[0]]
        .reverse()
        .join("")
        .search(/[\p{L}\p{N}]/u);
    tokens.push({ norm, start: m.index + Math.max(0, lead), end: m.index + tail + 1 });
  }
  return tokens;
}

export function words(text: string): string[] {
  return tokenize(text).map((t) => t.norm);
}

/** Sentences as they appear in the text (trimmed), split after . ! ? or a line break. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => words(s).length > 0);
}

const STOPWORDS = new Set(
  (
    "a an the and or but if then so of to in on at by for with from into over under about as is are was were be been being " +
    "it its this that these those there here i me my we our us you your he she they them their his her what which who whom " +
    "do does did done have has had having not no nor can could would should will shall may might must just very really also " +
    "than too only own same such up down out off again once any all each both few more most other some how when where why " +
    "one first then after before while during until because through within without per via am im ive id dont"
  ).split(" "),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

const SUFFIXES = ["ations", "ation", "ions", "ion", "ments", "ment", "ings", "ing", "ies", "ed", "es", "ly", "s", "e"];

/** A crude English stem, enough for "indexes"/"index", "measuring"/"measure", "listened"/"listening". */
export function stem(word: string): string {
  let w = word;
  for (let pass = 0; pass < 2; pass++) {
    const suffix = SUFFIXES.find((s) => w.length - s.length >= 4 && w.endsWith(s));
    if (!suffix) break;
    w = w.slice(0, -suffix.length);
  }
  return w;
}

/** Stems of the words that carry meaning. */
export function contentStems(text: string): string[] {
  return words(text)
    .filter((w) => !isStopword(w) && w.length > 1)
    .map(stem);
}

/** A long unpunctuated sentence (an offline transcript) is read in windows of this many words. */
const PASSAGE_WORDS = 25;

/**
 * The answer's passages, each a verbatim span of the text: its sentences, with a sentence longer
 * than PASSAGE_WORDS words (offline transcripts have no punctuation) cut into windows of that size.
 */
export function passages(text: string): string[] {
  const out: string[] = [];
  for (const sentence of splitSentences(text)) {
    const tokens = tokenize(sentence);
    if (tokens.length <= PASSAGE_WORDS * 1.6) {
      out.push(sentence);
      continue;
    }
    for (let i = 0; i < tokens.length; i += PASSAGE_WORDS) {
      const chunk = tokens.slice(i, i + PASSAGE_WORDS);
      out.push(sentence.slice(chunk[0]!.start, chunk[chunk.length - 1]!.end));
    }
  }
  return out;
}
