"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type MediaProblem = "denied" | "notFound" | "inUse" | "unsupported" | "other";

export type MediaState =
  | { status: "idle" | "requesting"; stream: null; problem: null; message: null }
  | { status: "ready"; stream: MediaStream; problem: null; message: null }
  | { status: "error"; stream: null; problem: MediaProblem; message: string };

const MESSAGES: Record<MediaProblem, string> = {
  denied:
    "Your browser blocked the camera or microphone. Allow both for this site (the camera icon in the address bar, or your browser's site settings), then press Try again.",
  notFound: "No camera or microphone was found. Connect them, then press Try again.",
  inUse: "Your camera or microphone is being used by another app or tab. Close it, then press Try again.",
  unsupported: "This browser cannot record video here. Open the link in an up-to-date Chrome, Edge, Firefox or Safari.",
  other: "The camera or microphone could not be started.",
};

export function describeMediaError(error: unknown): { problem: MediaProblem; message: string } {
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  switch (name) {
    case "NotAllowedError":
    case "SecurityError":
    case "PermissionDeniedError":
      return { problem: "denied", message: MESSAGES.denied };
    case "NotFoundError":
    case "DevicesNotFoundError":
    case "OverconstrainedError":
      return { problem: "notFound", message: MESSAGES.notFound };
    case "NotReadableError":
    case "TrackStartError":
    case "AbortError":
      return { problem: "inUse", message: MESSAGES.inUse };
    default: {
      const detail = error instanceof Error && error.message ? ` (${error.message})` : "";
      return { problem: "other", message: `${MESSAGES.other}${detail} Press Try again.` };
    }
  }
}

const CONSTRAINTS: MediaStreamConstraints = {
  video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: "user" },
  audio: { echoCancellation: true, noiseSuppression: true },
};

const IDLE: MediaState = { status: "idle", stream: null, problem: null, message: null };

/**
 * The candidate's camera and microphone for the whole interview: asked for once, kept between
 * questions (asking again would prompt again in some browsers), released when the page goes.
 */
export function useMedia() {
  const [state, setState] = useState<MediaState>(IDLE);
  const streamRef = useRef<MediaStream | null>(null);

  const release = useCallback(() => {
    streamRef.current?.getTracks().forEach((t) => t.stop());
    streamRef.current = null;
  }, []);

  const request = useCallback(async (): Promise<MediaStream | null> => {
    const live = streamRef.current;
    if (live && live.getTracks().every((t) => t.readyState === "live")) {
      setState({ status: "ready", stream: live, problem: null, message: null });
      return live;
    }
    release();
    if (typeof navigator === "undefined" || !navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === "undefined") {
      setState({ status: "error", stream: null, problem: "unsupported", message: MESSAGES.unsupported });
      return null;
    }
    setState({ status: "requesting", stream: null, problem: null, message: null });
    try {
      const stream = await navigator.mediaDevices.getUserMedia(CONSTRAINTS);
      if (!stream.getVideoTracks().length || !stream.getAudioTracks().length) {
        stream.getTracks().forEach((t) => t.stop());
        setState({ status: "error", stream: null, problem: "notFound", message: MESSAGES.notFound });
        return null;
      }
      streamRef.current = stream;
      for (const track of stream.getTracks()) {
        // A camera unplugged or taken by another app mid-interview: ask again on the next recording.
        track.addEventListener("ended", () => {
          if (streamRef.current === stream) {
            release();
            setState({ status: "error", stream: null, problem: "inUse", message: "The camera or microphone stopped. Press Try again to reconnect it." });
          }
        });
      }
      setState({ status: "ready", stream, problem: null, message: null });
      return stream;
    } catch (error) {
      setState({ status: "error", stream: null, ...describeMediaError(error) });
      return null;
    }
  }, [release]);

  useEffect(() => release, [release]);

  return { ...state, request, release };
}

export type Media = ReturnType<typeof useMedia>;
