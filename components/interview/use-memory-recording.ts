"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { startRecording, type Recording } from "./recorder";
import { useRecordingClock } from "./use-recording-clock";

export type MemoryRecordingState = { kind: "idle" } | { kind: "recording" } | { kind: "recorded"; blob: Blob; url: string };

/**
 * A recording kept in the page's memory, for the candidate's practice answer and HR's intro video:
 * the same recorder as a real answer, without the chunk store or the upload. It stops itself at
 * `limitMs`; the recorded video's object URL is released when it is replaced or the page leaves.
 */
export function useMemoryRecording(limitMs: number, onError: (message: string) => void) {
  const [state, setState] = useState<MemoryRecordingState>({ kind: "idle" });
  const [elapsedMs, setElapsedMs] = useState(0);
  const recording = useRef<Recording | null>(null);
  const chunks = useRef<Blob[]>([]);
  const url = state.kind === "recorded" ? state.url : null;

  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  useEffect(() => () => void recording.current?.stop(), []);

  const start = useCallback(
    async (stream: MediaStream) => {
      chunks.current = [];
      try {
        recording.current = await startRecording(stream, {
          onChunk: (blob) => {
            chunks.current.push(blob);
            return Promise.resolve();
          },
          onError: (e) => onError(`Recording stopped: ${e.message}`),
        });
        setElapsedMs(0);
        setState({ kind: "recording" });
      } catch (e) {
        onError(`Recording could not start: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    [onError],
  );

  const stop = useCallback(async () => {
    const active = recording.current;
    if (!active) return;
    recording.current = null;
    const result = await active.stop();
    const blob = new Blob(chunks.current, { type: result.contentType });
    setState({ kind: "recorded", blob, url: URL.createObjectURL(blob) });
  }, []);

  const clear = useCallback(() => setState({ kind: "idle" }), []);

  const elapsed = useCallback(() => recording.current?.elapsedMs() ?? 0, []);
  const tick = useCallback(
    (ms: number) => {
      setElapsedMs(Math.min(ms, limitMs));
      if (ms >= limitMs) void stop();
    },
    [limitMs, stop],
  );
  useRecordingClock(state.kind === "recording", elapsed, limitMs, tick);

  return { state, elapsedMs, start, stop, clear };
}
