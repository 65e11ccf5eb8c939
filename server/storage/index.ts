import { env, type ServerEnv } from "../config/env";
import { createLocalStorage } from "./local";
import { StorageError, type Storage, type StorageDriverName } from "./types";
import { UploadThingStorage } from "./uploadthing";
import { VercelBlobStorage } from "./vercel-blob";

export * from "./types";
export { sanitizeKey, isValidKey } from "./keys";
export { LocalDiskStorage, createLocalStorage, stagingDir, storageRoot } from "./local";

export const STORAGE_DRIVER_LABELS: Record<StorageDriverName, string> = {
  local: "local disk",
  "vercel-blob": "Vercel Blob",
  uploadthing: "UploadThing",
};

/** The driver the environment selects, in the same order as the health page reports it. */
export function configuredDriver(e: ServerEnv = env()): StorageDriverName {
  if (e.BLOB_READ_WRITE_TOKEN) return "vercel-blob";
  if (e.UPLOADTHING_TOKEN) return "uploadthing";
  return "local";
}

export function createStorage(driver: StorageDriverName, e: ServerEnv = env()): Storage {
  switch (driver) {
    case "local":
      return createLocalStorage(e);
    case "vercel-blob":
      if (!e.BLOB_READ_WRITE_TOKEN) throw new StorageError("MISCONFIGURED", "Files stored on Vercel Blob need BLOB_READ_WRITE_TOKEN.");
      return new VercelBlobStorage(e.BLOB_READ_WRITE_TOKEN);
    case "uploadthing":
      if (!e.UPLOADTHING_TOKEN) throw new StorageError("MISCONFIGURED", "Files stored on UploadThing need UPLOADTHING_TOKEN.");
      return new UploadThingStorage(e.UPLOADTHING_TOKEN);
  }
}

// Rebuilt whenever env() is re-read (tests reset it after changing STORAGE_DIR or a token).
const cache = new Map<StorageDriverName, { env: ServerEnv; storage: Storage }>();

/** The storage of one driver, e.g. for an older MediaAsset stored before the configuration changed. */
export function storageForDriver(driver: StorageDriverName): Storage {
  const e = env();
  const hit = cache.get(driver);
  if (hit && hit.env === e) return hit.storage;
  const storage = createStorage(driver, e);
  cache.set(driver, { env: e, storage });
  return storage;
}

/** Where new files go: Vercel Blob with BLOB_READ_WRITE_TOKEN, else UploadThing with UPLOADTHING_TOKEN, else local disk. */
export function getStorage(): Storage {
  return storageForDriver(configuredDriver());
}

export function isStorageDriver(value: string): value is StorageDriverName {
  return value === "local" || value === "vercel-blob" || value === "uploadthing";
}
