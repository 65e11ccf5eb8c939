import type { TranscriptSegment, TranscriptWord } from "./transcript.schema";

/** How timed words become transcript lines when the engine gives words but no sentences. */
export type SegmentRules = {
  /** A silence at least this long (seconds) ends a line: speakers pause between thoughts. */
  pauseSec: number;
  /** A shorter pause still ends a line that already has this many characters. */
  softPauseSec: number;
  softPauseChars: number;
  /**
   * No line runs longer than this many characters (two caption lines). A line that would is
   * broken at its longest pause, which is where a sentence most likely ended.
   */
  maxChars: number;
  /** Neither part of a line broken for length is shorter than this many characters. */
  minChars: number;
};

export const DEFAULT_SEGMENT_RULES: SegmentRules = { pauseSec: 0.8, softPauseSec: 0.15, softPauseChars: 40, maxChars: 84, minChars: 16 };

function segmentOf(words: TranscriptWord[]): TranscriptSegment {
  return { start: words[0]!.start, end: words[words.length - 1]!.end, text: words.map((w) => w.word).join(" "), words };
}

const lineLength = (words: TranscriptWord[]) => words.reduce((n, w, i) => n + (i > 0 ? 1 : 0) + w.word.length, 0);

/**
 * Where to cut a line that is full: after the word followed by the longest pause, among cuts that
 * leave both parts at least `minChars` long; at the end when there is no such cut.
 */
function cutIndex(line: TranscriptWord[], minChars: number): number {
  let best = line.length;
  let bestGap = -1;
  for (let i = 1; i < line.length; i++) {
    const gap = line[i]!.start - line[i - 1]!.end;
    if (gap > bestGap && lineLength(line.slice(0, i)) >= minChars && lineLength(line.slice(i)) >= minChars) {
      best = i;
      bestGap = gap;
    }
  }
  return best;
}

/**
 * Groups runs of timed words into segments. Each run (an utterance the engine decoded on its own)
 * starts a new segment; inside a run, lines break on pauses and at the length limit.
 */
export function segmentWords(runs: TranscriptWord[][], rules: SegmentRules = DEFAULT_SEGMENT_RULES): TranscriptSegment[] {
  const segments: TranscriptSegment[] = [];
  for (const run of runs) {
    let line: TranscriptWord[] = [];
    for (const word of run) {
      const previous = line[line.length - 1];
      if (previous) {
        const pause = word.start - previous.end;
        const chars = lineLength(line);
        if (pause >= rules.pauseSec || (pause >= rules.softPauseSec && chars >= rules.softPauseChars)) {
          segments.push(segmentOf(line));
          line = [];
        } else if (chars + 1 + word.word.length > rules.maxChars) {
          const cut = cutIndex(line, rules.minChars);
          segments.push(segmentOf(line.slice(0, cut)));
          line = line.slice(cut);
        }
      }
      line.push(word);
    }
    if (line.length > 0) segments.push(segmentOf(line));
  }
  return segments;
}

export function transcriptText(segments: TranscriptSegment[]): string {
  return segments
    .map((s) => s.text.trim())
    .filter(Boolean)
    .join(" ");
}
