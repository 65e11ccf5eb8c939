import { db } from "@/server/db/client";
import { deleteDueInterview } from "@/server/retention/delete-interview";
import { RETENTION_SWEEP_FUNCTION } from "@/server/retention/purge";
import { deleteOrganizationNow } from "@/server/retention/organization-deletion";
import { deleteQueuedFiles } from "@/server/retention/storage-deletions";
import { findDueWork } from "@/server/retention/sweep";
import { inngest } from "../client";

/** Hourly, so that a failed file deletion is retried within the hour and nothing waits long past its day. */
export const RETENTION_SWEEP_CRON = "23 * * * *";

/**
 * Deletes what is due: interviews past their organization's retention, candidates' deletion
 * requests at their deadline, organizations at the end of their grace period; then every stored
 * file still queued for deletion. A file that cannot be deleted fails the last step, which is
 * retried with backoff; it stays queued (with its error, on /admin/health) for the next sweep.
 */
export const retentionSweepFn = inngest.createFunction(
  {
    id: RETENTION_SWEEP_FUNCTION,
    name: "Delete data past retention",
    triggers: [{ cron: RETENTION_SWEEP_CRON }],
    retries: 3,
    concurrency: { limit: 1 },
  },
  async ({ step }) => {
    const due = await step.run("find-due", () => findDueWork(db));
    for (const item of due.interviews) {
      await step.run(`delete-interview-${item.invitationId}`, () => deleteDueInterview(db, item.invitationId, item.reason));
    }
    for (const organizationId of due.organizations) {
      await step.run(`delete-organization-${organizationId}`, () => deleteOrganizationNow(db, organizationId));
    }
    const files = await step.run("delete-files", async () => {
      const outcome = await deleteQueuedFiles(db);
      if (outcome.failed.length) {
        const first = outcome.failed[0]!;
        throw new Error(`${outcome.failed.length} stored file(s) could not be deleted yet, e.g. ${first.driver}:${first.key}: ${first.error}`);
      }
      return outcome;
    });
    return { interviews: due.interviews.length, organizations: due.organizations.length, filesDeleted: files.deleted };
  },
);
