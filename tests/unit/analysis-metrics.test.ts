import { describe, expect, it } from "vitest";
import { speakingMetrics } from "@/server/analysis/metrics";
import type { TranscriptSegment } from "@/server/transcription/transcript.schema";

/** One segment whose words start every `step` seconds, each lasting 0.3 s, with `gaps` added after given words. */
function segment(text: string, start: number, gaps: Record<number, number> = {}): TranscriptSegment {
  let t = start;
  const words = text.split(" ").map((word, i) => {
    const w = { word, start: t, end: t + 0.3 };
    t += 0.4 + (gaps[i] ?? 0);
    return w;
  });
  return { start, end: words[words.length - 1]!.end, text, words };
}

describe("speaking metrics", () => {
  it("measures pace over the speaking time and counts silences of 1.5 s or more between words", () => {
    const m = speakingMetrics([segment("we rolled it back and the queue drained", 1, { 2: 1.6, 5: 0.9 }), segment("then I wrote the report", 8.5)]);
    expect(m.wordCount).toBe(13);
    // Gaps: 1.7 s after "it", 1.0 s after "the" (not a pause), 1.9 s between the segments.
    expect(m.pauseCount).toBe(2);
    expect(m.longestPauseSec).toBeCloseTo(1.9, 5);
    expect(m.durationSec).toBeCloseTo(9.4, 5);
    expect(m.wordsPerMinute).toBeCloseTo((13 / 9.4) * 60, 0);
  });

  it("counts fillers, and 'like' / 'you know' / 'I mean' only where they are fillers", () => {
    const m = speakingMetrics([segment("um so I would like to uh say that it was, like, you know, slow and I mean it, you know what it does", 0)]);
    // um, uh, "like," (set off), "you know," (set off); not "would like", not "I mean it", not "you know what".
    expect(m.fillerWords).toBe(4);
    expect(m.fillerRate).toBeCloseTo(4 / m.wordCount, 4);
  });

  it("uses segment gaps when there are no word timings", () => {
    const m = speakingMetrics([
      { start: 0, end: 2, text: "first part here" },
      { start: 4, end: 5, text: "second" },
      { start: 5.5, end: 6, text: "third" },
    ]);
    expect(m).toMatchObject({ wordCount: 5, pauseCount: 1, longestPauseSec: 2, durationSec: 6, wordsPerMinute: 50 });
  });

  it("is all zeros for silence", () => {
    expect(speakingMetrics([])).toEqual({ wordCount: 0, durationSec: 0, wordsPerMinute: 0, pauseCount: 0, longestPauseSec: 0, fillerWords: 0, fillerRate: 0 });
  });
});
