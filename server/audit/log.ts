import type { Prisma } from "../db/client";

type Tx = Pick<Prisma.TransactionClient, "auditLog">;

/** Written inside the transaction of the change it records, so the log never disagrees with the data. */
export function audit(
  tx: Tx,
  entry: { organizationId?: string | null; actorId: string | null; action: string; targetType: string; targetId: string; data?: Prisma.InputJsonValue },
) {
  return tx.auditLog.create({ data: { ...entry, organizationId: entry.organizationId ?? null } });
}
