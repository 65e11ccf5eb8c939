import { createHash } from "node:crypto";
import { Prisma } from "../db/client";

/**
 * An organization's own HNSW index, once it has OWN_INDEX_FROM passages. The shared index holds
 * every organization's passages, and a filtered walk of it finds an organization's true nearest
 * passages well only when that organization holds most of the graph: in scripts/bench-search.ts
 * recall@10 was 0.97 for one holding 75% of 100 000 passages but 0.79 for one holding 15%. A
 * partial index (WHERE "organizationId" = '<id>') is a graph of that organization's passages only,
 * so its search is as good as a single tenant's. Smaller organizations are searched exactly.
 */
export const OWN_INDEX_FROM = 10_000;

type RawDb = Pick<Prisma.TransactionClient, "$queryRaw">;
type DdlDb = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRawUnsafe">;

// Organization ids are cuids; anything else never reaches SQL as a literal.
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

function checkedId(organizationId: string): string {
  if (!SAFE_ID.test(organizationId)) throw new Error(`Not an organization id: ${JSON.stringify(organizationId)}`);
  return organizationId;
}

export function organizationIndexName(organizationId: string): string {
  return `embedding_chunks_hnsw_${createHash("sha256").update(organizationId).digest("hex").slice(0, 24)}`;
}

/**
 * The organization filter as literals, the form in which the planner can match it to the
 * organization's partial index (a bound parameter cannot prove a partial index's predicate).
 */
export function ownIndexFilter(organizationId: string): Prisma.Sql {
  return Prisma.raw(`c."organizationId" = '${checkedId(organizationId)}' AND c.source = 'TRANSCRIPT'`);
}

const built = new Set<string>();

export async function hasOrganizationIndex(db: RawDb, organizationId: string): Promise<boolean> {
  if (built.has(organizationId)) return true;
  const rows = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_indexes WHERE indexname = ${organizationIndexName(organizationId)}`;
  const exists = (rows[0]?.n ?? 0) > 0;
  if (exists) built.add(organizationId);
  return exists;
}

/**
 * Builds the organization's own index once it has OWN_INDEX_FROM interview passages; called in the
 * transaction that indexes an answer, in the background (the one build takes seconds). Returns
 * whether the organization has one.
 */
export async function ensureOrganizationIndex(db: DdlDb, organizationId: string, minPassages: number = OWN_INDEX_FROM): Promise<boolean> {
  if (await hasOrganizationIndex(db, organizationId)) return true;
  const [size] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM embedding_chunks WHERE "organizationId" = ${organizationId} AND source = 'TRANSCRIPT' LIMIT ${minPassages}) s`;
  if ((size?.n ?? 0) < minPassages) return false;
  const id = checkedId(organizationId);
  await db.$executeRawUnsafe(
    `CREATE INDEX IF NOT EXISTS "${organizationIndexName(id)}" ON embedding_chunks USING hnsw (embedding vector_cosine_ops) WHERE "organizationId" = '${id}' AND source = 'TRANSCRIPT'`,
  );
  built.add(organizationId);
  return true;
}
