import { hrProcedure, router } from "../init";
import { organizationAnalytics } from "../../analytics/analytics";
import { analyticsInput } from "../../analytics/analytics.schema";

// HR's analytics of their organization (or one template): aggregates only, never a candidate's record.
export const analyticsRouter = router({
  overview: hrProcedure.input(analyticsInput).query(({ ctx, input }) => organizationAnalytics(ctx.db, ctx.organizationId, input)),
});
