import { adminProcedure, hrProcedure, ownerProcedure, router } from "../init";
import { adminSetPlanInput, changePlanInput } from "../../billing/billing.schema";
import { setPlanAsAdmin, switchPlanLocally } from "../../billing/local";
import { billingOverview, organizationPlans } from "../../billing/overview";
import { openPortal, startCheckout } from "../../billing/stripe/checkout";

export const billingRouter = router({
  overview: hrProcedure.query(({ ctx }) => billingOverview(ctx.db, ctx.membership)),
  switchPlanLocally: ownerProcedure.input(changePlanInput).mutation(({ ctx, input }) => switchPlanLocally(ctx.db, ctx.user, ctx.organizationId, input)),
  checkout: ownerProcedure.input(changePlanInput).mutation(({ ctx, input }) => startCheckout(ctx.db, ctx.user, ctx.organizationId, input)),
  portal: ownerProcedure.mutation(({ ctx }) => openPortal(ctx.db, ctx.organizationId)),
  organizations: adminProcedure.query(({ ctx }) => organizationPlans(ctx.db)),
  setPlan: adminProcedure.input(adminSetPlanInput).mutation(({ ctx, input }) => setPlanAsAdmin(ctx.db, ctx.user, input)),
});
