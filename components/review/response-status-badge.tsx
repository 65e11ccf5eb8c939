import { Badge } from "@/components/ui";

type ResponseStatus = "PENDING" | "UPLOADING" | "UPLOADED" | "PROCESSING" | "TRANSCRIBING" | "TRANSCRIBED" | "ANALYZING" | "ANALYZED" | "FAILED";

const LOOK: Record<ResponseStatus, { label: string; tone: "neutral" | "info" | "warning" | "success" | "danger" }> = {
  PENDING: { label: "Not answered", tone: "neutral" },
  UPLOADING: { label: "Uploading", tone: "warning" },
  UPLOADED: { label: "Uploaded", tone: "info" },
  PROCESSING: { label: "Processing", tone: "info" },
  TRANSCRIBING: { label: "Transcribing", tone: "info" },
  TRANSCRIBED: { label: "Transcribed", tone: "info" },
  ANALYZING: { label: "Analyzing", tone: "info" },
  ANALYZED: { label: "Analyzed", tone: "success" },
  FAILED: { label: "Processing failed", tone: "danger" },
};

/** `resuming`: the runner working on it died and another took over; the stored status is stale until the step finishes again. */
export function ResponseStatusBadge({ status, resuming = false }: { status: ResponseStatus; resuming?: boolean }) {
  const look = resuming && status !== "FAILED" && status !== "ANALYZED" ? { label: "Resuming after a restart", tone: "warning" as const } : LOOK[status];
  return <Badge tone={look.tone}>{look.label}</Badge>;
}
