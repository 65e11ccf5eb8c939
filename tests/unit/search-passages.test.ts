import { describe, expect, it } from "vitest";
import { interviewFixture } from "@/server/seed/fixture";
import { MAX_PASSAGE_WORDS, textPassages, transcriptPassages } from "@/server/search/passages";

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
const sentenceCount = (s: string) => s.split(/(?<=[.!?])\s+/).length;

describe("transcript passages", () => {
  const answer = interviewFixture.candidates[0]!.answers.q1!;
  const sentences = answer.split(/(?<=[.!?])\s+/);
  let t = 3;
  const segments = sentences.map((text) => {
    const start = t;
    t += wordCount(text) * 0.4;
    return { start, end: t, text };
  });

  it("groups sentences into passages of at most 3 sentences and 60 words, losing nothing", () => {
    const passages = transcriptPassages(segments);
    expect(passages.length).toBeGreaterThan(1);
    expect(passages.map((p) => p.content).join(" ")).toBe(answer);
    for (const p of passages) {
      expect(wordCount(p.content)).toBeLessThanOrEqual(MAX_PASSAGE_WORDS);
      expect(sentenceCount(p.content)).toBeLessThanOrEqual(3);
    }
    expect(passages.map((p) => p.ordinal)).toEqual(passages.map((_, i) => i));
  });

  it("times each passage in milliseconds from its first to its last sentence", () => {
    const passages = transcriptPassages(segments);
    expect(passages[0]!.startMs).toBe(3000);
    expect(passages.at(-1)!.endMs).toBe(Math.round(t * 1000));
    for (let i = 1; i < passages.length; i += 1) expect(passages[i]!.startMs).toBe(passages[i - 1]!.endMs);
  });

  it("cuts a long unpunctuated segment (offline recognisers) into equal timed runs", () => {
    const text = Array.from({ length: 150 }, (_, i) => `word${i}`).join(" ");
    const passages = transcriptPassages([{ start: 0, end: 60, text }]);
    expect(passages.map((p) => wordCount(p.content))).toEqual([50, 50, 50]);
    expect(passages.map((p) => [p.startMs, p.endMs])).toEqual([
      [0, 20_000],
      [20_000, 40_000],
      [40_000, 60_000],
    ]);
  });

  it("takes a sentence's times from its words when the segment has them", () => {
    const words = "One two. Three four.".split(" ").map((word, i) => ({ word, start: 10 + i, end: 10.5 + i }));
    const text = "One two. Three four. ".repeat(1).trim();
    const long = Array.from({ length: 58 }, () => "filler").join(" ");
    const passages = transcriptPassages([
      { start: 10, end: 14, text, words },
      { start: 14, end: 40, text: `${long}.` },
    ]);
    expect(passages[0]).toMatchObject({ content: "One two. Three four.", startMs: 10_000, endMs: 13_500 });
    expect(passages[1]).toMatchObject({ startMs: 14_000, endMs: 40_000 });
  });

  it("skips empty segments", () => {
    expect(transcriptPassages([{ start: 0, end: 1, text: "  " }])).toEqual([]);
  });
});

describe("text passages", () => {
  it("splits a written answer into untimed passages by sentences and paragraphs", () => {
    const passages = textPassages("One month.\n\nI can start sooner if needed. Ask me! Really? Yes.");
    expect(passages.map((p) => p.content)).toEqual(["One month. I can start sooner if needed. Ask me!", "Really? Yes."]);
    expect(passages.every((p) => p.startMs === null && p.endMs === null)).toBe(true);
  });
});
