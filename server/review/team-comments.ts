import type { Db } from "../db/client";
import { notFound } from "../errors";
import { enqueueEvent } from "../events/outbox";
import type { CommentInput, TeamInterviewInput } from "./team.schema";

export const REVIEW_MENTION = "review.mention";

export type Member = { id: string; label: string };
export type CommentView = { id: string; body: string; createdAt: Date; author: string | null; mentions: Member[] };

const label = (u: { name: string | null; email: string }) => u.name ?? u.email;

/** The organization's active HR members and admins: who may be mentioned. */
async function members(db: Pick<Db, "user">, organizationId: string): Promise<Member[]> {
  const rows = await db.user.findMany({
    where: { status: "ACTIVE", role: { in: ["HR", "ADMIN"] }, memberships: { some: { organizationId, role: { in: ["HR", "ADMIN"] } } } },
    select: { id: true, name: true, email: true },
    orderBy: [{ name: "asc" }, { email: "asc" }],
  });
  return rows.map((u) => ({ id: u.id, label: label(u) }));
}

/** The comment's mentions that still stand: members of the organization whose @name the body still carries. */
export function standingMentions(body: string, picked: string[], known: Member[]): Member[] {
  const wanted = new Set(picked);
  return known.filter((m) => wanted.has(m.id) && body.includes(`@${m.label}`));
}

/**
 * Adds a comment to an interview's discussion. Each member it mentions (but the author) gets an
 * in-app notification, and its email is an outbox event written in the same transaction, sent by
 * the review-mention-email function if that member has not switched the email off.
 */
export async function addComment(db: Db, author: { id: string; name: string | null; email: string }, organizationId: string, input: CommentInput) {
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { id: input.invitationId, organizationId }, select: { id: true, candidateName: true } });
    if (!invitation) throw notFound("The interview");
    const mentioned = standingMentions(input.body, input.mentions, await members(tx, organizationId));
    const comment = await tx.reviewComment.create({
      data: { organizationId, invitationId: invitation.id, authorId: author.id, body: input.body, mentionedIds: mentioned.map((m) => m.id) },
      select: { id: true, body: true, createdAt: true },
    });
    const link = `/interviews/${invitation.id}#comment-${comment.id}`;
    const title = `${label(author)} mentioned you on ${invitation.candidateName}'s interview`;
    for (const m of mentioned.filter((m) => m.id !== author.id)) {
      const note = await tx.notification.create({
        data: { userId: m.id, organizationId, type: REVIEW_MENTION, title, body: input.body.slice(0, 280), link },
        select: { id: true },
      });
      await enqueueEvent(tx, "notification.review-mention", { notificationId: note.id }, organizationId);
    }
    return { ...comment, author: label(author), mentions: mentioned } satisfies CommentView;
  });
}

/** The interview's discussion, oldest first, and the members who can be mentioned. */
export async function listComments(db: Db, organizationId: string, input: TeamInterviewInput): Promise<{ comments: CommentView[]; members: Member[] }> {
  const invitation = await db.invitation.findFirst({ where: { id: input.invitationId, organizationId }, select: { id: true } });
  if (!invitation) throw notFound("The interview");
  const [rows, known] = await Promise.all([
    db.reviewComment.findMany({
      where: { invitationId: invitation.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, body: true, createdAt: true, mentionedIds: true, author: { select: { name: true, email: true } } },
    }),
    members(db, organizationId),
  ]);
  // A mention of someone who has since left keeps its text; only current members are linked.
  const byId = new Map(known.map((m) => [m.id, m]));
  return {
    comments: rows.map((c) => ({
      id: c.id,
      body: c.body,
      createdAt: c.createdAt,
      author: c.author ? label(c.author) : null,
      mentions: c.mentionedIds.flatMap((id) => byId.get(id) ?? []),
    })),
    members: known,
  };
}
