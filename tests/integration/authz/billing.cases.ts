import type { Cases } from "./fixture";

const ownOrg = "works on the caller's own organization only; takes no id";

export const billingCases: Cases = {
  "billing.overview": { crossTenant: ownOrg },
  "billing.switchPlanLocally": { input: () => ({ plan: "PRO", interval: "month" }), crossTenant: ownOrg },
  // Local mode in this test: an owner's call is allowed and refused as "Stripe is not configured".
  "billing.checkout": { input: () => ({ plan: "PLUS", interval: "month" }), crossTenant: ownOrg },
  "billing.portal": { crossTenant: ownOrg },
  "billing.organizations": {},
  "billing.setPlan": { input: (fx) => ({ organizationId: fx.orgA.id, plan: "PRO" }) },
};
