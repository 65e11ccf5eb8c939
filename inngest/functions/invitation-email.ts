import { db } from "@/server/db/client";
import { emailInvitationLink } from "@/server/invitations/email";
import { inngest } from "../client";
import { invitationResent, invitationSent } from "../events";

/**
 * The invitation's email, for a new invitation and for each resend: the request only writes the
 * invitation and its event. Keyed by the event id, so a retried step sends one email.
 */
export const invitationEmailFn = inngest.createFunction(
  { id: "invitation-email", name: "Email a candidate their interview link", triggers: [invitationSent, invitationResent], retries: 8 },
  async ({ event, step }) =>
    step.run("send-email", () =>
      emailInvitationLink(db, event.data.invitationId, { id: event.id ?? `${event.name}:${event.data.invitationId}:${event.ts}`, name: event.name }),
    ),
);
