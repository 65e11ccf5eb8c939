"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { Button, useToast } from "@/components/ui";
import { errorMessage, useTRPC } from "@/components/trpc/client";
import { seekTo } from "./seek";

/** HR's way out of a failed answer: the pipeline runs it again from the media step. */
export function RetryProcessingButton({ responseId }: { responseId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const retry = useMutation(
    trpc.pipeline.retryResponse.mutationOptions({
      onSuccess: () => {
        toast({ title: "Processing this answer again" });
        router.refresh();
      },
      onError: (error) => toast({ title: "The answer was not queued", description: errorMessage(error), tone: "danger" }),
    }),
  );
  return (
    <Button variant="outline" size="sm" loading={retry.isPending} onClick={() => retry.mutate({ responseId })}>
      Process again
    </Button>
  );
}

// Long enough not to load the embedded engine, short enough that each step shows as it happens.
const REFRESH_MS = 5000;

/** Re-renders the review page while any answer is still moving through the pipeline. */
export function RefreshWhileProcessing({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [active, router]);
  return null;
}

/**
 * A search hit links to `?answer=<responseId>&t=<seconds>`: once the page's players are mounted,
 * that answer plays from that moment.
 */
export function SeekFromLink() {
  const params = useSearchParams();
  const answer = params.get("answer");
  const t = Number(params.get("t"));
  useEffect(() => {
    if (!answer) return;
    const timer = setTimeout(() => seekTo(answer, Number.isFinite(t) && t > 0 ? Math.round(t * 1000) : 0), 300);
    return () => clearTimeout(timer);
  }, [answer, t]);
  return null;
}
