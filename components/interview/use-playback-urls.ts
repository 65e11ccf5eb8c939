"use client";

import { useCallback, useEffect, useRef } from "react";
import type { ChunkStore } from "./chunk-store";

/** Object URLs for playing takes back from the local store, all revoked when the question goes. */
export function usePlaybackUrls() {
  const urls = useRef<string[]>([]);

  useEffect(
    () => () => {
      for (const url of urls.current) URL.revokeObjectURL(url);
    },
    [],
  );

  return useCallback(async (store: ChunkStore, key: string, contentType: string): Promise<string | null> => {
    const blob = await store.takeBlob(key, contentType);
    if (!blob.size) return null;
    const url = URL.createObjectURL(blob);
    urls.current.push(url);
    return url;
  }, []);
}
