import { listAuditLog } from "../../audit/list";
import { compareCandidates } from "../../comparison/compare";
import { compareCandidatesInput } from "../../comparison/comparison.schema";
import { getInterviewAnalysis } from "../../review/analysis";
import { auditLogInput, interviewAnalysisInput, overrideAnalysisInput } from "../../review/analysis.schema";
import { overrideAnalysis } from "../../review/overrides";
import { hrProcedure, router } from "../init";

export const analysisRouter = router({
  interview: hrProcedure.input(interviewAnalysisInput).query(({ ctx, input }) => getInterviewAnalysis(ctx.db, ctx.organizationId, input.invitationId)),
  override: hrProcedure.input(overrideAnalysisInput).mutation(({ ctx, input }) => overrideAnalysis(ctx.db, ctx.user, ctx.organizationId, input)),
  compare: hrProcedure.input(compareCandidatesInput).query(({ ctx, input }) => compareCandidates(ctx.db, ctx.organizationId, input)),
  auditLog: hrProcedure.input(auditLogInput).query(({ ctx, input }) => listAuditLog(ctx.db, ctx.organizationId, input)),
});
