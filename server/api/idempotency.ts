import { createHash } from "node:crypto";
import type { Db, Prisma } from "../db/client";

/** A stored answer is replayed for this long; after that the key may be used again. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A claim whose request never finished (the server died mid-request) is given up after this. */
const ABANDONED_CLAIM_MS = 5 * 60 * 1000;
// A claim not yet answered: the first request is still running.
const IN_PROGRESS = 0;

export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export function fingerprint(method: string, path: string, body: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify([method, path, body]))
    .digest("hex");
}

export type Claim = { kind: "claimed" } | { kind: "replay"; status: number; body: unknown } | { kind: "in-progress" } | { kind: "mismatch" };

/**
 * Takes `key` for this request, or finds what an earlier request with it answered. The claim is a
 * row inserted before the work starts, so two requests racing with one key cannot both do it.
 */
export async function claimIdempotencyKey(db: Db, apiKeyId: string, key: string, print: string, now: Date = new Date()): Promise<Claim> {
  // Every expired answer of this API key goes here, so the table holds at most a day of each key's POSTs.
  await db.apiIdempotencyKey.deleteMany({
    where: {
      apiKeyId,
      OR: [
        { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) } },
        { key, status: IN_PROGRESS, createdAt: { lt: new Date(now.getTime() - ABANDONED_CLAIM_MS) } },
      ],
    },
  });
  const { count } = await db.apiIdempotencyKey.createMany({
    data: [{ apiKeyId, key, fingerprint: print, status: IN_PROGRESS, body: {} }],
    skipDuplicates: true,
  });
  if (count) return { kind: "claimed" };
  const earlier = await db.apiIdempotencyKey.findUnique({
    where: { apiKeyId_key: { apiKeyId, key } },
    select: { fingerprint: true, status: true, body: true },
  });
  if (!earlier) return claimIdempotencyKey(db, apiKeyId, key, print, now);
  if (earlier.fingerprint !== print) return { kind: "mismatch" };
  if (earlier.status === IN_PROGRESS) return { kind: "in-progress" };
  return { kind: "replay", status: earlier.status, body: earlier.body };
}

/** Keeps a successful answer for replays. */
export async function completeIdempotencyKey(db: Db, apiKeyId: string, key: string, status: number, body: unknown): Promise<void> {
  await db.apiIdempotencyKey.update({ where: { apiKeyId_key: { apiKeyId, key } }, data: { status, body: body as Prisma.InputJsonValue } });
}

/** Frees the key after a refusal or a failure, so the client can correct the request and send it again. */
export async function releaseIdempotencyKey(db: Db, apiKeyId: string, key: string): Promise<void> {
  await db.apiIdempotencyKey.deleteMany({ where: { apiKeyId, key, status: IN_PROGRESS } });
}
