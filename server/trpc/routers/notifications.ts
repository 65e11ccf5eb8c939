import { listNotifications, markRead, unreadCount } from "../../notifications/inbox";
import { listNotificationsInput, markReadInput } from "../../notifications/notifications.schema";
import { router, signedInProcedure } from "../init";

export const notificationsRouter = router({
  list: signedInProcedure.input(listNotificationsInput).query(({ ctx, input }) => listNotifications(ctx.db, ctx.user.id, input)),
  unreadCount: signedInProcedure.query(({ ctx }) => unreadCount(ctx.db, ctx.user.id)),
  markRead: signedInProcedure.input(markReadInput).mutation(({ ctx, input }) => markRead(ctx.db, ctx.user.id, input)),
});
