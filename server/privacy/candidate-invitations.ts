import type { SessionUser } from "../auth/session-user";
import type { Prisma } from "../db/client";
import { notFound } from "../errors";
import { invitationByToken } from "../interview/access";

type Reader = Pick<Prisma.TransactionClient, "invitation">;

/** Who is asking: the holder of an interview link, or a signed-in candidate about one of their invitations. */
export type RightsHolder = { token: string } | { user: SessionUser; invitationId: string };

/** Invitations a signed-in candidate may act on: addressed to their email or linked to their account. */
export function ownInvitationsWhere(user: SessionUser): Prisma.InvitationWhereInput {
  return { OR: [{ candidateUserId: user.id }, { candidateEmail: { equals: user.email, mode: "insensitive" } }] };
}

/** The one invitation the holder may act on; another's invitation is simply not found. */
export async function invitationOfHolder(db: Reader, holder: RightsHolder): Promise<string> {
  if ("token" in holder) return (await invitationByToken(db, holder.token)).id;
  const invitation = await db.invitation.findFirst({ where: { id: holder.invitationId, ...ownInvitationsWhere(holder.user) }, select: { id: true } });
  if (!invitation) throw notFound("The interview");
  return invitation.id;
}
