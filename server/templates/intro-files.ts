import { isStorageDriver, storageForDriver } from "../storage";
import { logger } from "@/server/logging/logger";

export type StoredIntroFile = { storageDriver: string; storageKey: string };

/** Removes intro video files the database no longer points at (replaced, removed, or their template deleted). */
export async function deleteIntroFiles(files: StoredIntroFile[]): Promise<void> {
  for (const file of files) {
    try {
      if (isStorageDriver(file.storageDriver)) await storageForDriver(file.storageDriver).delete(file.storageKey);
    } catch (error) {
      // The database already says what the template shows; an orphaned file only costs space.
      logger.warn({ err: error, storageKey: file.storageKey }, "could not delete an intro video file");
    }
  }
}
