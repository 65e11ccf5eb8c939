import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { parseGroqTranscription } from "@/server/transcription/groq-response";

// Groq's verbose_json with both timestamp granularities: the OpenAI Whisper shape plus x_groq.
const VERBOSE = {
  task: "transcribe",
  language: "English",
  duration: 6.5,
  text: " Last March our payment webhook queue backed up. The pager fired.",
  words: [
    { word: "Last", start: 0.1, end: 0.4 },
    { word: "March", start: 0.4, end: 0.8 },
    { word: "our", start: 0.8, end: 1.0 },
    { word: "payment", start: 1.0, end: 1.5 },
    { word: "webhook", start: 1.5, end: 2.0 },
    { word: "queue", start: 2.0, end: 2.3 },
    { word: "backed", start: 2.3, end: 2.6 },
    { word: "up.", start: 2.6, end: 3.0 },
    { word: "The", start: 4.0, end: 4.2 },
    { word: "pager", start: 4.2, end: 4.6 },
    { word: "fired.", start: 4.6, end: 5.1 },
  ],
  segments: [
    {
      id: 0,
      seek: 0,
      start: 0,
      end: 3.2,
      text: " Last March our payment webhook queue backed up.",
      tokens: [50365, 5264],
      temperature: 0,
      avg_logprob: -0.21,
      compression_ratio: 1.1,
      no_speech_prob: 0.01,
    },
    {
      id: 1,
      seek: 0,
      start: 3.8,
      end: 5.2,
      text: " The pager fired.",
      tokens: [440, 3575],
      temperature: 0,
      avg_logprob: -0.3,
      compression_ratio: 0.9,
      no_speech_prob: 0.02,
    },
  ],
  x_groq: { id: "req_01" },
};

describe("parseGroqTranscription", () => {
  it("turns verbose_json into trimmed segments, each with its own words", () => {
    const parsed = parseGroqTranscription(VERBOSE);
    expect(parsed.language).toBe("English");
    expect(parsed.text).toBe("Last March our payment webhook queue backed up. The pager fired.");
    expect(parsed.segments.map((s) => [s.start, s.end, s.text, s.words?.length])).toEqual([
      [0, 3.2, "Last March our payment webhook queue backed up.", 8],
      [3.8, 5.2, "The pager fired.", 3],
    ]);
    expect(parsed.segments[1]!.words).toEqual([
      { word: "The", start: 4, end: 4.2 },
      { word: "pager", start: 4.2, end: 4.6 },
      { word: "fired.", start: 4.6, end: 5.1 },
    ]);
  });

  it("drops a segment Whisper made up over silence (likely no speech and unsure words)", () => {
    const parsed = parseGroqTranscription({
      ...VERBOSE,
      text: " The pager fired. Thank you.",
      segments: [VERBOSE.segments[1], { id: 2, seek: 0, start: 5.2, end: 6.5, text: " Thank you.", avg_logprob: -1.4, no_speech_prob: 0.93 }],
    });
    expect(parsed.segments.map((s) => s.text)).toEqual(["The pager fired."]);
    expect(parsed.text).toBe("The pager fired.");
  });

  it("reads an answer with no speech as an empty transcript", () => {
    expect(parseGroqTranscription({ text: "", language: "English", duration: 2, segments: [], words: [] })).toEqual({
      language: "English",
      text: "",
      segments: [],
    });
  });

  it("keeps the text as one timed line when the answer has words but no segments", () => {
    const parsed = parseGroqTranscription({
      text: " One month.",
      duration: 1.2,
      words: [
        { word: "One", start: 0.2, end: 0.5 },
        { word: "month.", start: 0.5, end: 0.9 },
      ],
    });
    expect(parsed).toEqual({
      language: null,
      text: "One month.",
      segments: [
        {
          start: 0.2,
          end: 1.2,
          text: "One month.",
          words: [
            { word: "One", start: 0.2, end: 0.5 },
            { word: "month.", start: 0.5, end: 0.9 },
          ],
        },
      ],
    });
  });

  it("clamps the small negative times Whisper sometimes reports", () => {
    const parsed = parseGroqTranscription({
      text: "Hi.",
      segments: [{ start: -0.02, end: 0.5, text: "Hi." }],
      words: [{ word: "Hi.", start: -0.02, end: 0.4 }],
    });
    expect(parsed.segments).toEqual([{ start: 0, end: 0.5, text: "Hi.", words: [{ word: "Hi.", start: 0, end: 0.4 }] }]);
  });

  it("refuses an answer that is not verbose_json, such as the plain json format's", () => {
    expect(() => parseGroqTranscription({ segments: "none" })).toThrow(ZodError);
    expect(() => parseGroqTranscription({ text: "ok", segments: [{ start: "0", end: 1, text: "ok" }] })).toThrow(ZodError);
    expect(() => parseGroqTranscription("Last March...")).toThrow(ZodError);
  });
});
