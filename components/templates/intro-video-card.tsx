"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type ChangeEvent } from "react";
import { Alert, Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Field, Input, Progress, Skeleton, useToast } from "@/components/ui";
import { formatClock, formatDuration } from "@/components/format";
import { errorMessage, useTRPC } from "@/components/trpc/client";
import { CameraPreview } from "@/components/interview/device-check";
import { useMedia } from "@/components/interview/use-media";
import { useMemoryRecording, type MemoryRecordingState } from "@/components/interview/use-memory-recording";
import { INTRO_VIDEO_MAX_BYTES, INTRO_VIDEO_MAX_LABEL, INTRO_VIDEO_RECORD_LIMIT_MS } from "@/server/templates/intro-video.schema";

type Phase = MemoryRecordingState | { kind: "camera" };

/** Sends the video as the request's body; the server checks its content, size and length and answers with a message. */
async function putIntroVideo(templateId: string, video: Blob): Promise<void> {
  const res = await fetch(`/api/templates/${encodeURIComponent(templateId)}/intro-video`, {
    method: "PUT",
    body: video,
    headers: { "content-type": video.type || "application/octet-stream" },
  });
  if (res.ok) return;
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  throw new Error(body?.error?.message ?? `The video could not be saved (HTTP ${res.status}).`);
}

/**
 * The hiring team's optional intro video, recorded here with the candidates' recorder or chosen
 * as a WebM or MP4 file. Like the intro text it is the template's current one: candidates already
 * invited see it above the consent screen.
 */
export function IntroVideoCard({ templateId, editable }: { templateId: string; editable: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const current = useQuery(trpc.templates.introVideo.queryOptions({ templateId }));
  const media = useMedia();
  const [cameraOpen, setCameraOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { state: recorded, elapsedMs, start: record, stop, clear } = useMemoryRecording(INTRO_VIDEO_RECORD_LIMIT_MS, setError);
  const phase: Phase = recorded.kind === "idle" && cameraOpen ? { kind: "camera" } : recorded;
  const { release } = media;
  const close = () => {
    clear();
    setCameraOpen(false);
    release();
  };

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.templates.introVideo.queryKey({ templateId }) });
  const upload = useMutation({
    mutationFn: (video: Blob) => putIntroVideo(templateId, video),
    onSuccess: async () => {
      close();
      toast({ title: "Intro video saved", description: "Candidates see it the next time their page loads." });
      await refresh();
    },
    onError: (e) => setError(e.message),
  });
  const remove = useMutation(
    trpc.templates.removeIntroVideo.mutationOptions({
      onSuccess: async () => {
        toast({ title: "Intro video removed" });
        await refresh();
      },
      onError: (e) => setError(errorMessage(e)),
    }),
  );

  const openCamera = async () => {
    setError(null);
    if (await media.request()) setCameraOpen(true);
  };

  const start = async () => {
    const stream = media.stream ?? (await media.request());
    if (stream) await record(stream);
  };

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    // The server checks the file's content too; this only spares sending a file that is surely too big.
    if (file.size > INTRO_VIDEO_MAX_BYTES) return setError(`The video is larger than ${INTRO_VIDEO_MAX_LABEL}. Record a shorter one or compress it.`);
    setError(null);
    upload.mutate(file);
  };

  const video = current.data;
  const busy = upload.isPending || remove.isPending;
  return (
    <Card>
      <section aria-labelledby="intro-video-heading">
        <CardHeader>
          <CardTitle id="intro-video-heading">Intro video for candidates</CardTitle>
          <CardDescription>
            Optional: a short video from the hiring team, played above the consent screen with the introduction. Record up to{" "}
            {formatClock(INTRO_VIDEO_RECORD_LIMIT_MS)} here or upload a WebM or MP4 file of up to {INTRO_VIDEO_MAX_LABEL}.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {current.isPending ? <Skeleton className="aspect-video w-full max-w-md" /> : null}
          {current.error ? <Alert tone="danger">{errorMessage(current.error)}</Alert> : null}
          {video ? (
            <div className="max-w-md space-y-1">
              <video
                src={video.url}
                poster={video.posterUrl ?? undefined}
                controls
                playsInline
                preload="metadata"
                aria-label="The current intro video"
                className="aspect-video w-full rounded-lg bg-slate-900"
              />
              {video.durationMs ? <p className="text-sm text-slate-600">Length {formatDuration(video.durationMs)}</p> : null}
            </div>
          ) : current.isSuccess ? (
            <p className="text-sm text-slate-600">No intro video yet.</p>
          ) : null}

          {phase.kind === "camera" || phase.kind === "recording" ? (
            <div className="max-w-md space-y-3">
              <CameraPreview stream={media.stream} />
              {phase.kind === "recording" ? (
                <>
                  <p className="flex items-center gap-2 font-medium text-red-700" aria-live="polite">
                    <span className="inline-block h-3 w-3 animate-pulse rounded-full bg-red-600" aria-hidden />
                    Recording {formatClock(elapsedMs)} / {formatClock(INTRO_VIDEO_RECORD_LIMIT_MS)}
                  </p>
                  <Progress value={elapsedMs} max={INTRO_VIDEO_RECORD_LIMIT_MS} label="Recording time used" />
                </>
              ) : null}
            </div>
          ) : null}
          {phase.kind === "recorded" ? (
            <video src={phase.url} controls playsInline aria-label="Your new intro video" className="aspect-video w-full max-w-md rounded-lg bg-slate-900" />
          ) : null}
          {media.status === "error" ? <Alert tone="danger">{media.message}</Alert> : null}
          {error ? <Alert tone="danger">{error}</Alert> : null}

          {!editable ? (
            <p className="text-sm text-slate-600">This template is archived, so its intro video cannot change.</p>
          ) : phase.kind === "idle" ? (
            <div className="flex flex-wrap items-end gap-3">
              <Button variant="outline" size="sm" disabled={busy} onClick={() => void openCamera()}>
                {video ? "Record a new video" : "Record a video"}
              </Button>
              <Field label="Or upload a video file" description={`WebM or MP4, up to ${INTRO_VIDEO_MAX_LABEL}.`} className="min-w-0 flex-1">
                {(props) => <Input {...props} type="file" accept="video/webm,video/mp4" disabled={busy} onChange={onFile} />}
              </Field>
              {video ? (
                <Button variant="outline" size="sm" loading={remove.isPending} disabled={upload.isPending} onClick={() => remove.mutate({ templateId })}>
                  Remove the intro video
                </Button>
              ) : null}
            </div>
          ) : (
            <div className="flex flex-wrap gap-2">
              {phase.kind === "camera" ? (
                <Button size="sm" disabled={media.status !== "ready"} onClick={() => void start()}>
                  Start recording
                </Button>
              ) : null}
              {phase.kind === "recording" ? (
                <Button variant="destructive" size="sm" onClick={() => void stop()}>
                  Stop recording
                </Button>
              ) : null}
              {phase.kind === "recorded" ? (
                <>
                  <Button size="sm" loading={upload.isPending} onClick={() => upload.mutate(phase.blob)}>
                    Use this video
                  </Button>
                  <Button variant="outline" size="sm" disabled={upload.isPending} onClick={() => void start()}>
                    Record again
                  </Button>
                </>
              ) : null}
              <Button variant="ghost" size="sm" disabled={phase.kind === "recording" || upload.isPending} onClick={close}>
                Cancel
              </Button>
            </div>
          )}
          {upload.isPending && phase.kind === "idle" ? (
            <p className="text-sm text-slate-600" aria-live="polite">
              Uploading and preparing the video…
            </p>
          ) : null}
        </CardContent>
      </section>
    </Card>
  );
}
