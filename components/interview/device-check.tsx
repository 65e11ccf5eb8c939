"use client";

import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LevelMeter } from "./level-meter";
import type { Media } from "./use-media";

/** The camera's live picture, mirrored like a mirror so moving left moves left. */
export function CameraPreview({ stream, label = "Camera preview" }: { stream: MediaStream | null; label?: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    video.srcObject = stream;
    if (stream) void video.play().catch(() => {});
  }, [stream]);
  return (
    <div className="relative aspect-video w-full overflow-hidden rounded-lg bg-slate-900">
      <video ref={ref} aria-label={label} muted playsInline autoPlay className="h-full w-full -scale-x-100 object-cover" />
      {!stream ? <div className="absolute inset-0 flex items-center justify-center text-sm text-slate-300">Camera off</div> : null}
    </div>
  );
}

/**
 * Camera preview, microphone level and a clear way out of the usual failures (permission denied,
 * no device, device busy), before anything is recorded.
 */
export function DeviceCheck({ media, onContinue, continueLabel = "Continue" }: { media: Media; onContinue?: () => void; continueLabel?: string }) {
  const { request, status } = media;
  useEffect(() => {
    if (status === "idle") void request();
  }, [status, request]);

  return (
    <div className="space-y-4">
      <CameraPreview stream={media.stream} />
      <LevelMeter stream={media.stream} />
      {media.status === "ready" ? (
        <p className="text-sm text-slate-600">Say something: the bar should move. Make sure your face is visible and well lit.</p>
      ) : null}
      {media.status === "requesting" ? <p className="text-sm text-slate-600">Waiting for your browser to allow the camera and microphone…</p> : null}
      {media.status === "error" ? (
        <div className="space-y-3">
          <Alert tone="danger">{media.message}</Alert>
          <Button variant="outline" onClick={() => void request()}>
            Try again
          </Button>
        </div>
      ) : null}
      {onContinue ? (
        <Button className="w-full sm:w-auto" disabled={media.status !== "ready"} onClick={onContinue}>
          {continueLabel}
        </Button>
      ) : null}
    </div>
  );
}
