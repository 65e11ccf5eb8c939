import { db } from "@/server/db/client";
import { emailAnalysisReady } from "@/server/notifications/analysis-ready";
import { inngest } from "../client";
import { analysisReadyNotified } from "../events";

/**
 * HR's "ready for review" email, from the event written with the in-app notification: a crash
 * after the notification committed still sends it, and the email's idempotency key (the
 * notification id) keeps a retried step from sending it twice.
 */
export const notificationEmailFn = inngest.createFunction(
  { id: "notification-email", name: "Email HR that an interview is ready for review", triggers: [analysisReadyNotified], retries: 8 },
  async ({ event, step }) => step.run("send-email", () => emailAnalysisReady(db, event.data)),
);
