import { adminProcedure, hrProcedure, ownerProcedure, router } from "../init";
import { deleteInterviewData } from "../../retention/delete-interview";
import { cancelOrganizationDeletion, requestOrganizationDeletion } from "../../retention/organization-deletion";
import { privacyOverview } from "../../retention/overview";
import { deleteInterviewDataInput, deleteOrganizationInput, retentionSettingsInput } from "../../retention/retention.schema";
import { setRetentionDays } from "../../retention/settings";
import { failedFileDeletions } from "../../retention/storage-deletions";

// The organization's side of retention and deletion; the candidate's side is on the interview and candidate routers.
export const privacyRouter = router({
  overview: hrProcedure.query(({ ctx }) => privacyOverview(ctx.db, ctx.membership)),
  deleteInterview: hrProcedure.input(deleteInterviewDataInput).mutation(({ ctx, input }) => deleteInterviewData(ctx.db, ctx.user, ctx.organizationId, input)),
  setRetention: ownerProcedure.input(retentionSettingsInput).mutation(({ ctx, input }) => setRetentionDays(ctx.db, ctx.user, ctx.organizationId, input)),
  requestOrganizationDeletion: ownerProcedure
    .input(deleteOrganizationInput)
    .mutation(({ ctx, input }) => requestOrganizationDeletion(ctx.db, ctx.user, ctx.organizationId, input)),
  cancelOrganizationDeletion: ownerProcedure.mutation(({ ctx }) => cancelOrganizationDeletion(ctx.db, ctx.user, ctx.organizationId)),
  failedFileDeletions: adminProcedure.query(({ ctx }) => failedFileDeletions(ctx.db)),
});
