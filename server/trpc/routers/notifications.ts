import { listEmailPreferences, setEmailPreference } from "../../notifications/email-preferences";
import { listNotifications, markRead, unreadCount } from "../../notifications/inbox";
import { listNotificationsInput, markReadInput, setEmailPreferenceInput } from "../../notifications/notifications.schema";
import { router, signedInProcedure } from "../init";

export const notificationsRouter = router({
  list: signedInProcedure.input(listNotificationsInput).query(({ ctx, input }) => listNotifications(ctx.db, ctx.user.id, input)),
  unreadCount: signedInProcedure.query(({ ctx }) => unreadCount(ctx.db, ctx.user.id)),
  markRead: signedInProcedure.input(markReadInput).mutation(({ ctx, input }) => markRead(ctx.db, ctx.user.id, input)),
  // The caller's own address only: preferences are kept per address, which a candidate without an account shares.
  emailPreferences: signedInProcedure.query(({ ctx }) => listEmailPreferences(ctx.db, ctx.user.email)),
  setEmailPreference: signedInProcedure
    .input(setEmailPreferenceInput)
    .mutation(({ ctx, input }) => setEmailPreference(ctx.db, ctx.user.email, input.kind, input.enabled)),
});
