import type { Readable } from "node:stream";
import { getStorage, isStorageDriver, LocalDiskStorage, StorageError, storageForDriver } from "../storage";

/**
 * A stored recording as ffmpeg's input: its path on local disk (ffmpeg reads the file itself), a
 * stream from any other driver. The asset's own driver is used, so a recording stored before the
 * configuration changed is still found.
 */
export async function openRecording(storageKey: string, driver?: string | null): Promise<string | Readable> {
  const storage = driver && isStorageDriver(driver) ? storageForDriver(driver) : getStorage();
  if (storage instanceof LocalDiskStorage) {
    // ffmpeg would report a missing file as a decoding failure; it is a storage one.
    if (!(await storage.stat(storageKey))) throw new StorageError("NOT_FOUND", `No stored object "${storageKey}".`);
    return storage.pathFor(storageKey);
  }
  return storage.createReadStream(storageKey);
}
