// Finds vocabulary fitted to test data: a phrase of three or more words in analyzer source that a
// candidate says in an evaluation set or the fixture, but that no rubric, criterion, question, job
// title or description contains. An analyzer that knows such a phrase knows the answers it is
// tested on, not the language. tests/unit/analysis-vocabulary.test.ts runs it.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { isStopword, tokenize, words } from "../../server/analysis/text";
import { loadSets, ROOT } from "./sets";

const MIN_WORDS = 3;
/**
 * Words that are not stop words a phrase needs to count. With one, it is common English around a
 * single word ("the rest of", "a third of"), which says no more than the word alone; a phrase made
 * only of stop words says nothing at all.
 */
const MIN_CONTENT_WORDS = 2;

/** What candidates said (with where), and the texts a template gives every analyzer to read. */
export type Corpus = { answers: { where: string; text: string }[]; references: string[] };

type FixtureFile = {
  templates: { title: string; description: string; rubric: { competency: string; looks_for: string }[]; questions: { prompt: string; criteria: string }[] }[];
  candidates: { key: string; answers: Record<string, string> }[];
};

/** The fixture as shared with other projects and the seed's copy of it, which may drift apart. */
export const FIXTURE_FILES = ["../shared/fixtures/interviews.json", "server/seed/fixtures/interviews.json"];

export function testCorpus(): Corpus {
  const corpus: Corpus = { answers: [], references: [] };
  for (const set of loadSets("all")) {
    corpus.references.push(
      set.title,
      set.description,
      ...set.rubric.flatMap((r) => [r.competency, r.looksFor]),
      ...set.questions.flatMap((q) => [q.prompt, q.criteria]),
    );
    for (const c of set.candidates)
      for (const [q, text] of Object.entries(c.answers)) corpus.answers.push({ where: `tests/eval/sets/${set.id}.json ${c.key} ${q}`, text });
  }
  for (const file of FIXTURE_FILES) {
    const full = path.resolve(ROOT, file);
    // ../shared is beside the repository on a developer's machine, not in every clone.
    if (!existsSync(full)) continue;
    const fixture = JSON.parse(readFileSync(full, "utf8")) as FixtureFile;
    for (const t of fixture.templates) {
      corpus.references.push(
        t.title,
        t.description,
        ...t.rubric.flatMap((r) => [r.competency, r.looks_for]),
        ...t.questions.flatMap((q) => [q.prompt, q.criteria]),
      );
    }
    for (const c of fixture.candidates) for (const [q, text] of Object.entries(c.answers)) corpus.answers.push({ where: `${file} ${c.key} ${q}`, text });
  }
  return corpus;
}

/**
 * Stretches of source code that read as text, each with its words and their offsets. Strings,
 * comments and regular expressions keep their words together across spaces, commas, full stops and
 * line breaks ("// matches the\n// where clause" is one phrase); quotes, brackets, operators and
 * regex alternation end a stretch, so words of two string literals in a list never make one phrase.
 */
function sourceStretches(source: string): { norm: string; offset: number }[][] {
  const stretches: { norm: string; offset: number }[][] = [];
  for (const m of source.matchAll(/(?:[^"`()[\]{}=;<>+|&$\\^~']|(?<=[\p{L}\p{N}])'(?=[\p{L}\p{N}]))+/gu)) {
    const tokens = tokenize(m[0]).map((t) => ({ norm: t.norm, offset: m.index + t.start }));
    if (tokens.length >= MIN_WORDS) stretches.push(tokens);
  }
  return stretches;
}

export type FittedPhrase = { line: number; phrase: string; saidIn: string[] };

/** Fitted phrases in one source file's text, each the longest run of its words a candidate said. */
export function findFittedPhrases(source: string, corpus: Corpus): FittedPhrase[] {
  const padded = (text: string) => ` ${words(text).join(" ")} `;
  const answers = corpus.answers.map((a) => ({ where: a.where, text: padded(a.text) }));
  const references = corpus.references.map(padded);
  const said = (p: string) => answers.some((a) => a.text.includes(` ${p} `));
  const given = (p: string) => references.some((r) => r.includes(` ${p} `));

  const found: FittedPhrase[] = [];
  for (const tokens of sourceStretches(source)) {
    const ws = tokens.map((t) => t.norm);
    for (let i = 0; i + MIN_WORDS <= ws.length; i++) {
      // Longer phrases are said less often and given more rarely: grow until the phrase is not said.
      let fitted = 0;
      let longest = 0;
      for (let n = MIN_WORDS; i + n <= ws.length; n++) {
        const phrase = ws.slice(i, i + n);
        if (!said(phrase.join(" "))) break;
        longest = n;
        if (!fitted && phrase.filter((w) => !isStopword(w)).length >= MIN_CONTENT_WORDS && !given(phrase.join(" "))) fitted = n;
      }
      if (!fitted) continue;
      const phrase = ws.slice(i, i + longest).join(" ");
      found.push({
        line: source.slice(0, tokens[i]!.offset).split("\n").length,
        phrase,
        saidIn: answers.filter((a) => a.text.includes(` ${phrase} `)).map((a) => a.where),
      });
      i += longest - 1;
    }
  }
  return found;
}
