import { isStorageDriver, StorageError, storageForDriver } from "../storage";

/** Long enough to watch a whole interview; short enough that a copied link soon stops working. */
export const PLAYBACK_URL_TTL_SEC = 60 * 60;

export type Playback = { url: string; contentType: string; expiresAt: Date };

/**
 * A signed, expiring URL for a recording. Recordings are never public: the review page is the
 * only way to one, after the organization check. The asset's own driver signs it, as a recording
 * stays where it was stored when the configured driver changes later.
 */
export async function recordingPlayback(asset: { storageDriver: string; storageKey: string; contentType: string }, now: Date = new Date()): Promise<Playback> {
  if (!isStorageDriver(asset.storageDriver)) throw new StorageError("MISCONFIGURED", `Unknown storage driver "${asset.storageDriver}".`);
  const url = await storageForDriver(asset.storageDriver).signedUrl(asset.storageKey, { expiresInSec: PLAYBACK_URL_TTL_SEC, contentType: asset.contentType });
  return { url, contentType: asset.contentType, expiresAt: new Date(now.getTime() + PLAYBACK_URL_TTL_SEC * 1000) };
}
