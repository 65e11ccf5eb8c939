import { Prisma } from "../db/client";
import type { Candidate } from "./nearest";
import { passageScope, type PassageScope } from "./scope";

/**
 * The words ranking: Postgres full-text search over `embedding_chunks.lexemes`, a tsvector generated
 * from the passage with the 'english' configuration (stems, no stop words; see the migration
 * *_passage_fulltext) and indexed with GIN. HR's query is read by websearch_to_tsquery, which never
 * fails on user input: plain words must all appear ("composite index" finds "indexes … composite"),
 * "quoted words" must appear in that order, `or` between words accepts either, and `-word` leaves
 * passages with that word out. Matches are ranked by ts_rank_cd (cover density: the closer together
 * the query's words, the higher), divided by 1 + log(passage length) (normalization 1) so a passage
 * that is about the words outranks a long one that mentions them in passing.
 */
export type TextMatch = Omit<Candidate, "distance"> & { rank: number };

export type WebsearchParts = {
  /** The query without its exclusions and `or`s: what the query is looking for, to embed. */
  included: string;
  /** The excluded words and phrases as one websearch query ("a or \"b c\""), or "" when none. */
  excluded: string;
};

// A websearch_to_tsquery token: a "quoted phrase" (its closing quote optional, as there) or a run of
// anything but spaces and quotes; a leading `-` excludes it. A `-` inside a word ("real-time") is
// part of the word.
const TOKEN = /(-?)("[^"]*"?|[^\s"]+)/g;

/** Splits HR's query into what it looks for and what it leaves out, the way websearch_to_tsquery reads it. */
export function websearchParts(query: string): WebsearchParts {
  const included: string[] = [];
  const excluded: string[] = [];
  for (const [, minus, token] of query.matchAll(TOKEN)) {
    if (minus) excluded.push(token!);
    else if (token!.toLowerCase() !== "or") included.push(token!);
  }
  return { included: included.join(" "), excluded: excluded.join(" or ") };
}

type RawDb = Pick<Prisma.TransactionClient, "$queryRaw">;

/**
 * Whether the query names something to look for. querytree() is the part of a tsquery an index can
 * search: "" when websearch_to_tsquery found no lexeme (only stop words, "the and of", or only
 * punctuation), "T" when it only excludes ("-kubernetes") and so would match almost everything.
 */
export async function hasSearchTerms(db: RawDb, query: string): Promise<boolean> {
  const [row] = await db.$queryRaw<{ tree: string }[]>`SELECT querytree(websearch_to_tsquery('english', ${query})) AS tree`;
  return row !== undefined && row.tree !== "" && row.tree !== "T";
}

/**
 * How many matching passages the words ranking ranks. ts_rank_cd reads each match's lexemes (2-10 µs
 * a passage on the embedded engine, more for longer queries), so a query whose words are in tens of
 * thousands of passages would cost tens of milliseconds: in scripts/bench-search.ts, phrase queries
 * on an organization of 75 000 passages took p95 39 ms ranked in full, 11 ms capped at 1 000. A query
 * with more matches than this is not selective; its words ranking ranks the first matches found (in
 * storage order) plus `alsoRank`, the meaning ranking's candidates that match, so a passage close in
 * meaning that also has the words is always ranked by both.
 */
export const MAX_TEXT_MATCHES = 1000;

type TextArgs = Omit<PassageScope, "ownIndex" | "excluded"> & { query: string; take: number; alsoRank?: readonly string[] };

/** The passages in scope that match the query, best first. Exclusions are part of the tsquery itself. */
export function textMatchQuery(args: TextArgs): Prisma.Sql {
  const scope = passageScope(args);
  return Prisma.sql`
    WITH q AS (SELECT websearch_to_tsquery('english', ${args.query}) AS query),
    matches AS (
      (SELECT c.id FROM embedding_chunks c, q WHERE ${scope} AND c.lexemes @@ q.query LIMIT ${MAX_TEXT_MATCHES})
      UNION
      (SELECT c.id FROM embedding_chunks c, q WHERE c.id = ANY(${[...(args.alsoRank ?? [])]}::text[]) AND ${scope} AND c.lexemes @@ q.query)
    )
    SELECT c.id, c.content, c."startMs", c."endMs", c."responseId", c."invitationId", ts_rank_cd(c.lexemes, q.query, 1)::float8 AS rank
    FROM matches m JOIN embedding_chunks c ON c.id = m.id, q
    ORDER BY rank DESC, c.id
    LIMIT ${args.take}`;
}

export async function textMatches(db: RawDb, args: TextArgs): Promise<TextMatch[]> {
  return db.$queryRaw<TextMatch[]>(textMatchQuery(args));
}
