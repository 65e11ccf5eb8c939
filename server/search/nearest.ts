import { Prisma } from "../db/client";
import { toVector } from "./embedder";
import { hasOrganizationIndex, OWN_INDEX_FROM } from "./org-index";
import { passageScope, type PassageScope } from "./scope";

/**
 * The meaning ranking: passages nearest the query's embedding (cosine distance, `<=>`).
 *   - an organization with fewer than EXACT_SEARCH_BELOW passages is searched exactly: its rows
 *     first (a MATERIALIZED CTE, so the planner cannot turn it into a walk of an index), then
 *     sorted by distance (≈ 3 µs a row on the embedded engine: p95 13 ms at 1 000 rows);
 *   - a larger one has its own partial HNSW index (org-index.ts), walked with ef_search =
 *     EF_SEARCH; the iterative scan (pgvector ≥ 0.8) keeps walking, in exact distance order, until
 *     enough rows pass the remaining filters (model, template, cancelled invitations, excluded
 *     words) or MAX_SCAN_TUPLES were visited. Until that index is built the shared one serves,
 *     whose filtered walk is good only for an organization that holds most of it.
 * EF_SEARCH = 400: with the word-vector embedder (aivi-glove-sif-384-v1) the fused top 10 of an
 * organization of 75 000 passages kept 0.946 of the exact one for paraphrase questions at 150 and
 * 0.967 at 400, for p95 33 ms instead of 29 (the hashing embedder's vectors reached 0.97 at 150).
 * Figures in docs/benchmarks.md (scripts/bench-search.ts, 100 000 passages).
 */
export const EF_SEARCH = 400;
export const MAX_SCAN_TUPLES = 20_000;
export const EXACT_SEARCH_BELOW = OWN_INDEX_FROM;

export type Candidate = {
  id: string;
  content: string;
  startMs: number | null;
  endMs: number | null;
  responseId: string;
  invitationId: string;
  distance: number;
};

type CandidateArgs = Omit<PassageScope, "ownIndex"> & { vector: readonly number[]; take: number };

/** The candidate query: the passages in scope, nearest first. */
export function candidateQuery(args: CandidateArgs & { exact: boolean; ownIndex?: boolean }): Prisma.Sql {
  const q = toVector(args.vector);
  const where = passageScope(args);
  if (args.exact) {
    return Prisma.sql`
      WITH tenant AS MATERIALIZED (SELECT c.id, c.content, c."startMs", c."endMs", c."responseId", c."invitationId", c.embedding FROM embedding_chunks c WHERE ${where})
      SELECT id, content, "startMs", "endMs", "responseId", "invitationId", (embedding <=> ${q}::vector)::float8 AS distance
      FROM tenant ORDER BY embedding <=> ${q}::vector LIMIT ${args.take}`;
  }
  return Prisma.sql`
    SELECT c.id, c.content, c."startMs", c."endMs", c."responseId", c."invitationId", (c.embedding <=> ${q}::vector)::float8 AS distance
    FROM embedding_chunks c WHERE ${where}
    ORDER BY c.embedding <=> ${q}::vector
    LIMIT ${args.take}`;
}

type RawTx = Pick<Prisma.TransactionClient, "$queryRaw">;

// Organizations known to have reached EXACT_SEARCH_BELOW passages. An organization's passages only
// grow in practice (re-indexing an answer replaces its passages), so once large it is remembered for
// the life of the process and not counted again.
const largeOrganizations = new Set<string>();

async function isLarge(tx: RawTx, organizationId: string): Promise<boolean> {
  if (largeOrganizations.has(organizationId)) return true;
  const [size] = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM embedding_chunks WHERE "organizationId" = ${organizationId} LIMIT ${EXACT_SEARCH_BELOW}) s`;
  const large = (size?.n ?? 0) >= EXACT_SEARCH_BELOW;
  if (large) largeOrganizations.add(organizationId);
  return large;
}

/**
 * The `take` nearest passages, exactly for a small organization and through HNSW for a large one
 * (see EF_SEARCH). Run it inside a transaction: the HNSW settings are SET LOCAL (set_config(…, true),
 * which takes parameters). `efSearch` overrides EF_SEARCH for the benchmark.
 */
export async function nearestPassages(tx: RawTx, args: CandidateArgs & { efSearch?: number }): Promise<Candidate[]> {
  if (!(await isLarge(tx, args.organizationId))) return tx.$queryRaw<Candidate[]>(candidateQuery({ ...args, exact: true }));
  const ef = Math.min(Math.max(args.efSearch ?? EF_SEARCH, args.take), 1000);
  await tx.$queryRaw`SELECT set_config('hnsw.ef_search', ${String(ef)}, true),
    set_config('hnsw.iterative_scan', 'strict_order', true),
    set_config('hnsw.max_scan_tuples', ${String(MAX_SCAN_TUPLES)}, true)`;
  // Through the organization's own index when it has one (see org-index.ts), else the shared one.
  const ownIndex = await hasOrganizationIndex(tx, args.organizationId);
  return tx.$queryRaw<Candidate[]>(candidateQuery({ ...args, exact: false, ownIndex }));
}
