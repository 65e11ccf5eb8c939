import type { TranscriptSegment } from "./transcript.schema";

/** The usual caption limit: two lines of about 42 characters fit a phone screen and read at a glance. */
export const CAPTION_LINE_CHARS = 42;
const LINES_PER_CUE = 2;
// A cue must end after it starts; a segment with no length still shows for a moment.
const MIN_CUE_SEC = 0.5;

function timestamp(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/** Cue text is markup in WebVTT: `<` opens a tag and `&` an entity, and "-->" would end the cue. */
export function escapeCueText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Lines of at most `width` characters, broken between words; a longer word gets a line of its own. */
export function wrapWords(words: string[], width = CAPTION_LINE_CHARS): string[][] {
  const lines: string[][] = [];
  let line: string[] = [];
  let length = 0;
  for (const word of words) {
    if (line.length > 0 && length + 1 + word.length > width) {
      lines.push(line);
      line = [];
      length = 0;
    }
    length += (line.length > 0 ? 1 : 0) + word.length;
    line.push(word);
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

type Cue = { start: number; end: number; lines: string[] };

/**
 * A segment longer than two lines becomes several cues in a row. Their times come from the
 * segment's word timings when those match its text word for word, else from each cue's share of
 * the characters.
 */
function segmentCues(segment: TranscriptSegment): Cue[] {
  const tokens = segment.text.split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return [];
  const lines = wrapWords(tokens);
  const groups: string[][][] = [];
  for (let i = 0; i < lines.length; i += LINES_PER_CUE) groups.push(lines.slice(i, i + LINES_PER_CUE));

  const end = Math.max(segment.end, segment.start + MIN_CUE_SEC);
  const timed = segment.words && segment.words.length === tokens.length ? segment.words : null;
  const totalChars = tokens.join(" ").length;
  const cues: Cue[] = [];
  let first = 0;
  let chars = 0;
  for (const [index, group] of groups.entries()) {
    const count = group.reduce((n, line) => n + line.length, 0);
    const text = group.map((line) => line.join(" "));
    const last = index === groups.length - 1;
    const cueStart = cues.length === 0 ? segment.start : cues[cues.length - 1]!.end;
    let cueEnd: number;
    if (last) cueEnd = end;
    else if (timed) cueEnd = timed[first + count]!.start;
    else {
      chars += text.join(" ").length + 1;
      cueEnd = segment.start + ((end - segment.start) * chars) / totalChars;
    }
    cues.push({ start: cueStart, end: Math.max(cueEnd, cueStart + 0.001), lines: text });
    first += count;
  }
  return cues;
}

/** The transcript as a WebVTT caption file, for a <track kind="captions"> on the recording. */
export function toWebVtt(segments: TranscriptSegment[]): string {
  const cues = segments.flatMap(segmentCues);
  const blocks = cues.map((cue, i) => `${i + 1}\n${timestamp(cue.start)} --> ${timestamp(cue.end)}\n${cue.lines.map(escapeCueText).join("\n")}`);
  return ["WEBVTT", ...blocks].join("\n\n") + "\n";
}
