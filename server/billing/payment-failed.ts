import { createElement } from "react";
import PaymentFailedEmail, { subject } from "../../emails/payment-failed";
import { env } from "../config/env";
import type { Db } from "../db/client";
import { sendEmail } from "../mail/send";
import { PLAN_NAMES } from "./plans";
import { BILLING_PATH } from "./quota";
import { logger } from "@/server/logging/logger";

/** Emails every active HR member of the organization that its payment failed. Returns how many were sent. */
export async function notifyPaymentFailed(db: Db, organizationId: string): Promise<number> {
  const org = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: {
      name: true,
      subscription: { select: { plan: true } },
      memberships: { where: { role: { in: ["HR", "ADMIN"] }, user: { status: "ACTIVE" } }, select: { user: { select: { email: true } } } },
    },
  });
  const props = {
    organizationName: org.name,
    planName: PLAN_NAMES[org.subscription?.plan ?? "FREE"],
    graceDays: env().BILLING_GRACE_DAYS,
    url: `${env().APP_URL}${BILLING_PATH}`,
  };
  let sent = 0;
  for (const { user } of org.memberships) {
    try {
      await sendEmail({ to: user.email, subject: subject(props), template: "payment-failed", react: createElement(PaymentFailedEmail, props) });
      sent++;
    } catch (error) {
      // The stored email records why; the banner on the billing page still tells them.
      logger.error({ err: error }, "could not email the payment-failed notice");
    }
  }
  return sent;
}
