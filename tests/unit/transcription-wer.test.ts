import { describe, expect, it } from "vitest";
import { werWords, wordErrorRate } from "@/server/transcription/wer";

describe("wordErrorRate", () => {
  it("is 0 for the same words, whatever the case and punctuation", () => {
    expect(wordErrorRate("Last March, our queue backed up!", "last march our queue backed up")).toBe(0);
    expect(wordErrorRate("I don't remember.", "i don’t remember")).toBe(0);
  });

  it("counts substitutions, deletions and insertions against the reference's length", () => {
    expect(wordErrorRate("one two three four", "one too three four")).toBe(0.25);
    expect(wordErrorRate("one two three four", "one three four")).toBe(0.25);
    expect(wordErrorRate("one two three four", "one two two three four")).toBe(0.25);
    expect(wordErrorRate("one two three four", "four three two one")).toBe(1);
    expect(wordErrorRate("one two", "")).toBe(1);
  });

  it("can exceed 1 when the hypothesis adds more words than the reference has", () => {
    expect(wordErrorRate("yes", "yes yes yes")).toBe(2);
  });

  it("scores an empty reference 0 against silence and 1 against anything said", () => {
    expect(wordErrorRate("", "")).toBe(0);
    expect(wordErrorRate(" . ", "")).toBe(0);
    expect(wordErrorRate("", "hello")).toBe(1);
  });
});

describe("werWords", () => {
  it("lowercases, drops punctuation, splits hyphens and keeps apostrophes inside words", () => {
    expect(werWords("Pyramid: many unit tests, fewer end-to-end. EXPLAIN ANALYZE! 'quoted' don't")).toEqual([
      "pyramid",
      "many",
      "unit",
      "tests",
      "fewer",
      "end",
      "to",
      "end",
      "explain",
      "analyze",
      "quoted",
      "don't",
    ]);
  });
});
