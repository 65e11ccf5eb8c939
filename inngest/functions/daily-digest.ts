import { db } from "@/server/db/client";
import { digestRecipients, emailDigest } from "@/server/notifications/digest";
import { inngest } from "../client";

/** Every morning at 07:00 UTC, the daily digest to each HR member who chose it, one step each. */
export const dailyDigestFn = inngest.createFunction(
  { id: "daily-digest", name: "Email the daily digest", triggers: [{ cron: "0 7 * * *" }], retries: 3 },
  async ({ event, step }) => {
    // The scheduled tick, so a retried or replayed run covers the same day.
    const until = new Date(event.ts ?? Date.now());
    const recipients = await step.run("recipients", () => digestRecipients(db));
    for (const r of recipients) {
      await step.run(`digest-${r.userId}-${r.organizationId}`, () => emailDigest(db, r, until));
    }
    return { recipients: recipients.length };
  },
);
