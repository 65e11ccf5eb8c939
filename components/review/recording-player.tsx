"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";

/**
 * The signed URL expires an hour after the page was rendered; when playback fails, the page is
 * refreshed once for a new URL instead of leaving a dead player.
 */
export function RecordingPlayer({ url, contentType, label }: { url: string; contentType: string; label: string }) {
  const router = useRouter();
  const refreshed = useRef(false);
  return (
    <video
      controls
      playsInline
      preload="metadata"
      src={url}
      aria-label={label}
      className="aspect-video w-full rounded-md bg-black"
      onError={() => {
        if (refreshed.current) return;
        refreshed.current = true;
        router.refresh();
      }}
    >
      Your browser cannot play this recording ({contentType}).
    </video>
  );
}
