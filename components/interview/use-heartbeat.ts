"use client";

import { useEffect } from "react";
import { useInterviewClient } from "@/components/trpc/vanilla-client";
import { HEARTBEAT_INTERVAL_MS } from "@/server/interview/interview-rules";

/**
 * Tells the server the interview page is open, so HR sees "last seen 2 min ago": a ping now and
 * every HEARTBEAT_INTERVAL_MS while the tab is visible, none while it is hidden. A lost ping is
 * not worth a retry: the next one follows.
 */
export function useHeartbeat(token: string, active: boolean) {
  const client = useInterviewClient();
  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setInterval> | null = null;
    const ping = () => void client.interview.heartbeat.mutate({ token }).catch(() => {});
    const sync = () => {
      if (timer) clearInterval(timer);
      timer = null;
      if (document.visibilityState !== "visible") return;
      ping();
      timer = setInterval(ping, HEARTBEAT_INTERVAL_MS);
    };
    sync();
    document.addEventListener("visibilitychange", sync);
    return () => {
      document.removeEventListener("visibilitychange", sync);
      if (timer) clearInterval(timer);
    };
  }, [client, token, active]);
}
