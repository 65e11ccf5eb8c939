"use client";

import { useEffect, useRef, useState } from "react";

/** Loudness of the stream's audio, 0..1, read with an AnalyserNode about 20 times a second. */
export function useAudioLevel(stream: MediaStream | null): number {
  const [level, setLevel] = useState(0);
  const lastSet = useRef(0);

  useEffect(() => {
    if (!stream || !stream.getAudioTracks().length || typeof AudioContext === "undefined") return;
    const context = new AudioContext();
    const source = context.createMediaStreamSource(stream);
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    source.connect(analyser);
    // Created after a click, so the browser lets it run; resume covers browsers that start it suspended.
    void context.resume().catch(() => {});
    const samples = new Uint8Array(analyser.fftSize);
    let frame = 0;
    const tick = (now: number) => {
      analyser.getByteTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) {
        const v = (s - 128) / 128;
        sum += v * v;
      }
      const rms = Math.sqrt(sum / samples.length);
      // Speech sits around 0.02–0.2 RMS; a square root spreads that over the bar.
      const value = Math.min(1, Math.sqrt(rms * 4));
      if (now - lastSet.current > 50) {
        lastSet.current = now;
        setLevel(value);
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frame);
      source.disconnect();
      void context.close().catch(() => {});
    };
  }, [stream]);

  return level;
}

export function LevelMeter({ stream, label = "Microphone level" }: { stream: MediaStream | null; label?: string }) {
  const level = useAudioLevel(stream);
  const percent = Math.round(level * 100);
  return (
    <div className="flex items-center gap-3">
      <span className="shrink-0 text-sm text-slate-600">{label}</span>
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        data-level={percent}
        className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={`h-full rounded-full transition-[width] duration-75 ${percent > 90 ? "bg-amber-500" : "bg-emerald-500"}`}
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
