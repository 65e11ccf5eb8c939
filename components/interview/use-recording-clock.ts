"use client";

import { useEffect, useRef } from "react";

const TICK_MS = 200;

/**
 * While `running`, reports the recorded time for the timer on screen, and once more the moment the
 * time limit is due, so the recording stops at the limit rather than up to a tick after it.
 */
export function useRecordingClock(running: boolean, elapsedMs: () => number, limitMs: number, onTick: (elapsedMs: number) => void) {
  const read = useRef(elapsedMs);
  const tick = useRef(onTick);
  useEffect(() => {
    read.current = elapsedMs;
    tick.current = onTick;
  }, [elapsedMs, onTick]);

  useEffect(() => {
    if (!running) return;
    const report = () => tick.current(read.current());
    const timer = setInterval(report, TICK_MS);
    const limit = setTimeout(report, Math.max(0, limitMs - read.current()));
    return () => {
      clearInterval(timer);
      clearTimeout(limit);
    };
  }, [running, limitMs]);
}
