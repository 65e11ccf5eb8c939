import { getDb } from "../db/client";

export function listMessages({ to, take = 100 }: { to?: string; take?: number }) {
  return getDb().emailMessage.findMany({
    where: to ? { to: to.trim().toLowerCase() } : undefined,
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, to: true, subject: true, template: true, provider: true, error: true, createdAt: true },
  });
}

export function getMessage(id: string) {
  return getDb().emailMessage.findUnique({ where: { id } });
}

export function latestMessageTo(email: string) {
  return getDb().emailMessage.findFirst({ where: { to: email.trim().toLowerCase() }, orderBy: { createdAt: "desc" } });
}
