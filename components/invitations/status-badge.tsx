import { Badge } from "@/components/ui";
import { STATUS_LABELS, type InvitationStatusValue } from "@/server/invitations/status";

const TONES = {
  SENT: "info",
  OPENED: "info",
  IN_PROGRESS: "warning",
  COMPLETED: "success",
  EXPIRED: "neutral",
  CANCELLED: "danger",
} as const satisfies Record<InvitationStatusValue, string>;

export function InvitationStatusBadge({ status }: { status: InvitationStatusValue }) {
  return <Badge tone={TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
