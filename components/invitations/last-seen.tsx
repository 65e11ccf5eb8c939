import { formatTimeAgo } from "@/components/format";
import { isOpenStatus, type InvitationStatusValue } from "@/server/invitations/status";

/** While the interview is open, when the candidate's page last pinged (its heartbeat): "last seen 2 min ago". */
export function LastSeen({ status, lastSeenAt, now }: { status: InvitationStatusValue; lastSeenAt: Date | null; now?: Date }) {
  if (!lastSeenAt || !isOpenStatus(status)) return null;
  return (
    <span className="block text-xs text-slate-600" data-testid="last-seen">
      last seen {formatTimeAgo(lastSeenAt, now)}
    </span>
  );
}
