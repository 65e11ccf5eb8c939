"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { errorMessage } from "@/components/trpc/errors";
import { useInterviewClient } from "@/components/trpc/vanilla-client";
import type { SubmittedAnswer } from "@/server/interview/answers";
import type { InterviewQuestion } from "@/server/interview/state";
import { chunkStore } from "./chunk-store";
import { isAlreadySubmitted, untilAnswered } from "./retry";
import { createUploadApi } from "./upload-api";
import { TakeUploader, type UploadSnapshot } from "./upload-queue";
import { useLeaveWarning } from "./use-take-upload";

/** An answer the candidate submitted whose recording was still on its way: its upload, then its submit. */
export type HandOff = { responseId: string; take: number; key: string; uploader: TakeUploader };

export type BackgroundSend = UploadSnapshot & { submitted: boolean };

/**
 * Answers submitted while parts of their recording were still uploading. Submit never makes the
 * candidate wait for parts already safe on the device: the answer is handed over here, the
 * candidate goes on to the next question, and the upload finishes and the answer is submitted in
 * the background. The local take is marked `submitRequested` first, so a reload or a closed tab
 * resumes the same send on the next visit (until the deadline) without asking again; the
 * server's state alone decides when the interview is complete.
 */
export function useBackgroundSends(opts: {
  token: string;
  invitationId: string | null;
  /** The server's questions, once the candidate is past consent; null until then. */
  questions: InterviewQuestion[] | null;
  onSent: (result: SubmittedAnswer | null) => void;
}) {
  const { token, invitationId, questions, onSent } = opts;
  const client = useInterviewClient();
  const api = useMemo(() => createUploadApi(token), [token]);
  const [sends, setSends] = useState<Record<string, BackgroundSend>>({});
  const [failures, setFailures] = useState<Record<string, string>>({});
  const [resumed, setResumed] = useState(false);
  const started = useRef(new Set<string>());

  const update = useCallback((responseId: string, patch: Partial<BackgroundSend> | null) => {
    setSends((prev) => {
      if (patch === null) {
        const { [responseId]: _, ...rest } = prev;
        return rest;
      }
      const before = prev[responseId] ?? { phase: "uploading", sent: 0, recorded: 0, receivedBytes: 0, error: null, submitted: false };
      return { ...prev, [responseId]: { ...before, ...patch } };
    });
  }, []);

  const handOff = useCallback(
    ({ responseId, take, key, uploader }: HandOff) => {
      if (started.current.has(responseId)) return;
      started.current.add(responseId);
      setFailures(({ [responseId]: _, ...rest }) => rest);
      uploader.observe((snapshot) => update(responseId, snapshot));
      void (async () => {
        const store = await chunkStore();
        try {
          await uploader.done;
          const result = await untilAnswered(() => client.interview.submitVideo.mutate({ token, responseId, take }));
          await store.deleteTake(key);
          // Kept as submitted, not dropped, so the question never shows again while the state refreshes.
          update(responseId, { submitted: true });
          onSent(result);
        } catch (e) {
          if (isAlreadySubmitted(e)) {
            await store.deleteTake(key);
            update(responseId, { submitted: true });
            onSent(null);
            return;
          }
          // Back to the candidate: the question shows again with its recording, to submit or record anew.
          await store.updateTake(key, { submitRequested: false }).catch(() => {});
          started.current.delete(responseId);
          update(responseId, null);
          setFailures((prev) => ({ ...prev, [responseId]: errorMessage(e) }));
        }
      })();
    },
    [client, onSent, token, update],
  );

  // A visit after a reload or a closed tab carries on with the answers submitted on the last one.
  const scanned = useRef(false);
  useEffect(() => {
    if (!questions || !invitationId || scanned.current) return;
    scanned.current = true;
    void (async () => {
      const store = await chunkStore();
      for (const local of await store.takesOf(invitationId)) {
        if (!local.submitRequested) continue;
        const question = questions.find((q) => q.responseId === local.responseId);
        if (!question || question.submitted || question.takesUsed !== local.take) continue;
        const uploadId = question.upload?.take === local.take ? question.upload.uploadId : null;
        const uploader = new TakeUploader({
          api,
          store,
          key: local.key,
          responseId: local.responseId,
          take: local.take,
          contentType: local.contentType,
          recorded: local.chunkCount,
          uploadId,
        });
        uploader.finish(local.durationMs);
        handOff({ responseId: local.responseId, take: local.take, key: local.key, uploader });
      }
    })()
      .catch(() => {})
      .finally(() => setResumed(true));
  }, [api, handOff, invitationId, questions]);

  const pending = Object.entries(sends).filter(([, s]) => !s.submitted);
  useLeaveWarning(pending.length > 0);

  return {
    /** False until the answers left sending by an earlier visit are back on their way. */
    ready: resumed,
    handOff,
    sends,
    failures,
    isSending: (responseId: string) => responseId in sends,
  };
}
