"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { chunkStore, type ChunkStore } from "./chunk-store";
import type { UploadApi } from "./upload-api";
import { TakeUploader, type UploadSnapshot } from "./upload-queue";

export type FollowTake = { store: ChunkStore; key: string; take: number; contentType: string; recorded: number; uploadId?: string | null };

/**
 * The upload of the question's current take. Following a new take cancels the previous upload: only
 * one take per question is ever on its way to the server.
 */
export function useTakeUpload(api: UploadApi, responseId: string) {
  const [snapshot, setSnapshot] = useState<UploadSnapshot | null>(null);
  const current = useRef<TakeUploader | null>(null);

  const follow = useCallback(
    ({ store, key, take, contentType, recorded, uploadId = null }: FollowTake) => {
      current.current?.cancel();
      const next = new TakeUploader({ api, store, key, responseId, take, contentType, recorded, uploadId, onChange: setSnapshot });
      current.current = next;
      setSnapshot(next.snapshot());
      return next;
    },
    [api, responseId],
  );

  const cancel = useCallback(() => current.current?.cancel(), []);
  const finish = useCallback((durationMs: number | undefined) => current.current?.finish(durationMs), []);
  const settled = useCallback(() => current.current?.done, []);
  const uploader = useCallback(() => current.current, []);

  useLeaveWarning(snapshot !== null && (snapshot.phase === "uploading" || snapshot.phase === "offline"));

  return { snapshot, follow, cancel, finish, settled, uploader };
}

// Without IndexedDB the upload is the only copy: leaving before it finishes loses the answer, so the browser asks first.
export function useLeaveWarning(unsaved: boolean) {
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
}
