"use client";

import { useCallback, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import { formatClock } from "@/components/format";
import { CameraPreview } from "./device-check";
import { useMemoryRecording } from "./use-memory-recording";
import type { Media } from "./use-media";

export const PRACTICE_PROMPT = "Practice: tell us about a place you like to visit, and why.";
const PRACTICE_LIMIT_MS = 30_000;

/**
 * A practice answer before the real questions: recorded and played back like a real one so the
 * candidate hears their sound and sees their framing, but kept in this page's memory only. It never
 * reaches the chunk store, the upload or the server, and is gone when the candidate moves on.
 */
export function PracticeQuestion({ media, onDone }: { media: Media; onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const { state: phase, elapsedMs, start: record, stop } = useMemoryRecording(PRACTICE_LIMIT_MS, setError);

  const start = useCallback(async () => {
    const stream = media.stream ?? (await media.request());
    if (!stream) return;
    setError(null);
    await record(stream);
  }, [media, record]);

  return (
    <section className="space-y-4" aria-labelledby="practice-title" data-testid="practice-question">
      <p className="text-sm font-medium text-slate-600">Practice question · not sent to the hiring team</p>
      <h2 id="practice-title" className="text-lg font-semibold text-slate-900 sm:text-xl">
        {PRACTICE_PROMPT}
      </h2>
      <p className="text-sm text-slate-600">
        Up to {PRACTICE_LIMIT_MS / 1000} seconds. This recording stays in this page only: it is never uploaded or saved, and it is gone when you start the
        interview.
      </p>
      {phase.kind === "recorded" ? (
        <video src={phase.url} controls playsInline aria-label="Your practice recording" className="aspect-video w-full rounded-lg bg-slate-900" />
      ) : (
        <CameraPreview stream={media.stream} />
      )}
      {phase.kind === "recording" ? (
        <div className="space-y-3">
          <p className="flex items-center gap-2 font-medium text-red-700" aria-live="polite">
            <span className="inline-block h-3 w-3 animate-pulse rounded-full bg-red-600" aria-hidden />
            Practising {formatClock(elapsedMs)} / {formatClock(PRACTICE_LIMIT_MS)}
          </p>
          <Progress value={elapsedMs} max={PRACTICE_LIMIT_MS} label="Practice time used" />
        </div>
      ) : null}
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <div className="flex flex-col gap-2 sm:flex-row">
        {phase.kind === "recording" ? (
          <Button variant="destructive" className="w-full sm:w-auto" onClick={() => void stop()}>
            Stop practising
          </Button>
        ) : (
          <Button variant="outline" className="w-full sm:w-auto" disabled={media.status !== "ready"} onClick={() => void start()}>
            {phase.kind === "recorded" ? "Practise again" : "Record a practice answer"}
          </Button>
        )}
        <Button className="w-full sm:w-auto" disabled={phase.kind === "recording"} onClick={onDone}>
          Start the interview
        </Button>
      </div>
    </section>
  );
}
