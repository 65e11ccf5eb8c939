"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { ReviewTranscript } from "@/server/review/interview";
import { SEEK_EVENT, type SeekDetail } from "./seek";
import { TranscriptPanel } from "./transcript-panel";

/**
 * The signed URL expires an hour after the page was rendered; when playback fails, the page is
 * refreshed once for a new URL instead of leaving a dead player. Anything on the page can make it
 * play from a moment with seekTo(responseId, ms) (components/review/seek.ts).
 */
export function RecordingPlayer({
  responseId,
  url,
  contentType,
  label,
  posterUrl = null,
  captionsUrl = null,
  captionsLabel = "Transcript",
  onTimeChange,
}: {
  responseId: string;
  url: string;
  contentType: string;
  label: string;
  posterUrl?: string | null;
  captionsUrl?: string | null;
  captionsLabel?: string;
  onTimeChange?: (seconds: number) => void;
}) {
  const router = useRouter();
  const refreshed = useRef(false);
  const videoRef = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    function onSeek(event: Event) {
      const detail = (event as CustomEvent<SeekDetail>).detail;
      const video = videoRef.current;
      if (!video || detail?.responseId !== responseId) return;
      const playFrom = () => {
        video.currentTime = detail.ms / 1000;
        // Refused only without a user gesture; the seek itself has happened and the controls remain.
        video.play().catch(() => {});
      };
      if (video.readyState >= HTMLMediaElement.HAVE_METADATA) playFrom();
      else video.addEventListener("loadedmetadata", playFrom, { once: true });
      const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      video.scrollIntoView({ block: "nearest", behavior: still ? "auto" : "smooth" });
    }
    window.addEventListener(SEEK_EVENT, onSeek);
    return () => window.removeEventListener(SEEK_EVENT, onSeek);
  }, [responseId]);

  return (
    <video
      ref={videoRef}
      controls
      playsInline
      preload="metadata"
      src={url}
      poster={posterUrl ?? undefined}
      aria-label={label}
      className="aspect-video w-full rounded-md bg-black"
      onTimeUpdate={onTimeChange ? (e) => onTimeChange(e.currentTarget.currentTime) : undefined}
      onSeeked={onTimeChange ? (e) => onTimeChange(e.currentTarget.currentTime) : undefined}
      onError={() => {
        if (refreshed.current) return;
        refreshed.current = true;
        router.refresh();
      }}
    >
      {captionsUrl ? <track kind="captions" default src={captionsUrl} label={captionsLabel} /> : null}
      Your browser cannot play this recording ({contentType}).
    </video>
  );
}

/**
 * A recorded answer with its transcript beside it (below it on a narrow card): the player tells
 * the panel where playback is, and the panel's lines seek the player.
 */
export function AnswerRecording({
  responseId,
  playback,
  label,
  transcript,
  captionsUrl,
  transcriptHeadingId,
}: {
  responseId: string;
  playback: { url: string; contentType: string; posterUrl: string | null } | null;
  label: string;
  transcript: ReviewTranscript | null;
  captionsUrl: string | null;
  transcriptHeadingId: string;
}) {
  const [time, setTime] = useState<number | null>(null);
  if (!transcript) {
    return playback ? (
      <RecordingPlayer responseId={responseId} url={playback.url} contentType={playback.contentType} posterUrl={playback.posterUrl} label={label} />
    ) : null;
  }
  return (
    <div className="@container">
      <div className="grid gap-3 @2xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] @2xl:items-start">
        {playback ? (
          <RecordingPlayer
            responseId={responseId}
            url={playback.url}
            contentType={playback.contentType}
            posterUrl={playback.posterUrl}
            label={label}
            captionsUrl={captionsUrl}
            captionsLabel={`Transcript by ${transcript.engineLabel}`}
            onTimeChange={setTime}
          />
        ) : null}
        <TranscriptPanel responseId={responseId} transcript={transcript} currentTime={time} headingId={transcriptHeadingId} />
      </div>
    </div>
  );
}
