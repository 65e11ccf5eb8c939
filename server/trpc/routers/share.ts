import { hrProcedure, router, shareTokenProcedure } from "../init";
import { createShareLink, listShareLinks, revokeShareLink } from "../../share/links";
import { createShareInput, listSharesInput, revokeShareInput, viewShareInput } from "../../share/share.schema";
import { viewSharedInterview } from "../../share/view";

// HR's read-only links to one interview for an outside reviewer, and the page those links open.
export const shareRouter = router({
  create: hrProcedure.input(createShareInput).mutation(({ ctx, input }) => createShareLink(ctx.db, ctx.user.id, ctx.organizationId, input)),
  list: hrProcedure.input(listSharesInput).query(({ ctx, input }) => listShareLinks(ctx.db, ctx.organizationId, input)),
  revoke: hrProcedure.input(revokeShareInput).mutation(({ ctx, input }) => revokeShareLink(ctx.db, ctx.user.id, ctx.organizationId, input)),
  view: shareTokenProcedure.input(viewShareInput).query(({ ctx, input }) => viewSharedInterview(ctx.db, input.token)),
});
