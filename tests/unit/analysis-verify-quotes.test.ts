import { describe, expect, it } from "vitest";
import { indexAnswer, locateQuote, verifyQuotes } from "@/server/analysis/verify-quotes";
import type { TranscriptSegment } from "@/server/transcription/transcript.schema";

const segments: TranscriptSegment[] = [
  {
    start: 0.5,
    end: 3.4,
    text: "I saw the deploy, rolled it back.",
    words: [
      { word: "I", start: 0.5, end: 0.7 },
      { word: "saw", start: 0.8, end: 1.1 },
      { word: "the", start: 1.2, end: 1.3 },
      { word: "deploy,", start: 1.4, end: 1.9 },
      { word: "rolled", start: 2.3, end: 2.7 },
      { word: "it", start: 2.8, end: 2.9 },
      { word: "back.", start: 3.0, end: 3.4 },
    ],
  },
  { start: 4.0, end: 6.0, text: "The queue drained in twenty minutes." },
];
const index = indexAnswer({ responseId: "r1", segments, text: "" });

describe("quote verification", () => {
  it("matches a quote that differs only in case, whitespace and punctuation, in the transcript's spelling, with word times", () => {
    expect(locateQuote(index, "DEPLOY   rolled it back")).toEqual({ quote: "deploy, rolled it back", responseId: "r1", startMs: 1400, endMs: 3400 });
  });

  it("spans segments and falls back to even shares of a segment's time without word timings", () => {
    // "The queue drained in twenty minutes" has 6 words over 4.0-6.0 s: "queue drained" is words 2-3.
    expect(locateQuote(index, "queue drained")).toEqual({ quote: "queue drained", responseId: "r1", startMs: 4333, endMs: 5000 });
    expect(locateQuote(index, "rolled it back. The queue")).toMatchObject({ quote: "rolled it back. The queue", startMs: 2300, endMs: 4667 });
  });

  it("gives a written answer's quote no times", () => {
    const written = indexAnswer({ responseId: "r2", segments: null, text: "Two months, negotiable." });
    expect(locateQuote(written, "two months negotiable")).toEqual({ quote: "Two months, negotiable", responseId: "r2", startMs: null, endMs: null });
  });

  it("drops a quote that is not verbatim and flags it, keeping the real ones", () => {
    const { evidence, flags } = verifyQuotes(index, ["rolled it back", "rolled back the deploy", "I fixed everything myself"]);
    expect(evidence.map((e) => e.quote)).toEqual(["rolled it back"]);
    expect(flags).toHaveLength(2);
    expect(flags.every((f) => f.kind === "unverified_quote" && f.responseId === "r1" && f.evidence.length === 0)).toBe(true);
    expect(flags[0]!.detail).toContain("rolled back the deploy");
  });

  it("does not match inside a word or across a missing word", () => {
    expect(locateQuote(index, "olled it back")).toBeNull();
    expect(locateQuote(index, "saw deploy")).toBeNull();
    expect(locateQuote(index, "...")).toBeNull();
  });
});
