import { hrProcedure, router } from "../init";
import { createInvitations } from "../../invitations/create";
import { createInvitationsInput, invitationIdInput, listInvitationsInput, resendInvitationInput } from "../../invitations/invitations.schema";
import { invitationTemplateOptions, listInvitations } from "../../invitations/list";
import { cancelInvitation, resendInvitation } from "../../invitations/manage";
import { setAccommodations } from "../../invitations/accommodations";
import { setAccommodationsInput } from "../../invitations/accommodations.schema";

export const invitationsRouter = router({
  list: hrProcedure.input(listInvitationsInput).query(({ ctx, input }) => listInvitations(ctx.db, ctx.organizationId, input)),
  templates: hrProcedure.query(({ ctx }) => invitationTemplateOptions(ctx.db, ctx.organizationId)),
  create: hrProcedure.input(createInvitationsInput).mutation(({ ctx, input }) => createInvitations(ctx.db, ctx.user, ctx.organizationId, input)),
  resend: hrProcedure.input(resendInvitationInput).mutation(({ ctx, input }) => resendInvitation(ctx.db, ctx.user, ctx.organizationId, input)),
  setAccommodations: hrProcedure.input(setAccommodationsInput).mutation(({ ctx, input }) => setAccommodations(ctx.db, ctx.user, ctx.organizationId, input)),
  cancel: hrProcedure.input(invitationIdInput).mutation(({ ctx, input }) => cancelInvitation(ctx.db, ctx.user, ctx.organizationId, input.invitationId)),
});
