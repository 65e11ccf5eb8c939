"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { formatClock, formatDuration } from "@/components/format";
import { useTRPC } from "@/components/trpc/client";
import { Badge, Select } from "@/components/ui";
import type { ReviewTranscript } from "@/server/review/interview";
import { WATCHED_FRACTION } from "@/server/review/watched.schema";
import { PLAYBACK_RATES, playedFraction, playerCommand } from "./player-controls";
import { SEEK_EVENT, type SeekDetail } from "./seek";
import { TranscriptPanel } from "./transcript-panel";

// Announced by a player that starts playing: every other player on the page pauses.
const PLAYING_EVENT = "aivi:playing";

/** The players of the page in reading order, for N / Shift+N. */
function neighbourPlayer(from: HTMLElement, step: 1 | -1): HTMLVideoElement | null {
  const players = [...document.querySelectorAll<HTMLElement>("[data-answer-player]")];
  const next = players[players.indexOf(from) + step];
  return next?.querySelector("video") ?? null;
}

/**
 * A recorded answer's player. The signed URL expires an hour after the page was rendered; when
 * playback fails, the page is refreshed once for a new URL instead of leaving a dead player.
 * Anything on the page can make it play from a moment with seekTo(responseId, ms)
 * (components/review/seek.ts). One player plays at a time; with focus in it, Space/K, J/L and
 * N/Shift+N drive it; the speed goes from 1× to 2×; when the reviewer has played 90 % of the
 * recording (the ranges actually played, not the furthest point reached) the server records it
 * and the answer shows "Reviewed" for them.
 */
export function RecordingPlayer({
  responseId,
  url,
  contentType,
  label,
  durationMs = null,
  posterUrl = null,
  captionsUrl = null,
  captionsLabel = "Transcript",
  onTimeChange,
}: {
  responseId: string;
  url: string;
  contentType: string;
  label: string;
  durationMs?: number | null;
  posterUrl?: string | null;
  captionsUrl?: string | null;
  captionsLabel?: string;
  onTimeChange?: (seconds: number) => void;
}) {
  const router = useRouter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refreshed = useRef(false);
  const videoRef = useRef<HTMLVideoElement>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const speedId = useId();
  const [current, setCurrent] = useState(0);
  const [mediaDuration, setMediaDuration] = useState<number | null>(null);
  const [rate, setRate] = useState<number>(1);

  const watchedOptions = trpc.playback.watched.queryOptions({ responseId });
  const watched = useQuery(watchedOptions);
  const mark = useMutation(
    trpc.playback.markWatched.mutationOptions({
      onSuccess: (row) => queryClient.setQueryData(watchedOptions.queryKey, { watchedAt: row.watchedAt }),
    }),
  );
  const reviewed = Boolean(watched.data?.watchedAt);

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
    function onOtherPlaying(event: Event) {
      if ((event as CustomEvent<string>).detail !== responseId) videoRef.current?.pause();
    }
    window.addEventListener(SEEK_EVENT, onSeek);
    window.addEventListener(PLAYING_EVENT, onOtherPlaying);
    return () => {
      window.removeEventListener(SEEK_EVENT, onSeek);
      window.removeEventListener(PLAYING_EVENT, onOtherPlaying);
    };
  }, [responseId]);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    video.defaultPlaybackRate = rate;
    video.playbackRate = rate;
  }, [rate]);

  const durationSec = mediaDuration ?? (durationMs ? durationMs / 1000 : null);

  function checkWatched(video: HTMLVideoElement) {
    if (reviewed || mark.isPending || mark.isSuccess || !durationSec) return;
    const fraction = playedFraction(video.played, durationSec);
    if (fraction >= WATCHED_FRACTION) mark.mutate({ responseId, playedFraction: Math.min(1, fraction) });
  }

  function onTime(video: HTMLVideoElement) {
    setCurrent(video.currentTime);
    onTimeChange?.(video.currentTime);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    // The speed picker and any other control keep their own keys.
    if (target !== videoRef.current && target !== wrapperRef.current) return;
    // On the video itself the browser's own controls already toggle on Space; handling it too would undo it.
    if (event.key === " " && target === videoRef.current) return;
    const command = playerCommand(event);
    const video = videoRef.current;
    if (!command || !video) return;
    event.preventDefault();
    if (command.kind === "toggle") {
      if (video.paused) video.play().catch(() => {});
      else video.pause();
    } else if (command.kind === "skip") {
      const end = Number.isFinite(video.duration) ? video.duration : (durationSec ?? video.currentTime);
      video.currentTime = Math.min(Math.max(0, video.currentTime + command.seconds), end);
    } else {
      const next = wrapperRef.current ? neighbourPlayer(wrapperRef.current, command.step) : null;
      if (!next) return;
      video.pause();
      next.focus();
      const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      next.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
    }
  }

  return (
    <div ref={wrapperRef} data-answer-player={responseId} className="space-y-2" onKeyDown={onKeyDown}>
      <video
        ref={videoRef}
        controls
        playsInline
        preload="metadata"
        tabIndex={0}
        src={url}
        poster={posterUrl ?? undefined}
        aria-label={label}
        aria-keyshortcuts="Space K J L N Shift+N"
        className="aspect-video w-full rounded-md bg-black"
        onLoadedMetadata={(e) => {
          const d = e.currentTarget.duration;
          if (Number.isFinite(d) && d > 0) setMediaDuration(d);
          e.currentTarget.playbackRate = rate;
        }}
        onPlay={() => window.dispatchEvent(new CustomEvent<string>(PLAYING_EVENT, { detail: responseId }))}
        onTimeUpdate={(e) => {
          onTime(e.currentTarget);
          checkWatched(e.currentTarget);
        }}
        onSeeked={(e) => onTime(e.currentTarget)}
        onPause={(e) => checkWatched(e.currentTarget)}
        onEnded={(e) => checkWatched(e.currentTarget)}
        onError={() => {
          if (refreshed.current) return;
          refreshed.current = true;
          router.refresh();
        }}
      >
        {captionsUrl ? <track kind="captions" default src={captionsUrl} label={captionsLabel} /> : null}
        Your browser cannot play this recording ({contentType}).
      </video>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-700">
        <span className="tabular-nums" data-testid="player-time">
          {formatClock(current * 1000)} / {durationSec ? formatDuration(durationSec * 1000) : "–:––"}
        </span>
        <span className="flex items-center gap-2">
          <label htmlFor={speedId}>Speed</label>
          <Select id={speedId} value={String(rate)} onChange={(e) => setRate(Number(e.target.value))} className="h-8 w-24">
            {PLAYBACK_RATES.map((r) => (
              <option key={r} value={r}>
                {r}×
              </option>
            ))}
          </Select>
        </span>
        {reviewed ? (
          <Badge tone="success" title={`You watched at least ${WATCHED_FRACTION * 100} % of this answer`}>
            Reviewed
          </Badge>
        ) : null}
        <span className="text-xs text-slate-600">Keys: Space or K play/pause · J/L 10 s back/forward · N/Shift+N next/previous answer</span>
      </div>
    </div>
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
  playback: { url: string; contentType: string; posterUrl: string | null; durationMs: number | null } | null;
  label: string;
  transcript: ReviewTranscript | null;
  captionsUrl: string | null;
  transcriptHeadingId: string;
}) {
  const [time, setTime] = useState<number | null>(null);
  if (!transcript) {
    return playback ? (
      <RecordingPlayer
        responseId={responseId}
        url={playback.url}
        contentType={playback.contentType}
        posterUrl={playback.posterUrl}
        durationMs={playback.durationMs}
        label={label}
      />
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
            durationMs={playback.durationMs}
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
