import { db } from "@/server/db/client";
import { emailInvitationReminder, reminderTime } from "@/server/invitations/email";
import { inngest } from "../client";
import { interviewCompleted, invitationCancelled, invitationResent, invitationSent } from "../events";

/**
 * Reminds a candidate who has not finished, 48 hours before the link expires. The run sleeps until
 * then; completing the interview, cancelling the invitation or resending it cancels the sleeping
 * run (a resend starts a new one for the new expiry).
 */
export const invitationReminderFn = inngest.createFunction(
  {
    id: "invitation-reminder",
    name: "Remind a candidate before their link expires",
    triggers: [invitationSent, invitationResent],
    cancelOn: [
      { event: interviewCompleted, match: "data.invitationId" },
      { event: invitationCancelled, match: "data.invitationId" },
      { event: invitationResent, match: "data.invitationId" },
    ],
    retries: 8,
  },
  async ({ event, step }) => {
    const { invitationId } = event.data;
    const plan = await step.run("plan", async () => {
      const inv = await db.invitation.findUnique({ where: { id: invitationId }, select: { expiresAt: true } });
      const at = inv ? reminderTime(inv.expiresAt) : null;
      return inv && at ? { at: at.toISOString(), expiresAt: inv.expiresAt.toISOString() } : null;
    });
    if (!plan) return { skipped: "The link expires within 48 hours: no reminder." };
    await step.sleepUntil("wait-until-48h-before-expiry", new Date(plan.at));
    return step.run("send-reminder", () => emailInvitationReminder(db, invitationId, plan.expiresAt));
  },
);
