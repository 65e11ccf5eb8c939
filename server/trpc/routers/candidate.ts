import { candidateProcedure, router } from "../init";
import { myInvitations } from "../../candidates/my-invitations";
import { requestDeletion } from "../../privacy/deletion-request";
import { requestHumanReview } from "../../privacy/human-review";
import { candidateInvitationInput } from "../../privacy/privacy.schema";

export const candidateRouter = router({
  invitations: candidateProcedure.query(({ ctx }) => myInvitations(ctx.db, ctx.user)),
  requestDeletion: candidateProcedure
    .input(candidateInvitationInput)
    .mutation(({ ctx, input }) => requestDeletion(ctx.db, { user: ctx.user, invitationId: input.invitationId })),
  requestHumanReview: candidateProcedure
    .input(candidateInvitationInput)
    .mutation(({ ctx, input }) => requestHumanReview(ctx.db, { user: ctx.user, invitationId: input.invitationId })),
});
