import { Readable } from "node:stream";
import type { SessionUser } from "../auth/session-user";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { invitationOfHolder, ownInvitationsWhere } from "./candidate-invitations";
import { candidateExportZip } from "./export";
import { candidateInvitationInput, linkRightsInput } from "./privacy.schema";

const text = (status: number, message: string) => new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * The candidate's data export. With the interview link's token (a form field, so it never sits in
 * a URL or a log), that one interview; signed in as the candidate, the invitation named, or
 * without one every interview addressed to them.
 */
export async function candidateExportResponse(db: Db, user: SessionUser | null, form: FormData): Promise<Response> {
  let invitationIds: string[];
  const token = form.get("token");
  if (typeof token === "string" && token) {
    const input = linkRightsInput.safeParse({ token });
    if (!input.success) return text(400, input.error.issues[0]?.message ?? "This interview link is not valid.");
    try {
      invitationIds = [await invitationOfHolder(db, { token: input.data.token })];
    } catch (error) {
      if (error instanceof DomainError) return text(404, error.message);
      throw error;
    }
  } else if (user?.role === "CANDIDATE" && user.status === "ACTIVE") {
    const one = candidateInvitationInput.safeParse({ invitationId: form.get("invitationId") });
    if (one.success) {
      try {
        invitationIds = [await invitationOfHolder(db, { user, invitationId: one.data.invitationId })];
      } catch (error) {
        if (error instanceof DomainError) return text(404, error.message);
        throw error;
      }
    } else {
      invitationIds = (await db.invitation.findMany({ where: ownInvitationsWhere(user), select: { id: true } })).map((i) => i.id);
    }
  } else {
    return text(401, "Open your interview link, or sign in as the candidate, to download your data.");
  }
  const zip = await candidateExportZip(db, invitationIds);
  return new Response(Readable.toWeb(zip) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": 'attachment; filename="my-interview-data.zip"',
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
