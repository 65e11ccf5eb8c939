import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { activeSegmentIndex, TranscriptPanel } from "@/components/review/transcript-panel";
import type { ReviewTranscript } from "@/server/review/interview";
import { TRANSCRIPTION_ENGINES } from "@/server/transcription/transcript.schema";

const segments = [
  { start: 0.2, end: 3.1, text: "last march our queue backed up" },
  { start: 4.0, end: 6.5, text: "the pager fired on queue depth" },
  { start: 62.4, end: 64, text: "we have had no repeat since" },
];

const rough: ReviewTranscript = {
  text: segments.map((s) => s.text).join(" "),
  engine: "pocketsphinx",
  engineLabel: TRANSCRIPTION_ENGINES.pocketsphinx.label,
  rough: true,
  caution: TRANSCRIPTION_ENGINES.pocketsphinx.caution,
  segments,
};

describe("activeSegmentIndex", () => {
  it("lights the line that has started, keeps it lit through the pause after it, and none outside the speech", () => {
    expect(activeSegmentIndex(segments, null)).toBe(-1);
    expect(activeSegmentIndex(segments, 0.1)).toBe(-1);
    expect(activeSegmentIndex(segments, 0.2)).toBe(0);
    expect(activeSegmentIndex(segments, 3.5)).toBe(0);
    expect(activeSegmentIndex(segments, 4.0)).toBe(1);
    expect(activeSegmentIndex(segments, 63)).toBe(2);
    expect(activeSegmentIndex(segments, 70)).toBe(-1);
    expect(activeSegmentIndex([], 1)).toBe(-1);
  });
});

describe("TranscriptPanel", () => {
  it("lists one button per line with its time, marks the spoken one, and names the engine with its caution", () => {
    const html = renderToStaticMarkup(<TranscriptPanel responseId="r1" transcript={rough} currentTime={5} headingId="transcript-1" />);
    expect(html).toContain('<h3 id="transcript-1"');
    expect(html).toContain("PocketSphinx (offline)");
    expect(html).toContain("Transcribed offline by PocketSphinx: expect mistakes; check the recording before quoting it.");
    const buttons = [...html.matchAll(/<button type="button"( aria-current="true")?[^>]*>(.*?)<\/button>/g)];
    expect(
      buttons.map((b) =>
        b[2]!
          .replace(/<[^>]+>/g, " ")
          .replace(/\s+/g, " ")
          .trim(),
      ),
    ).toEqual(["0:00 last march our queue backed up", "0:04 the pager fired on queue depth", "1:02 we have had no repeat since"]);
    expect(buttons.map((b) => Boolean(b[1]))).toEqual([false, true, false]);
  });

  it("shows an accurate engine's transcript without a caution, and says so when no speech was recognised", () => {
    const accurate: ReviewTranscript = { ...rough, engine: "groq-whisper", engineLabel: "Groq Whisper", rough: false, caution: null, text: "", segments: [] };
    const html = renderToStaticMarkup(<TranscriptPanel responseId="r1" transcript={accurate} currentTime={null} headingId="t" />);
    expect(html).toContain("Groq Whisper");
    expect(html).not.toContain("expect mistakes");
    expect(html).toContain("No speech was recognised in this answer.");
    expect(html).not.toContain("<button");
  });
});
