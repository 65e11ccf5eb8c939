import { getDb } from "@/server/db/client";
import { cleanStaging } from "@/server/uploads/staging-cleanup";
import { inngest } from "../client";

/** Hourly: staged bytes of uploads that can no longer complete are freed within the hour. */
export const cleanStagingFn = inngest.createFunction(
  { id: "clean-staging", name: "Free the staged bytes of abandoned uploads", triggers: [{ cron: "41 * * * *" }], retries: 3 },
  async ({ step }) => step.run("clean", () => cleanStaging(getDb())),
);
