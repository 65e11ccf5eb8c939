import { describe, expect, it } from "vitest";
import { parsePocketsphinxOutput } from "@/server/transcription/pocketsphinx-output";
import { DEFAULT_SEGMENT_RULES, segmentWords, transcriptText } from "@/server/transcription/segments";

// Real `pocketsphinx_continuous -time yes` output (Debian 5prealpha, en-us model) for festival
// speech of a fixture answer with a long silence in it, trimmed: per utterance the hypothesis
// line, then "<token> <start> <end> <posterior>" lines with times from the start of the file.
const OUTPUT = `last march our came and went up to back up
<s> 2.890 3.150 0.999700
last 3.160 3.550 0.997902
march 3.560 3.940 0.998301
our(3) 3.950 4.090 0.142812
came 4.100 4.380 0.008659
and(2) 4.390 4.490 0.473934
went 4.500 4.770 0.349091
up 4.780 5.010 0.253154
<sil> 5.020 5.070 0.577953
to(2) 5.080 5.280 0.775204
back 5.290 5.580 0.734816
up 5.590 5.740 0.628227
</s> 11.930 12.460 1.000000
i acknowledged within five minutes
<s> 15.060 15.150 0.998002
[NOISE] 15.160 15.400 0.400000
i 15.410 15.620 0.773964
acknowledged 15.630 16.250 0.512796
within 16.260 16.670 0.829343
<sil> 16.680 17.900 0.999600
five 17.910 18.200 0.999200
minutes 18.210 18.690 0.999200
</s> 18.700 18.720 1.000000
`;

describe("parsePocketsphinxOutput", () => {
  it("keeps the words with their times, one run per utterance, without markers, silences, noise or variant numbers", () => {
    const runs = parsePocketsphinxOutput(OUTPUT);
    expect(runs.map((run) => run.map((w) => w.word).join(" "))).toEqual(["last march our came and went up to back up", "I acknowledged within five minutes"]);
    expect(runs[0]![2]).toEqual({ word: "our", start: 3.95, end: 4.09 });
    expect(runs[1]![0]).toEqual({ word: "I", start: 15.41, end: 15.62 });
  });

  it("ignores hypothesis and log lines, including a hypothesis that happens to have four words", () => {
    expect(parsePocketsphinxOutput("we had no repeat\nINFO: ngram_search.c(301): TOTAL bestpath 0.06 CPU 0.002 xRT\n")).toEqual([]);
    expect(parsePocketsphinxOutput("")).toEqual([]);
  });

  it("spells the pronoun I and its contractions in capitals, and leaves other words alone", () => {
    const out = ["i 0.1 0.2 0.9", "i'm 0.3 0.4 0.9", "i've(2) 0.5 0.6 0.9", "it 0.7 0.8 0.9", "ideas 0.9 1.0 0.9"].join("\n");
    expect(parsePocketsphinxOutput(out)[0]!.map((w) => w.word)).toEqual(["I", "I'm", "I've", "it", "ideas"]);
  });
});

describe("segmentWords", () => {
  it("starts a segment at each utterance and at a long pause, with the segment's words and times", () => {
    const segments = segmentWords(parsePocketsphinxOutput(OUTPUT));
    expect(segments.map((s) => [s.start, s.end, s.text])).toEqual([
      [3.16, 5.74, "last march our came and went up to back up"],
      [15.41, 16.67, "I acknowledged within"],
      [17.91, 18.69, "five minutes"],
    ]);
    expect(segments[2]!.words).toEqual([
      { word: "five", start: 17.91, end: 18.2 },
      { word: "minutes", start: 18.21, end: 18.69 },
    ]);
    expect(transcriptText(segments)).toBe("last march our came and went up to back up I acknowledged within five minutes");
  });

  it("breaks a line at a short pause once it is long enough, and never lets one pass two caption lines", () => {
    let t = 0;
    const paused = Array.from({ length: 60 }, (_, i) => {
      const word = { word: `word${i}`, start: t, end: t + 0.3 };
      // A 0.3 s pause after every seventh word, 0.02 s between the others.
      t += i % 7 === 6 ? 0.6 : 0.32;
      return word;
    });
    const lines = segmentWords([paused]);
    expect(lines.map((s) => s.words!.length)).toEqual([7, 7, 7, 7, 7, 7, 7, 7, 4]);
    expect(lines.flatMap((s) => s.words!.map((w) => w.word))).toEqual(paused.map((w) => w.word));

    const unbroken = Array.from({ length: 60 }, (_, i) => ({ word: `word${i}`, start: i * 0.32, end: i * 0.32 + 0.3 }));
    const long = segmentWords([unbroken]);
    expect(long.length).toBeGreaterThan(1);
    for (const s of long) expect(s.text.length).toBeLessThanOrEqual(DEFAULT_SEGMENT_RULES.maxChars);
  });

  it("cuts a line that is full at its longest pause, where a sentence most likely ended", () => {
    // Two sentences of the strong answer's timings: only 0.1 s of silence between them.
    const first = "the pager fired on to a depth I acknowledged within five minutes".split(" ");
    const second = "a deploy had added a lock on the ledger table".split(" ");
    let t = 0;
    const words = [...first, ...second].map((word, i) => {
      if (i === first.length) t += 0.1;
      const w = { word, start: t, end: t + 0.29 };
      t += 0.3;
      return w;
    });
    expect(segmentWords([words]).map((s) => s.text)).toEqual([first.join(" "), second.join(" ")]);
  });

  it("makes nothing of no words", () => {
    expect(segmentWords([])).toEqual([]);
    expect(transcriptText([])).toBe("");
  });
});
