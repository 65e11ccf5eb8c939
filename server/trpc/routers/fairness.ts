import { hrProcedure, ownerProcedure, router, tokenProcedure } from "../init";
import { decide, hiringDecision } from "../../fairness/decision";
import { decideInput, decisionInput } from "../../fairness/decision.schema";
import { fairnessReport } from "../../fairness/report";
import { fairnessReportInput } from "../../fairness/report.schema";
import { selfIdentify } from "../../fairness/self-identify";
import { selfIdentifyInput } from "../../fairness/self-identification.schema";

// HR's decisions on candidates, the candidates' voluntary self-identification, and the owners'
// report that brings the two together (and the AI's recommendations) as aggregates only.
export const fairnessRouter = router({
  decision: hrProcedure.input(decisionInput).query(({ ctx, input }) => hiringDecision(ctx.db, ctx.organizationId, input)),
  decide: hrProcedure.input(decideInput).mutation(({ ctx, input }) => decide(ctx.db, ctx.user.id, ctx.organizationId, input)),
  selfIdentify: tokenProcedure.input(selfIdentifyInput).mutation(({ ctx, input }) => selfIdentify(ctx.db, input)),
  report: ownerProcedure.input(fairnessReportInput).query(({ ctx, input }) => fairnessReport(ctx.db, ctx.organizationId, input)),
});
