import { Prisma, type Db } from "../db/client";
import { notFound } from "../errors";
import { templateSnapshotSchema } from "../templates/versions";
import { embedTexts, getEmbedder, toVector } from "./embedder";
import { hasOrganizationIndex, OWN_INDEX_FROM, ownIndexFilter } from "./org-index";
import { searchInput, type SearchHit, type SearchInput } from "./search.schema";
import { normalise, queryTerms, termMatches, words } from "./text";

/**
 * Ranking. The vector search (cosine distance, `<=>`; see nearestPassages) finds CANDIDATE_FACTOR × limit
 * passages; each is then scored
 *   score = cosine similarity + TERM_BONUS × (share of the query's non-stop words it contains)
 *                             + PHRASE_BONUS when it contains the whole query as a phrase,
 * and the best `limit` are returned. The bonus is small next to similarity (0..1): it reorders
 * near-ties in favour of passages that say the words HR typed ("EXPLAIN ANALYZE" over a passage
 * that merely talks about queries), and it lets a semantic model's hits stay explainable.
 */
export const TERM_BONUS = 0.15;
/**
 * Below this a passage is noise, not an answer: two unrelated texts score about ±0.05 under the
 * offline hashing embedder, so a hit must share meaning (or at least a word HR typed) to be shown.
 */
export const MIN_SCORE = 0.08;
export const PHRASE_BONUS = 0.05;
export const CANDIDATE_FACTOR = 3;

/**
 * How the nearest passages are found:
 *   - an organization with fewer than EXACT_SEARCH_BELOW passages is searched exactly: its rows
 *     first (a MATERIALIZED CTE, so the planner cannot turn it into a walk of an index), then
 *     sorted by distance (≈ 3 µs a row on the embedded engine: p95 13 ms at 1 000 rows);
 *   - a larger one has its own partial HNSW index (org-index.ts), walked with ef_search =
 *     EF_SEARCH; the iterative scan (pgvector ≥ 0.8) keeps walking, in exact distance order, until
 *     enough rows pass the remaining filters (model, template, cancelled invitations) or
 *     MAX_SCAN_TUPLES were visited. Until that index is built the shared one serves, whose
 *     filtered walk is good only for an organization that holds most of it.
 * Figures in docs/benchmarks.md (scripts/bench-search.ts, 100 000 passages).
 */
export const EF_SEARCH = 150;
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

type CandidateArgs = { organizationId: string; model: string; vector: readonly number[]; take: number; templateId?: string };
type QueryShape = { exact: boolean; ownIndex?: boolean };

/** The candidate query: the organization's TRANSCRIPT chunks of one model, not of cancelled invitations, nearest first. */
export function candidateQuery(args: CandidateArgs & QueryShape): Prisma.Sql {
  const q = toVector(args.vector);
  const tenant = args.ownIndex ? ownIndexFilter(args.organizationId) : Prisma.sql`c."organizationId" = ${args.organizationId} AND c.source = 'TRANSCRIPT'`;
  const where = Prisma.sql`${tenant} AND c.model = ${args.model}
      ${args.templateId ? Prisma.sql`AND c."templateId" = ${args.templateId}` : Prisma.empty}
      AND NOT EXISTS (SELECT 1 FROM invitations i WHERE i.id = c."invitationId" AND i.status = 'CANCELLED')`;
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

/** The exact-term part of the score, in [0, TERM_BONUS + PHRASE_BONUS]. */
export function termBonus(content: string, query: string): number {
  const terms = queryTerms(query);
  const passageWords = words(content);
  let bonus = 0;
  if (terms.length > 0) {
    const found = terms.filter((t) => passageWords.some((w) => termMatches(w, t))).length;
    bonus += (TERM_BONUS * found) / terms.length;
  }
  const phrase = normalise(query);
  if (phrase.includes(" ") && ` ${passageWords.join(" ")} `.includes(` ${phrase} `)) bonus += PHRASE_BONUS;
  return bonus;
}

function hrefFor(invitationId: string, responseId: string, startMs: number | null): string {
  const base = `/interviews/${encodeURIComponent(invitationId)}?answer=${encodeURIComponent(responseId)}`;
  return startMs === null ? base : `${base}&t=${Math.floor(startMs / 1000)}`;
}

/**
 * Ranked passages of the organization's interview answers for HR. Every query filters on
 * organizationId in SQL (the chunk's and again the answer's invitation), so another organization's
 * data is never read; answers of cancelled invitations are left out. An unknown templateId, or
 * one of another organization, is not found.
 */
export async function searchInterviews(db: Db, organizationId: string, input: SearchInput): Promise<SearchHit[]> {
  const { query, limit, templateId } = searchInput.parse(input);
  if (templateId) {
    const template = await db.template.findFirst({ where: { id: templateId, organizationId }, select: { id: true } });
    if (!template) throw notFound("The interview template");
  }
  if (words(query).length === 0) return [];
  const [vector] = await embedTexts([query]);
  const { modelName } = getEmbedder();
  const take = limit * CANDIDATE_FACTOR;
  const candidates = await db.$transaction((tx) => nearestPassages(tx, { organizationId, model: modelName, vector: vector!, take, templateId }));
  const ranked = candidates
    .map((c) => ({ ...c, score: (Number.isFinite(c.distance) ? 1 - c.distance : 0) + termBonus(c.content, query) }))
    .filter((c) => c.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
  if (ranked.length === 0) return [];

  const responses = await db.response.findMany({
    where: { id: { in: [...new Set(ranked.map((r) => r.responseId))] }, invitation: { organizationId } },
    select: {
      id: true,
      questionId: true,
      position: true,
      invitation: { select: { candidateName: true, template: { select: { title: true } }, templateVersion: { select: { snapshot: true } } } },
    },
  });
  const byId = new Map(responses.map((r) => [r.id, r]));
  const hits: SearchHit[] = [];
  for (const r of ranked) {
    const response = byId.get(r.responseId);
    if (!response) continue;
    const snapshot = templateSnapshotSchema.safeParse(response.invitation.templateVersion.snapshot);
    const question = snapshot.success ? snapshot.data.questions.find((q) => q.id === response.questionId) : undefined;
    hits.push({
      chunkId: r.id,
      score: Math.round(r.score * 1000) / 1000,
      content: r.content,
      startMs: r.startMs,
      endMs: r.endMs,
      responseId: r.responseId,
      invitationId: r.invitationId,
      candidateName: response.invitation.candidateName,
      templateTitle: response.invitation.template.title,
      questionNumber: (question?.position ?? response.position) + 1,
      questionPrompt: question?.prompt ?? "",
      href: hrefFor(r.invitationId, r.responseId, r.startMs),
    });
  }
  return hits;
}
