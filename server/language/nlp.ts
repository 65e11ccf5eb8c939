import winkNLP, { type ItemEntity, type ItemSentence, type ItemToken } from "wink-nlp";
import model from "wink-eng-lite-web-model";

/* eslint-disable @typescript-eslint/unbound-method -- wink-nlp's `its.*` helpers are plain functions that its typings declare as methods; they are passed to out(), never called unbound */

/**
 * English tokens with part of speech, lemma and entity type, from wink-nlp's light English model
 * (a statistical tagger shipped in an npm package: no download at run time). The offline analyzer
 * reads answers through this: which words are actions (verbs), quantities and times (entities), and
 * which are function words.
 */
export type NlpToken = {
  /** Lower case surface form. */
  word: string;
  /** The form as written. */
  raw: string;
  lemma: string;
  /** Universal POS tag: VERB, NOUN, PROPN, ADJ, ADV, NUM, PRON, AUX, DET, ADP, PUNCT, ... */
  pos: string;
  stop: boolean;
  negated: boolean;
  /** The entity the token belongs to (DATE, TIME, DURATION, CARDINAL, PERCENT, MONEY, ...), if any. */
  entity: string | null;
};

export type NlpSentence = { text: string; tokens: NlpToken[] };

let nlp: ReturnType<typeof winkNLP> | undefined;

function instance() {
  nlp ??= winkNLP(model, ["sbd", "negation", "ner", "pos"]);
  return nlp;
}

/** The text's sentences (wink's boundary detection) with their tagged tokens. */
export function readText(text: string): NlpSentence[] {
  const n = instance();
  const its = n.its;
  const doc = n.readDoc(text);
  const entityOf = new Map<number, string>();
  doc.entities().each((e: ItemEntity) => {
    const [from, to] = e.out(its.span) as unknown as [number, number];
    const type = e.out<string>(its.type);
    for (let i = from; i <= to; i++) entityOf.set(i, type);
  });
  const sentences: NlpSentence[] = [];
  doc.sentences().each((s: ItemSentence) => {
    const tokens: NlpToken[] = [];
    s.tokens().each((t: ItemToken) => {
      if (t.out(its.type) === "punctuation") return;
      tokens.push({
        word: t.out<string>(its.normal).toLowerCase(),
        raw: t.out<string>(its.value),
        lemma: (t.out(its.lemma as Parameters<ItemToken["out"]>[0]) as string).toLowerCase(),
        pos: t.out<string>(its.pos),
        stop: t.out(its.stopWordFlag) as unknown as boolean,
        negated: t.out(its.negationFlag) as unknown as boolean,
        entity: entityOf.get(t.index()) ?? null,
      });
    });
    sentences.push({ text: s.out(), tokens });
  });
  return sentences;
}

/** All tokens of the text, sentence boundaries dropped. */
export function readTokens(text: string): NlpToken[] {
  return readText(text).flatMap((s) => s.tokens);
}
