import type { TranscriptWord } from "./transcript.schema";

// `-time yes` prints, per utterance, the hypothesis on one line and then one line per token:
// "<word> <start s> <end s> <posterior>". Times count from the start of the file.
const TOKEN_LINE = /^(\S+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)$/i;

// <s>, </s>, <sil>, and the noise fillers of the model's noisedict ([NOISE], [SPEECH], ++UH++ ...).
const FILLER = /^(<[^>]*>|\[[^\]]*\]|\+\+.*\+\+)$/;

/** "read(2)" is the second pronunciation of "read" in the dictionary: the word is "read". */
function spelling(token: string): string {
  return token.replace(/\(\d+\)$/, "");
}

// The recogniser spells the pronoun in lowercase like every other word; a reader expects "I".
function readable(word: string): string {
  return /^i('(m|d|ll|ve))?$/.test(word) ? `I${word.slice(1)}` : word;
}

/**
 * The timed words of pocketsphinx_continuous output, one array per utterance, without sentence
 * markers, silences, noise and pronunciation variants. Lines that are not token lines (the
 * hypothesis text, log lines) are skipped.
 */
export function parsePocketsphinxOutput(stdout: string): TranscriptWord[][] {
  const runs: TranscriptWord[][] = [];
  let run: TranscriptWord[] = [];
  const endRun = () => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (const line of stdout.split(/\r?\n/)) {
    const match = TOKEN_LINE.exec(line.trim());
    if (!match) continue;
    const token = match[1]!;
    if (token === "<s>" || token === "</s>") {
      endRun();
      continue;
    }
    if (FILLER.test(token)) continue;
    const word = spelling(token);
    if (!word) continue;
    const start = Number(match[2]);
    const end = Math.max(start, Number(match[3]));
    run.push({ word: readable(word), start, end });
  }
  endRun();
  return runs;
}
