"use client";

import { TRPCClientError } from "@trpc/client";
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import { errorMessage } from "@/components/trpc/errors";
import { useInterviewClient } from "@/components/trpc/vanilla-client";
import type { SubmittedAnswer } from "@/server/interview/answers";
import type { InterviewQuestion } from "@/server/interview/state";
import { chunkStore, takeKey } from "./chunk-store";
import { initialRecorderState, recordedTake, recorderReducer } from "./recorder-machine";
import { startRecording, type Recording } from "./recorder";
import { isAlreadySubmitted, untilAnswered } from "./retry";
import { createUploadApi } from "./upload-api";
import { usePlaybackUrls } from "./use-playback-urls";
import { useRecordingClock } from "./use-recording-clock";
import { useTakeUpload } from "./use-take-upload";
import { useThinkCountdown } from "./use-think-countdown";
import type { Media } from "./use-media";
import type { HandOff } from "./use-background-sends";

export type VideoAnswerOptions = {
  token: string;
  invitationId: string;
  question: InterviewQuestion;
  media: Media;
  /** The answer is in; null when it turned out to be in already (a reply lost on the way back). */
  onSubmitted: (result: SubmittedAnswer | null) => void;
  /** Takes over an answer submitted while its recording is still uploading, to finish it in the background. */
  onHandOff?: (handOff: HandOff) => void;
};

type Active = { recording: Recording; key: string; take: number };

/**
 * Runs the recorder machine against the world: the camera stream, MediaRecorder, the local chunk
 * store, the take's upload and the interview API. Every recorded chunk goes to the local store
 * first and is uploaded from there, so the answer survives reloads and lost connections; on mount
 * the question picks up whatever an earlier visit left (a local recording, an upload still open on
 * the server).
 */
export function useVideoAnswer({ token, invitationId, question, media, onSubmitted, onHandOff }: VideoAnswerOptions) {
  const client = useInterviewClient();
  const api = useMemo(() => createUploadApi(token), [token]);
  const [state, dispatch] = useReducer(recorderReducer, question, initialRecorderState);
  const { snapshot: upload, follow, cancel, finish, settled, uploader } = useTakeUpload(api, question.responseId);
  const playable = usePlaybackUrls();
  const { responseId } = question;

  // Callbacks run after awaits and from timers; they read the state as it is then, not as it was rendered.
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  }, [state]);
  const active = useRef<Active | null>(null);
  const beginning = useRef(false);
  const prepared = useRef(false);

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
        const uploadId = server?.take === mine.take ? server.uploadId : null;
        follow({ store, key: mine.key, take: mine.take, contentType: mine.contentType, recorded: mine.chunkCount, uploadId }).finish(mine.durationMs);
        if (!mine.stopped) await store.updateTake(mine.key, { stopped: true });
        const url = await playable(store, mine.key, mine.contentType);
        dispatch({ type: "resumed", recorded: { take: mine.take, url, durationMs: mine.durationMs, interrupted: !mine.stopped } });
        return;
      }
      if (server && (server.status === "COMPLETE" || server.receivedBytes > 0)) {
        if (server.status !== "COMPLETE") {
          follow({ store, key: takeKey(responseId, server.take), take: server.take, contentType: "video/webm", recorded: 0, uploadId: server.uploadId }).finish(
            undefined,
          );
        }
        dispatch({ type: "resumed", recorded: { take: server.take, url: null, durationMs: 0, interrupted: true } });
        return;
      }
      dispatch({ type: "fresh" });
    })().catch((e: unknown) => dispatch({ type: "fresh", error: e instanceof Error ? e.message : String(e) }));
  }, [follow, invitationId, playable, question.takesUsed, question.upload, responseId]);

  const waitingToRecord = state.step.kind === "think" || state.step.kind === "starting";

  // The camera is needed from the think time on, so a problem shows before the clock runs out.
  useEffect(() => {
    if (waitingToRecord && media.status === "idle") void media.request();
  }, [media, waitingToRecord]);

  const startTake = useCallback(async () => {
    const stream = media.stream ?? (await media.request());
    if (!stream || latest.current.step.kind !== "think") return;
    dispatch({ type: "start" });
    let take: number;
    try {
      take = (await client.interview.startTake.mutate({ token, responseId })).take;
    } catch (e) {
      dispatch({ type: "startFailed", error: errorMessage(e) });
      return;
    }
    const store = await chunkStore();
    // The earlier take gives way only now that the new one exists: a failed start keeps it.
    const { replacing } = latest.current;
    if (replacing !== null) {
      cancel();
      await store.deleteTake(takeKey(responseId, replacing));
    }
    const key = takeKey(responseId, take);
    await store.deleteTake(key);

    let uploader: ReturnType<typeof follow> | null = null;
    let markSaved!: () => void;
    const saved = new Promise<void>((resolve) => (markSaved = resolve));
    let recording: Recording;
    try {
      recording = await startRecording(stream, {
        onChunk: async (blob, index, at) => {
          await saved;
          await store.appendChunk(key, index, blob, at);
          uploader?.chunkAdded(index + 1);
        },
        onError: (e) => dispatch({ type: "stop", error: `Recording stopped: ${e.message}` }),
      });
    } catch (e) {
      dispatch({ type: "startFailed", error: `Recording could not start: ${e instanceof Error ? e.message : String(e)}` });
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
    uploader = follow({ store, key, take, contentType: recording.contentType, recorded: 0 });
    markSaved();
    active.current = { recording, key, take };
    dispatch({ type: "started", take });
  }, [cancel, client, follow, invitationId, media, responseId, token]);

  // One start at a time: the countdown and the button can both ask while the camera is still coming.
  const begin = useCallback(async () => {
    if (beginning.current) return;
    beginning.current = true;
    try {
      await startTake();
    } finally {
      beginning.current = false;
    }
  }, [startTake]);

  const thinkLeft = useThinkCountdown(state.step.kind === "think", question.thinkTimeSec, () => void begin());

  const elapsed = useCallback(() => active.current?.recording.elapsedMs() ?? 0, []);
  const tick = useCallback((elapsedMs: number) => dispatch({ type: "tick", elapsedMs }), []);
  useRecordingClock(state.step.kind === "recording", elapsed, state.timeLimitMs, tick);

  // However the recording comes to stop (the button, the time limit, a recorder error), it ends here.
  const stopping = state.step.kind === "stopping";
  useEffect(() => {
    const current = active.current;
    if (!stopping || !current) return;
    active.current = null;
    void (async () => {
      const result = await current.recording.stop();
      const store = await chunkStore();
      await store.updateTake(current.key, { stopped: true, durationMs: result.durationMs });
      finish(result.durationMs);
      const url = await playable(store, current.key, result.contentType);
      dispatch({ type: "stopped", recorded: { take: current.take, url, durationMs: result.durationMs, interrupted: false } });
    })();
  }, [finish, playable, stopping]);

  const stop = useCallback(() => dispatch({ type: "stop" }), []);
  const retake = useCallback(() => dispatch({ type: "retake" }), []);

  const submit = useCallback(async () => {
    const from = latest.current.step.kind === "review" ? recordedTake(latest.current.step) : null;
    if (!from) return;
    dispatch({ type: "submit" });
    const key = takeKey(responseId, from.take);
    // Parts still on their way never hold the candidate up: they are safe on the device, and the
    // rest of the send carries on in the background while the next question starts.
    const sending = uploader();
    const phase = sending?.snapshot().phase;
    if (onHandOff && sending && (phase === "uploading" || phase === "offline")) {
      await (await chunkStore()).updateTake(key, { submitRequested: true });
      onHandOff({ responseId, take: from.take, key, uploader: sending });
      return;
    }
    try {
      await settled();
      const result = await untilAnswered(() => client.interview.submitVideo.mutate({ token, responseId, take: from.take }), {
        onWaiting: (offline) => dispatch({ type: "offline", offline }),
      });
      await (await chunkStore()).deleteTake(key);
      onSubmitted(result);
    } catch (e) {
      if (isAlreadySubmitted(e)) {
        await (await chunkStore()).deleteTake(key);
        onSubmitted(null);
        return;
      }
      dispatch({ type: "submitFailed", error: e instanceof TRPCClientError ? errorMessage(e) : e instanceof Error ? e.message : String(e) });
    }
  }, [client, onHandOff, onSubmitted, settled, responseId, token, uploader]);

  return { state, thinkLeft, upload, begin, stop, retake, submit };
}
