import { describe, expect, it } from "vitest";
import { CAPTION_LINE_CHARS, escapeCueText, toWebVtt, wrapWords } from "@/server/transcription/webvtt";

/** The cues of a WebVTT file, checked against the format's rules on the way. */
function cues(vtt: string) {
  expect(vtt.startsWith("WEBVTT\n\n") || vtt === "WEBVTT\n").toBe(true);
  expect(vtt.endsWith("\n")).toBe(true);
  return vtt
    .trimEnd()
    .split("\n\n")
    .slice(1)
    .map((block) => {
      const [id, timing, ...lines] = block.split("\n");
      const match = /^(\d{2}):(\d{2}):(\d{2})\.(\d{3}) --> (\d{2}):(\d{2}):(\d{2})\.(\d{3})$/.exec(timing!);
      expect(match, `timing line "${timing}"`).not.toBeNull();
      const n = match!.slice(1).map(Number);
      const start = n[0]! * 3600 + n[1]! * 60 + n[2]! + n[3]! / 1000;
      const end = n[4]! * 3600 + n[5]! * 60 + n[6]! + n[7]! / 1000;
      expect(end).toBeGreaterThan(start);
      for (const line of lines) expect(line).not.toContain("-->");
      return { id, start, end, lines };
    });
}

describe("toWebVtt", () => {
  it("writes a header and one numbered cue per short segment with hh:mm:ss.mmm times", () => {
    const vtt = toWebVtt([
      { start: 0.07, end: 2.01, text: "Last March our webhook queue backed up." },
      { start: 3725.5, end: 3727.25, text: "One month." },
    ]);
    expect(vtt).toBe("WEBVTT\n\n1\n00:00:00.070 --> 00:00:02.010\nLast March our webhook queue backed up.\n\n2\n01:02:05.500 --> 01:02:07.250\nOne month.\n");
    expect(cues(vtt).map((c) => c.id)).toEqual(["1", "2"]);
  });

  it("escapes what WebVTT reads as markup, so a candidate's words are shown as said", () => {
    const vtt = toWebVtt([{ start: 1, end: 2, text: "if a < b && c > d --> <b>bold</b>" }]);
    // Lines are wrapped on the words as shown, not on their escaped length.
    expect(cues(vtt)[0]!.lines).toEqual(["if a &lt; b &amp;&amp; c &gt; d --&gt; &lt;b&gt;bold&lt;/b&gt;"]);
    expect(escapeCueText("Tom & Jerry <3")).toBe("Tom &amp; Jerry &lt;3");
  });

  it("keeps lines readable: at most two lines of 42 characters per cue, a long segment spread over several cues", () => {
    const text =
      "first I would run explain analyze to see where the time goes on fifty million rows it is usually a sequential scan from a missing index or a query the planner misjudges";
    const parsed = cues(toWebVtt([{ start: 10, end: 22, text }]));
    expect(parsed.length).toBeGreaterThan(1);
    for (const cue of parsed) {
      expect(cue.lines.length).toBeLessThanOrEqual(2);
      for (const line of cue.lines) expect(line.length).toBeLessThanOrEqual(CAPTION_LINE_CHARS);
    }
    expect(parsed.flatMap((c) => c.lines).join(" ")).toBe(text);
    // The cues follow each other without gaps or overlaps and cover the segment.
    expect(parsed[0]!.start).toBe(10);
    expect(parsed.at(-1)!.end).toBe(22);
    for (let i = 1; i < parsed.length; i++) expect(parsed[i]!.start).toBeCloseTo(parsed[i - 1]!.end, 3);
  });

  it("times the cues of a long segment from its words when they match the text", () => {
    const words = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"
      .split(" ")
      .map((word, i) => ({ word, start: i, end: i + 0.8 }));
    const parsed = cues(toWebVtt([{ start: 0, end: 19.8, text: words.map((w) => w.word).join(" "), words }]));
    expect(parsed.length).toBe(2);
    const firstWordOfSecondCue = parsed[1]!.lines[0]!.split(" ")[0]!;
    expect(parsed[1]!.start).toBe(words.find((w) => w.word === firstWordOfSecondCue)!.start);
  });

  it("gives a zero-length segment a moment on screen, and skips empty ones", () => {
    const parsed = cues(
      toWebVtt([
        { start: 4, end: 4, text: "Now." },
        { start: 5, end: 6, text: "   " },
      ]),
    );
    expect(parsed).toEqual([{ id: "1", start: 4, end: 4.5, lines: ["Now."] }]);
    expect(toWebVtt([])).toBe("WEBVTT\n");
  });
});

describe("wrapWords", () => {
  it("breaks between words, never inside one", () => {
    expect(wrapWords(["aaaa", "bbbb", "cccc"], 9)).toEqual([["aaaa", "bbbb"], ["cccc"]]);
    expect(wrapWords(["supercalifragilistic", "x"], 5)).toEqual([["supercalifragilistic"], ["x"]]);
  });
});
