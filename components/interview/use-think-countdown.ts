"use client";

import { useEffect, useRef, useState } from "react";

/**
 * Seconds left of the think time while `running`, from `seconds` each time it starts again; calls
 * `onDone` once when it reaches zero. A think time of 0 never calls it: the candidate starts.
 */
export function useThinkCountdown(running: boolean, seconds: number, onDone: () => void): number {
  const [left, setLeft] = useState(seconds);
  // Restarting from `seconds` is an adjustment during render (React's pattern for state that follows
  // a prop), so the first frame of a new countdown already shows the full time.
  const [wasRunning, setWasRunning] = useState(false);
  if (running !== wasRunning) {
    setWasRunning(running);
    if (running) setLeft(seconds);
  }
  // The latest callback, so a re-render during the countdown neither restarts it nor calls a stale one.
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  }, [onDone]);

  useEffect(() => {
    if (!running || seconds <= 0) return;
    const endsAt = Date.now() + seconds * 1000;
    const timer = setInterval(() => {
      const next = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
      setLeft(next);
      if (next === 0) {
        clearInterval(timer);
        done.current();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [running, seconds]);

  return left;
}
