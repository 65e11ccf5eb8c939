import type { Db } from "../db/client";
import type { SessionUser } from "../auth/session-user";
import type { z } from "zod";
import type { updateProfileInput } from "./users.schema";

export function getMe(user: SessionUser) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    image: user.image,
    role: user.role,
    organizations: user.memberships.map((m) => ({ id: m.organizationId, name: m.organization.name, role: m.role })),
  };
}

export async function updateProfile(db: Db, user: SessionUser, input: z.infer<typeof updateProfileInput>) {
  const updated = await db.user.update({ where: { id: user.id }, data: { name: input.name }, select: { id: true, name: true } });
  return updated;
}
