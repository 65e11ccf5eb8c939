"use client";

import { useEffect, useRef } from "react";
import { formatDuration } from "@/components/format";
import { Badge, cn } from "@/components/ui";
import type { ReviewTranscript } from "@/server/review/interview";
import type { TranscriptSegment } from "@/server/transcription/transcript.schema";
import { seekTo } from "./seek";

/**
 * The line being spoken at `seconds`: the last one that has started, until the next one starts
 * (a pause between lines keeps the previous one lit). None before the first or after the last ends.
 */
export function activeSegmentIndex(segments: TranscriptSegment[], seconds: number | null): number {
  if (seconds === null) return -1;
  let active = -1;
  for (const [i, segment] of segments.entries()) {
    if (segment.start > seconds) break;
    active = i;
  }
  const last = segments[segments.length - 1];
  return last && active === segments.length - 1 && seconds > last.end ? -1 : active;
}

/**
 * One answer's transcript beside its recording: one line per segment with its time. A line is a
 * button that plays the recording from there; the line being spoken is highlighted.
 */
export function TranscriptPanel({
  responseId,
  transcript,
  currentTime,
  headingId,
}: {
  responseId: string;
  transcript: ReviewTranscript;
  currentTime: number | null;
  headingId: string;
}) {
  const active = activeSegmentIndex(transcript.segments, currentTime);
  const listRef = useRef<HTMLOListElement>(null);

  // Keeps the spoken line in view inside the panel's own scroll box, never scrolling the page.
  useEffect(() => {
    const list = listRef.current;
    const line = active >= 0 ? list?.children[active] : null;
    if (!list || !(line instanceof HTMLElement)) return;
    // The list is positioned, so a line's offsetTop is measured from the list's top.
    const top = line.offsetTop;
    if (top < list.scrollTop || top + line.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTop = Math.max(0, top - list.clientHeight / 3);
    }
  }, [active]);

  return (
    <section aria-labelledby={headingId} className="flex min-w-0 flex-col gap-2 rounded-md border border-slate-200 p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-sm font-semibold text-slate-900">
          Transcript
        </h3>
        <Badge tone={transcript.rough ? "warning" : "neutral"}>{transcript.engineLabel}</Badge>
      </div>
      {transcript.caution ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900 ring-1 ring-inset ring-amber-200">{transcript.caution}</p>
      ) : null}
      {transcript.segments.length > 0 ? (
        <ol
          ref={listRef}
          aria-label="Transcript lines: choose one to play the recording from there"
          className="relative max-h-80 space-y-0.5 overflow-y-auto pr-1"
        >
          {transcript.segments.map((segment, i) => (
            <li key={`${segment.start}-${i}`}>
              <button
                type="button"
                aria-current={i === active ? "true" : undefined}
                onClick={() => seekTo(responseId, Math.round(segment.start * 1000))}
                className={cn(
                  "flex w-full gap-3 rounded px-2 py-1 text-left text-sm text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600",
                  i === active && "bg-brand-100 text-slate-950 ring-1 ring-inset ring-brand-300 hover:bg-brand-100",
                )}
              >
                <span className="shrink-0 tabular-nums text-slate-500">{formatDuration(Math.floor(segment.start) * 1000)}</span>
                <span className="min-w-0 break-words">{segment.text}</span>
              </button>
            </li>
          ))}
        </ol>
      ) : (
        <p className="whitespace-pre-wrap text-sm text-slate-800">{transcript.text || "No speech was recognised in this answer."}</p>
      )}
    </section>
  );
}
