export type BillingMode = "stripe" | "local";

/** Stripe bills when its secret key is set; otherwise plans are switched locally and nothing is charged. */
export function billingMode(source: { STRIPE_SECRET_KEY?: string | undefined }): BillingMode {
  return source.STRIPE_SECRET_KEY?.trim() ? "stripe" : "local";
}
