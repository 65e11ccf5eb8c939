import type { Db } from "../db/client";
import { isStorageDriver, storageForDriver } from "../storage";
import { removeStaging } from "../uploads/staging";

/** Not a storage driver: an upload's chunks on local disk (server/uploads/staging.ts), keyed by the upload's id. */
export const STAGING_DRIVER = "upload-staging";

export type FileDeletionOutcome = { deleted: number; failed: { driver: string; key: string; error: string }[] };

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Deletes the queued files from their drivers (each driver's delete succeeds when the file is
 * already gone, so a retry after a crash is harmless). A failure stays queued with its error and
 * attempt count, is retried by the next sweep, and is listed for admins until it succeeds.
 */
export async function deleteQueuedFiles(db: Db, opts: { organizationId?: string; limit?: number; now?: Date } = {}): Promise<FileDeletionOutcome> {
  const pending = await db.storageDeletion.findMany({
    where: { deletedAt: null, ...(opts.organizationId ? { organizationId: opts.organizationId } : {}) },
    orderBy: { createdAt: "asc" },
    take: opts.limit ?? 500,
  });
  const outcome: FileDeletionOutcome = { deleted: 0, failed: [] };
  for (const row of pending) {
    const at = opts.now ?? new Date();
    try {
      if (row.driver === STAGING_DRIVER) await removeStaging(row.key);
      else if (isStorageDriver(row.driver)) await storageForDriver(row.driver).delete(row.key);
      else throw new Error(`"${row.driver}" is not a storage driver this app knows.`);
      await db.storageDeletion.update({ where: { id: row.id }, data: { deletedAt: at, lastAttemptAt: at, attempts: { increment: 1 }, lastError: null } });
      outcome.deleted++;
    } catch (error) {
      const message = describe(error);
      await db.storageDeletion.update({ where: { id: row.id }, data: { lastAttemptAt: at, attempts: { increment: 1 }, lastError: message } });
      outcome.failed.push({ driver: row.driver, key: row.key, error: message });
    }
  }
  return outcome;
}

/** Files whose deletion has failed at least once and is not done yet: shown to admins on /admin/health. */
export function failedFileDeletions(db: Db) {
  return db.storageDeletion.findMany({
    where: { deletedAt: null, attempts: { gt: 0 } },
    orderBy: { createdAt: "asc" },
    take: 100,
    select: { id: true, organizationId: true, driver: true, key: true, attempts: true, lastError: true, lastAttemptAt: true, createdAt: true },
  });
}
