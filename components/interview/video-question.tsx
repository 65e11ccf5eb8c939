"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import type { InterviewQuestion } from "@/server/interview/state";
import { CameraPreview, DeviceCheck } from "./device-check";
import { formatClock, formatSpokenDuration } from "@/components/format";
import { recordedTake, takesLeft as takesLeftOf } from "./recorder-machine";
import type { UploadSnapshot } from "./upload-queue";
import { useVideoAnswer, type VideoAnswerOptions } from "./use-video-answer";

export type VideoQuestionProps = VideoAnswerOptions;

/**
 * One video question: think time, recording up to the time limit, playback, retakes within the
 * limit, and submission. What happens when is decided by the recorder machine and carried out by
 * useVideoAnswer; this only shows the step the candidate is at.
 */
export function VideoQuestion(props: VideoQuestionProps) {
  const { question, media } = props;
  const { state, thinkLeft, upload, begin, stop, retake, submit } = useVideoAnswer(props);
  const { step, error, offline, elapsedMs, timeLimitMs } = state;
  const takesLeft = takesLeftOf(state);
  const recorded = recordedTake(step);
  const cameraTrouble = media.status === "error" && (step.kind === "think" || step.kind === "starting");

  return (
    <div className="space-y-4">
      <QuestionLimits question={question} />

      {cameraTrouble ? (
        <DeviceCheck media={media} />
      ) : step.kind === "preparing" ? (
        <p className="text-sm text-slate-600">Getting your answer ready…</p>
      ) : step.kind === "think" || step.kind === "starting" ? (
        <div className="space-y-4">
          <CameraPreview stream={media.stream} />
          {question.thinkTimeSec > 0 ? (
            <p className="text-center text-lg font-medium" aria-live="polite">
              Recording starts in <span data-testid="think-countdown">{thinkLeft}</span> s
            </p>
          ) : null}
          <Button className="w-full sm:w-auto" loading={step.kind === "starting"} disabled={media.status === "requesting"} onClick={() => void begin()}>
            {question.thinkTimeSec > 0 ? "I'm ready, start recording" : "Start recording"}
          </Button>
        </div>
      ) : step.kind === "recording" || step.kind === "stopping" ? (
        <div className="space-y-4">
          <CameraPreview stream={media.stream} />
          <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
            <p className="flex items-center gap-2 whitespace-nowrap font-medium text-red-700" aria-live="polite">
              <span className="inline-block h-3 w-3 animate-pulse rounded-full bg-red-600" aria-hidden />
              Recording <span data-testid="recording-timer">{formatClock(elapsedMs)}</span> / {formatClock(timeLimitMs)}
            </p>
            <Button variant="destructive" className="w-full sm:w-auto" loading={step.kind === "stopping"} onClick={stop}>
              Stop recording
            </Button>
          </div>
          <Progress value={elapsedMs} max={timeLimitMs} label="Recording time used" />
          <UploadLine snapshot={upload} />
        </div>
      ) : recorded ? (
        <div className="space-y-4">
          {recorded.url ? (
            <video src={recorded.url} controls playsInline aria-label="Your recording" className="aspect-video w-full rounded-lg bg-slate-900" />
          ) : (
            <Alert tone="info">Your recording from an earlier visit is saved. You can submit it{takesLeft > 0 ? " or record the answer again" : ""}.</Alert>
          )}
          {recorded.interrupted && recorded.url ? (
            <Alert tone="info">
              This recording was cut short when the page closed. Everything recorded until then is kept: submit it
              {takesLeft > 0 ? ", or record the answer again" : ""}.
            </Alert>
          ) : null}
          {offline ? <Alert tone="warning">You are offline. Your answer is saved on this device and will be sent when the connection is back.</Alert> : null}
          <div className="flex flex-col gap-2 sm:flex-row">
            <Button className="w-full sm:w-auto" loading={step.kind === "submitting"} onClick={() => void submit()}>
              Submit answer
            </Button>
            {takesLeft > 0 ? (
              <Button variant="outline" className="w-full sm:w-auto" disabled={step.kind === "submitting"} onClick={retake}>
                Record again ({takesLeft} {takesLeft === 1 ? "try" : "tries"} left)
              </Button>
            ) : (
              <p className="self-center text-sm text-slate-600">No retakes left for this question.</p>
            )}
          </div>
          {/* Below the buttons: its text changes as the upload goes, and must not move them under the pointer. */}
          <UploadLine snapshot={upload} />
        </div>
      ) : null}
      {error ? <Alert tone="danger">{error}</Alert> : null}
    </div>
  );
}

function QuestionLimits({ question }: { question: InterviewQuestion }) {
  return (
    <p className="text-sm text-slate-600">
      Up to {formatSpokenDuration(question.timeLimitSec)} of video ·{" "}
      {question.thinkTimeSec > 0 ? `${formatSpokenDuration(question.thinkTimeSec)} to think first · ` : ""}
      {question.takesAllowed === 1 ? "one recording, no retakes" : `${question.takesAllowed} recordings allowed`}
    </p>
  );
}

function UploadLine({ snapshot }: { snapshot: UploadSnapshot | null }) {
  if (!snapshot) return null;
  const { phase, sent, recorded } = snapshot;
  let text: string;
  if (phase === "done") text = "Uploaded.";
  else if (phase === "offline") text = `Saved on this device. Waiting for the connection to upload (${sent} of ${recorded} parts sent)…`;
  else if (phase === "failed") text = `Upload failed: ${snapshot.error ?? "unknown error"}`;
  else if (phase === "cancelled") return null;
  else text = recorded ? `Saved on this device · uploading (${Math.min(sent, recorded)} of ${recorded} parts sent)` : "Saved on this device · uploading…";
  return (
    <p
      className={`text-sm ${phase === "failed" ? "text-red-700" : phase === "offline" ? "text-amber-700" : "text-slate-600"}`}
      data-testid="upload-status"
      data-phase={phase}
      aria-live="polite"
    >
      {text}
    </p>
  );
}
