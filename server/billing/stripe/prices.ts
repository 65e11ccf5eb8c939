import type { ServerEnv } from "../../config/env";
import type { Plan } from "../../db/client";
import { DomainError } from "../../errors";
import type { ChangePlanInput } from "../billing.schema";
import { logger } from "@/server/logging/logger";

type Prices = Pick<ServerEnv, "STRIPE_PRICE_PLUS_MONTHLY" | "STRIPE_PRICE_PLUS_YEARLY" | "STRIPE_PRICE_PRO_MONTHLY" | "STRIPE_PRICE_PRO_YEARLY">;

export function priceFor(e: Prices, input: ChangePlanInput): string {
  if (input.plan === "FREE") throw new DomainError("BAD_REQUEST", "Free needs no checkout: cancel the subscription in the customer portal.");
  const key = `STRIPE_PRICE_${input.plan}_${input.interval === "year" ? "YEARLY" : "MONTHLY"}` as const;
  const price = e[key];
  if (!price) throw new DomainError("PRECONDITION_FAILED", `${key} is not set.`);
  return price;
}

/** The plan a Stripe price sells; a price this app does not know grants nothing. */
export function planForPrice(e: Prices, priceId: string | null | undefined): Plan {
  if (!priceId) return "FREE";
  if (priceId === e.STRIPE_PRICE_PLUS_MONTHLY || priceId === e.STRIPE_PRICE_PLUS_YEARLY) return "PLUS";
  if (priceId === e.STRIPE_PRICE_PRO_MONTHLY || priceId === e.STRIPE_PRICE_PRO_YEARLY) return "PRO";
  logger.warn({ priceId }, "stripe: a subscription's price is none of the configured ones; treated as Free");
  return "FREE";
}
