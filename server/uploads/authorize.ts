import { getDb, type Db, type InvitationStatus } from "../db/client";
import { hashInvitationToken } from "../invitations/token";
import { SUSPENDED_INTERVIEW_MESSAGE } from "../interview/access";
import { consume } from "../rate-limit/rate-limit";
import { UploadError } from "./errors";
import { interviewTokenSchema } from "./upload.schema";

// Who may upload: whoever holds the interview link's token (sent as x-interview-token), to the
// responses of that invitation only, while it is open. Every upload request is checked again,
// so cancelling or expiring an interview stops an upload that is under way.

export type AuthorizedUpload = { invitationId: string; organizationId: string; responseId: string };

const CLOSED_MESSAGES: Partial<Record<InvitationStatus, string>> = {
  CANCELLED: "This interview was cancelled by the hiring team, so recordings can no longer be uploaded.",
  EXPIRED: "This interview link has expired, so recordings can no longer be uploaded. Ask the hiring team for a new link.",
  COMPLETED: "This interview is already complete, so recordings can no longer be uploaded.",
};

const INVALID_LINK = "This interview link is not valid. Open the whole link from your invitation email.";

const invitationSelect = {
  id: true,
  organizationId: true,
  tokenHash: true,
  status: true,
  expiresAt: true,
  consentAt: true,
  organization: { select: { suspendedAt: true } },
} as const;
type InvitationAccess = {
  id: string;
  organizationId: string;
  tokenHash: string;
  status: InvitationStatus;
  expiresAt: Date;
  consentAt: Date | null;
  organization: { suspendedAt: Date | null };
};
type ResponseAccess = { id: string; type: string; submittedAt: Date | null; invitation: InvitationAccess };

function tokenHashOf(token: string | null | undefined): string {
  const parsed = interviewTokenSchema.safeParse(token ?? "");
  if (!parsed.success) throw new UploadError("UNAUTHORIZED", INVALID_LINK);
  return hashInvitationToken(parsed.data);
}

function assertOpen(invitation: InvitationAccess, now: Date): void {
  const closedMessage = CLOSED_MESSAGES[invitation.status];
  if (closedMessage) throw new UploadError("CLOSED", closedMessage);
  if (invitation.expiresAt.getTime() <= now.getTime()) throw new UploadError("CLOSED", CLOSED_MESSAGES.EXPIRED!);
  if (invitation.organization.suspendedAt) throw new UploadError("CLOSED", SUSPENDED_INTERVIEW_MESSAGE);
  // The consent screen promises that nothing is recorded, let alone stored, before agreeing.
  if (!invitation.consentAt) throw new UploadError("FORBIDDEN", "Agree to the recording and data terms before recording an answer.");
}

/**
 * The checks in order: the token opens an invitation, which is open, and the response is one of
 * its own. Another invitation's response gets the same answer as a missing one, so a token
 * reveals nothing beyond its own interview. One query loads all of it: this runs for every chunk.
 */
function check(tokenHash: string, response: ResponseAccess | null, invitation: InvitationAccess | null, now: Date): AuthorizedUpload {
  if (!invitation) throw new UploadError("UNAUTHORIZED", INVALID_LINK);
  assertOpen(invitation, now);
  if (!response || response.invitation.tokenHash !== tokenHash) throw new UploadError("NOT_FOUND", "This question is not part of your interview.");
  if (response.type !== "VIDEO") throw new UploadError("BAD_TYPE", "This question takes a written answer, not a recording.");
  if (response.submittedAt) throw new UploadError("CLOSED", "This answer has already been submitted.");
  return { invitationId: invitation.id, organizationId: invitation.organizationId, responseId: response.id };
}

const responseSelect = { id: true, type: true, submittedAt: true, invitation: { select: invitationSelect } } as const;

async function invitationFor(db: Db, tokenHash: string, response: ResponseAccess | null): Promise<InvitationAccess | null> {
  if (response?.invitation.tokenHash === tokenHash) return response.invitation;
  return db.invitation.findUnique({ where: { tokenHash }, select: invitationSelect });
}

/** Throws UploadError unless `token` opens an open, consented invitation that `responseId` belongs to. */
export async function authorizeUpload(token: string | null | undefined, responseId: string, deps: { db?: Db; now?: Date } = {}): Promise<AuthorizedUpload> {
  const db = deps.db ?? getDb();
  const tokenHash = tokenHashOf(token);
  await consume("uploadsPerToken", tokenHash);
  const response = await db.response.findUnique({ where: { id: responseId }, select: responseSelect });
  return check(tokenHash, response, await invitationFor(db, tokenHash, response), deps.now ?? new Date());
}

type AuthorizedSession = AuthorizedUpload & { uploadId: string };

async function checkUploadSession(tokenHash: string, uploadId: string, db: Db, now: Date): Promise<{ authorized: AuthorizedSession; expiresAt: Date }> {
  const session = await db.uploadSession.findUnique({ where: { id: uploadId }, select: { response: { select: responseSelect } } });
  const invitation = await invitationFor(db, tokenHash, session?.response ?? null);
  if (invitation && !session) {
    assertOpen(invitation, now);
    throw new UploadError("NOT_FOUND", "This upload does not exist. Start the recording's upload again.");
  }
  return { authorized: { ...check(tokenHash, session?.response ?? null, invitation, now), uploadId }, expiresAt: invitation!.expiresAt };
}

/** The same check for an upload by its id; an unknown token is refused before anything is said about the upload. */
export async function authorizeUploadSession(
  token: string | null | undefined,
  uploadId: string,
  deps: { db?: Db; now?: Date } = {},
): Promise<AuthorizedSession> {
  const tokenHash = tokenHashOf(token);
  await consume("uploadsPerToken", tokenHash);
  return (await checkUploadSession(tokenHash, uploadId, deps.db ?? getDb(), deps.now ?? new Date())).authorized;
}

// A recording sends a chunk a second; rereading the invitation for each one was a query per chunk
// for an answer that does not change. A chunk is accepted on a check of the same token for the
// same upload made this long ago at most: cancelling an interview stops its uploads within this
// long rather than at once, and an expired link is never served from it. Whatever the check says,
// appendChunk still refuses a chunk to an upload that is complete or replaced.
const CHUNK_AUTHORIZATION_TTL_MS = 5_000;
const CHUNK_AUTHORIZATIONS_KEPT = 5_000;

type CachedAuthorization = { authorized: AuthorizedSession; checkedAt: number; expiresAt: number };
const globalForAuth = globalThis as unknown as { __chunkAuthorizations?: Map<string, CachedAuthorization> };

/** authorizeUploadSession for the chunks of an upload, checked against the database every few seconds (see above). */
export async function authorizeChunk(token: string | null | undefined, uploadId: string, deps: { db?: Db; now?: Date } = {}): Promise<AuthorizedSession> {
  const tokenHash = tokenHashOf(token);
  // Counted before the cache: a cached check must not let a token past its limit.
  await consume("uploadsPerToken", tokenHash);
  const now = deps.now ?? new Date();
  const cache = (globalForAuth.__chunkAuthorizations ??= new Map<string, CachedAuthorization>());
  const key = `${uploadId} ${tokenHash}`;
  const hit = cache.get(key);
  if (hit && now.getTime() - hit.checkedAt < CHUNK_AUTHORIZATION_TTL_MS && now.getTime() < hit.expiresAt) return hit.authorized;

  const { authorized, expiresAt } = await checkUploadSession(tokenHash, uploadId, deps.db ?? getDb(), now);
  cache.delete(key);
  cache.set(key, { authorized, checkedAt: now.getTime(), expiresAt: expiresAt.getTime() });
  // Insertion order is age order: the oldest checks go first when the map is full.
  for (const oldest of cache.keys()) {
    if (cache.size <= CHUNK_AUTHORIZATIONS_KEPT) break;
    cache.delete(oldest);
  }
  return authorized;
}
