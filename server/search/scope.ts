import { Prisma } from "../db/client";
import { ownIndexFilter } from "./org-index";

/**
 * Which passages a search may return; both rankings (nearest.ts, fulltext.ts) apply the same scope,
 * so fusing them never brings in a passage one of them was not allowed to see.
 */
export type PassageScope = {
  organizationId: string;
  /** The embedding model: an answer has one row per model, and only the current one's are searched. */
  model: string;
  templateId?: string;
  /** Words and phrases HR excluded with `-word` / `-"a phrase"`, in websearch_to_tsquery syntax (see fulltext.ts). */
  excluded?: string;
  /** Name the organization as a literal, so the planner can use its own HNSW index (org-index.ts). */
  ownIndex?: boolean;
};

/**
 * The WHERE clause over `embedding_chunks c`: the organization's TRANSCRIPT chunks of one model, of
 * one template when asked, not of cancelled invitations, and saying none of the excluded words.
 */
export function passageScope(scope: PassageScope): Prisma.Sql {
  const tenant = scope.ownIndex ? ownIndexFilter(scope.organizationId) : Prisma.sql`c."organizationId" = ${scope.organizationId} AND c.source = 'TRANSCRIPT'`;
  return Prisma.sql`${tenant} AND c.model = ${scope.model}
      ${scope.templateId ? Prisma.sql`AND c."templateId" = ${scope.templateId}` : Prisma.empty}
      ${scope.excluded ? Prisma.sql`AND NOT c.lexemes @@ websearch_to_tsquery('english', ${scope.excluded})` : Prisma.empty}
      AND NOT EXISTS (SELECT 1 FROM invitations i WHERE i.id = c."invitationId" AND i.status = 'CANCELLED')`;
}
