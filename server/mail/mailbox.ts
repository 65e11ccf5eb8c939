import { getDb } from "../db/client";

export type MailboxEntry = {
  id: string;
  to: string;
  subject: string;
  template: string;
  provider: string;
  providerId: string | null;
  error: string | null;
  status: string;
  statusAt: Date | null;
  createdAt: Date;
};

export type MailboxMessage = MailboxEntry & { html: string; text: string; headers: unknown };

const entryFields = {
  id: true,
  to: true,
  subject: true,
  template: true,
  provider: true,
  providerId: true,
  error: true,
  status: true,
  statusAt: true,
  createdAt: true,
} as const;

// Sign-in normalizes addresses to lower case while people type them as they like.
function recipient(email: string) {
  return { equals: email.trim(), mode: "insensitive" as const };
}

/** Newest first, without the bodies. */
export async function listMessages(opts: { to?: string; take: number }): Promise<MailboxEntry[]> {
  const to = opts.to?.trim();
  return getDb().emailMessage.findMany({
    where: to ? { to: recipient(to) } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.take,
    select: entryFields,
  });
}

export async function getMessage(id: string): Promise<MailboxMessage | null> {
  return getDb().emailMessage.findUnique({ where: { id } });
}

export async function latestMessageTo(email: string): Promise<MailboxMessage | null> {
  return getDb().emailMessage.findFirst({ where: { to: recipient(email) }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}
