"use client";

import { TRPCClientError } from "@trpc/client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Alert, Button, Progress } from "@/components/ui";
import { errorMessage, useTRPCClient } from "@/components/trpc/client";
import type { SubmittedAnswer } from "@/server/interview/answers";
import type { InterviewQuestion } from "@/server/interview/state";
import { chunkStore, takeKey, type ChunkStore } from "./chunk-store";
import { CameraPreview, DeviceCheck } from "./device-check";
import { clock, spokenDuration } from "./format";
import { startRecording, type Recording } from "./recorder";
import { untilAnswered } from "./retry";
import { createUploadApi } from "./upload-api";
import { TakeUploader, type UploadSnapshot } from "./upload-queue";
import type { Media } from "./use-media";

type Recorded = { take: number; url: string | null; durationMs: number; interrupted: boolean };

type Step =
  | { kind: "preparing" }
  | { kind: "think" }
  | { kind: "starting" }
  | { kind: "recording"; take: number }
  | { kind: "stopping"; take: number }
  | ({ kind: "review" } & Recorded)
  | ({ kind: "submitting" } & Recorded);

type Active = { recording: Recording; key: string; take: number };

export type VideoQuestionProps = {
  token: string;
  invitationId: string;
  question: InterviewQuestion;
  media: Media;
  /** The answer is in; null when it turned out to be in already (a reply lost on the way back). */
  onSubmitted: (result: SubmittedAnswer | null) => void;
};

function isAlreadySubmitted(error: unknown) {
  return error instanceof TRPCClientError && error.data?.code === "CONFLICT" && /already been submitted/.test(error.message);
}

/**
 * One video question: think time, recording up to the time limit, playback, retakes within the
 * limit, and submission. Every recorded chunk goes to the local store first and is uploaded from
 * there, so the answer survives reloads and lost connections; on mount the question picks up
 * whatever an earlier visit left (a local recording, an upload still open on the server).
 */
export function VideoQuestion({ token, invitationId, question, media, onSubmitted }: VideoQuestionProps) {
  const client = useTRPCClient();
  const api = useMemo(() => createUploadApi(token), [token]);
  const [step, setStep] = useState<Step>({ kind: "preparing" });
  const [takesUsed, setTakesUsed] = useState(question.takesUsed);
  const [upload, setUpload] = useState<UploadSnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [waiting, setWaiting] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const [thinkLeft, setThinkLeft] = useState(question.thinkTimeSec);

  const uploader = useRef<TakeUploader | null>(null);
  const active = useRef<Active | null>(null);
  const replaced = useRef<string | null>(null);
  const prepared = useRef(false);
  const autoStop = useRef<ReturnType<typeof setTimeout> | null>(null);
  const urls = useRef<string[]>([]);
  const limitMs = question.timeLimitSec * 1000;
  const { responseId } = question;

  const playable = useCallback(async (store: ChunkStore, key: string, contentType: string) => {
    const blob = await store.takeBlob(key, contentType);
    if (!blob.size) return null;
    const url = URL.createObjectURL(blob);
    urls.current.push(url);
    return url;
  }, []);

  const follow = useCallback(
    (store: ChunkStore, key: string, take: number, contentType: string, recorded: number, uploadId: string | null = null) => {
      uploader.current?.cancel();
      const next = new TakeUploader({ api, store, key, responseId, take, contentType, recorded, uploadId, onChange: setUpload });
      uploader.current = next;
      setUpload(next.snapshot());
      return next;
    },
    [api, responseId],
  );

  // Resume: a recording left on this device, or an upload the server still holds, becomes the take
  // to review; otherwise the question starts from its think time.
  useEffect(() => {
    if (prepared.current) return;
    prepared.current = true;
    void (async () => {
      const store = await chunkStore();
      const local = (await store.takesOf(invitationId)).filter((t) => t.responseId === responseId);
      for (const t of local) if (t.take !== question.takesUsed) await store.deleteTake(t.key);
      const mine = local.find((t) => t.take === question.takesUsed && t.chunkCount > 0);
      const server = question.upload;
      if (mine) {
        const next = follow(store, mine.key, mine.take, mine.contentType, mine.chunkCount, server?.take === mine.take ? server.uploadId : null);
        if (!mine.stopped) await store.updateTake(mine.key, { stopped: true });
        next.finish(mine.durationMs);
        setStep({ kind: "review", take: mine.take, url: await playable(store, mine.key, mine.contentType), durationMs: mine.durationMs, interrupted: !mine.stopped });
        return;
      }
      if (server && (server.status === "COMPLETE" || server.receivedBytes > 0)) {
        if (server.status !== "COMPLETE") follow(store, takeKey(responseId, server.take), server.take, "video/webm", 0, server.uploadId).finish(undefined);
        setStep({ kind: "review", take: server.take, url: null, durationMs: 0, interrupted: true });
        return;
      }
      setStep({ kind: "think" });
    })().catch((e: unknown) => {
      setError(e instanceof Error ? e.message : String(e));
      setStep({ kind: "think" });
    });
  }, [follow, invitationId, playable, question.takesUsed, question.upload, responseId]);

  // Without IndexedDB the upload is the only copy: leaving before it finishes loses the answer, so the browser asks first.
  const unsaved = upload !== null && (upload.phase === "uploading" || upload.phase === "offline");
  useEffect(() => {
    if (!unsaved) return;
    let durable = true;
    void chunkStore().then((store) => (durable = store.durable));
    const warn = (event: BeforeUnloadEvent) => {
      if (!durable) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  useEffect(
    () => () => {
      if (autoStop.current) clearTimeout(autoStop.current);
      for (const url of urls.current) URL.revokeObjectURL(url);
    },
    [],
  );

  // The camera is needed from the think time on, so a problem shows before the clock runs out.
  useEffect(() => {
    if ((step.kind === "think" || step.kind === "starting") && media.status === "idle") void media.request();
  }, [media, step.kind]);

  const stop = useCallback(async () => {
    const current = active.current;
    if (!current) return;
    active.current = null;
    if (autoStop.current) clearTimeout(autoStop.current);
    setStep({ kind: "stopping", take: current.take });
    const result = await current.recording.stop();
    const store = await chunkStore();
    await store.updateTake(current.key, { stopped: true, durationMs: result.durationMs });
    uploader.current?.finish(result.durationMs);
    setElapsed(result.durationMs);
    setStep({ kind: "review", take: current.take, url: await playable(store, current.key, result.contentType), durationMs: result.durationMs, interrupted: false });
  }, [playable]);

  const begin = useCallback(async () => {
    if (active.current) return;
    setError(null);
    const stream = media.stream ?? (await media.request());
    if (!stream) return;
    setStep({ kind: "starting" });
    let take: number;
    try {
      take = (await client.interview.startTake.mutate({ token, responseId })).take;
    } catch (e) {
      setError(errorMessage(e));
      setStep({ kind: "think" });
      return;
    }
    const store = await chunkStore();
    // The earlier take gives way only now that the new one exists: a failed start keeps it.
    if (replaced.current) {
      uploader.current?.cancel();
      await store.deleteTake(replaced.current);
      replaced.current = null;
    }
    const key = takeKey(responseId, take);
    await store.deleteTake(key);

    let next: TakeUploader | null = null;
    let markSaved!: () => void;
    const saved = new Promise<void>((resolve) => (markSaved = resolve));
    let recording: Recording;
    try {
      recording = await startRecording(stream, {
        onChunk: async (blob, index, at) => {
          await saved;
          await store.appendChunk(key, index, blob, at);
          next?.chunkAdded(index + 1);
        },
        onError: (e) => {
          setError(`Recording stopped: ${e.message}`);
          void stop();
        },
      });
    } catch (e) {
      setError(`Recording could not start: ${e instanceof Error ? e.message : String(e)}`);
      setStep({ kind: "think" });
      return;
    }
    await store.saveTake({
      key,
      invitationId,
      responseId,
      take,
      contentType: recording.contentType,
      chunkCount: 0,
      durationMs: 0,
      stopped: false,
      uploaded: false,
      createdAt: Date.now(),
    });
    next = follow(store, key, take, recording.contentType, 0);
    markSaved();
    active.current = { recording, key, take };
    setTakesUsed(take);
    setElapsed(0);
    setStep({ kind: "recording", take });
    autoStop.current = setTimeout(() => void stop(), limitMs);
  }, [client, follow, invitationId, limitMs, media, responseId, stop, token]);

  const beginLatest = useRef(begin);
  beginLatest.current = begin;

  // The think-time countdown; when it runs out, recording starts on its own.
  useEffect(() => {
    if (step.kind !== "think") return;
    setThinkLeft(question.thinkTimeSec);
    if (question.thinkTimeSec <= 0) return;
    const endsAt = Date.now() + question.thinkTimeSec * 1000;
    const timer = setInterval(() => {
      const left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
      setThinkLeft(left);
      if (left === 0) {
        clearInterval(timer);
        void beginLatest.current();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [step.kind, question.thinkTimeSec]);

  useEffect(() => {
    if (step.kind !== "recording") return;
    const timer = setInterval(() => setElapsed(active.current?.recording.elapsedMs() ?? 0), 200);
    return () => clearInterval(timer);
  }, [step.kind]);

  const retake = useCallback(
    (from: Recorded) => {
      replaced.current = takeKey(responseId, from.take);
      setError(null);
      setStep({ kind: "think" });
    },
    [responseId],
  );

  const submit = useCallback(
    async (from: Recorded) => {
      setError(null);
      setStep({ kind: "submitting", ...from });
      const key = takeKey(responseId, from.take);
      try {
        await uploader.current?.done;
        const result = await untilAnswered(
          () => client.interview.submitVideo.mutate({ token, responseId, take: from.take, ...(from.durationMs ? { durationMs: Math.round(from.durationMs) } : {}) }),
          { onWaiting: setWaiting },
        );
        await (await chunkStore()).deleteTake(key);
        onSubmitted(result);
      } catch (e) {
        if (isAlreadySubmitted(e)) {
          await (await chunkStore()).deleteTake(key);
          onSubmitted(null);
          return;
        }
        setError(e instanceof TRPCClientError ? errorMessage(e) : e instanceof Error ? e.message : String(e));
        setStep({ kind: "review", ...from });
      }
    },
    [client, onSubmitted, responseId, token],
  );

  const takesLeft = Math.max(0, question.takesAllowed - takesUsed);
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
              Recording <span data-testid="recording-timer">{clock(elapsed)}</span> / {clock(limitMs)}
            </p>
            <Button variant="destructive" className="w-full sm:w-auto" loading={step.kind === "stopping"} onClick={() => void stop()}>
              Stop recording
            </Button>
          </div>
          <Progress value={elapsed} max={limitMs} label="Recording time used" />
          <UploadLine snapshot={upload} />
        </div>
      ) : (
        <div className="space-y-4">
          {step.url ? (
            <video src={step.url} controls playsInline aria-label="Your recording" className="aspect-video w-full rounded-lg bg-slate-900" />
          ) : (
            <Alert tone="info">Your recording from an earlier visit is saved. You can submit it{takesLeft > 0 ? " or record the answer again" : ""}.</Alert>
          )}
          {step.interrupted && step.url ? (
            <Alert tone="info">This recording was cut short when the page closed. Everything recorded until then is kept: submit it{takesLeft > 0 ? ", or record the answer again" : ""}.</Alert>
          ) : null}
          {waiting ? <Alert tone="warning">You are offline. Your answer is saved on this device and will be sent when the connection is back.</Alert> : null}
          <div className="flex flex-col gap-2 sm:flex-row">
            <Button className="w-full sm:w-auto" loading={step.kind === "submitting"} onClick={() => void submit(step)}>
              Submit answer
            </Button>
            {takesLeft > 0 ? (
              <Button variant="outline" className="w-full sm:w-auto" disabled={step.kind === "submitting"} onClick={() => retake(step)}>
                Record again ({takesLeft} {takesLeft === 1 ? "try" : "tries"} left)
              </Button>
            ) : (
              <p className="self-center text-sm text-slate-600">No retakes left for this question.</p>
            )}
          </div>
          {/* Below the buttons: its text changes as the upload goes, and must not move them under the pointer. */}
          <UploadLine snapshot={upload} />
        </div>
      )}
      {error ? <Alert tone="danger">{error}</Alert> : null}
    </div>
  );
}

function QuestionLimits({ question }: { question: InterviewQuestion }) {
  return (
    <p className="text-sm text-slate-600">
      Up to {spokenDuration(question.timeLimitSec)} of video · {question.thinkTimeSec > 0 ? `${spokenDuration(question.thinkTimeSec)} to think first · ` : ""}
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
    <p className={`text-sm ${phase === "failed" ? "text-red-700" : phase === "offline" ? "text-amber-700" : "text-slate-600"}`} data-testid="upload-status" data-phase={phase} aria-live="polite">
      {text}
    </p>
  );
}
