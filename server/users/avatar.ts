import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import type { Db } from "../db/client";
import type { SessionUser } from "../auth/session-user";
import { DomainError, notFound } from "../errors";
import { getStorage, isStorageDriver, storageForDriver } from "../storage";
import { AVATAR_MAX_BYTES, type UploadAvatarInput } from "./users.schema";

const SIGNATURES: Record<UploadAvatarInput["contentType"], (b: Buffer) => boolean> = {
  "image/png": (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  "image/jpeg": (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  "image/webp": (b) => b.subarray(0, 4).toString("ascii") === "RIFF" && b.subarray(8, 12).toString("ascii") === "WEBP",
};

const EXTENSIONS = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" } as const;

export const avatarPath = (userId: string) => `/api/users/${userId}/avatar`;

/**
 * Stores a new avatar and points the user's image at it. The declared type must match the file's
 * own signature, so a renamed file of another kind is refused rather than served as an image.
 */
export async function uploadAvatar(db: Db, user: SessionUser, input: UploadAvatarInput) {
  const bytes = Buffer.from(input.dataBase64, "base64");
  if (bytes.length > AVATAR_MAX_BYTES) throw new DomainError("BAD_REQUEST", "The image is larger than 512 KB.");
  if (!SIGNATURES[input.contentType](bytes)) {
    throw new DomainError("BAD_REQUEST", `That file is not a ${EXTENSIONS[input.contentType].toUpperCase()} image.`);
  }
  const storage = getStorage();
  const stored = await storage.put(`avatars/${user.id}/${randomBytes(8).toString("hex")}.${EXTENSIONS[input.contentType]}`, Readable.from(bytes), {
    contentType: input.contentType,
  });
  const previous = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { avatarKey: true, avatarDriver: true } });
  // The version in the query string changes with each upload, so browsers do not show a cached old one.
  const image = `${avatarPath(user.id)}?v=${Date.now()}`;
  await db.user.update({ where: { id: user.id }, data: { avatarKey: stored.key, avatarDriver: storage.driver, image } });
  if (previous.avatarKey && previous.avatarDriver && isStorageDriver(previous.avatarDriver)) {
    await storageForDriver(previous.avatarDriver)
      .delete(previous.avatarKey)
      .catch(() => undefined);
  }
  return { image };
}

/**
 * A short-lived URL of the user's uploaded avatar, for the user, the people of their organization
 * and admins. Anyone else finds nothing, as for a user with no avatar.
 */
export async function avatarUrl(db: Db, viewer: Pick<SessionUser, "id" | "role" | "memberships">, userId: string): Promise<string> {
  const shared = viewer.memberships.map((m) => m.organizationId);
  const visible = viewer.id === userId || viewer.role === "ADMIN" ? {} : { memberships: { some: { organizationId: { in: shared } } } };
  const u = await db.user.findFirst({ where: { id: userId, ...visible }, select: { avatarKey: true, avatarDriver: true } });
  if (!u?.avatarKey || !u.avatarDriver || !isStorageDriver(u.avatarDriver)) throw notFound("The avatar");
  const info = await storageForDriver(u.avatarDriver).stat(u.avatarKey);
  return storageForDriver(u.avatarDriver).signedUrl(u.avatarKey, { expiresInSec: 300, contentType: info?.contentType ?? "image/png" });
}
