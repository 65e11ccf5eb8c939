import { db } from "@/server/db/client";
import { expireInvitations } from "@/server/invitations/expire";
import { inngest } from "../client";

/**
 * Expires invitations at their deadline (within the five-minute schedule), each emitting
 * `invitation.expired`. Candidates are refused at the deadline itself whatever this has done
 * (effectiveStatus); this keeps the stored status and the events in step.
 */
export const expireInvitationsFn = inngest.createFunction(
  { id: "expire-invitations", name: "Expire invitations past their deadline", triggers: [{ cron: "*/5 * * * *" }], retries: 3 },
  async ({ step }) => ({ expired: await step.run("expire", () => expireInvitations(db)) }),
);
