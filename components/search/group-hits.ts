import type { SearchHit } from "@/server/search/search.schema";

export type HitGroup = { invitationId: string; candidateName: string; templateTitle: string; best: number; hits: SearchHit[] };

/**
 * Hits grouped by interview, keeping the ranking: an interview sits where its best passage
 * ranked, and its passages keep their order, so "who said it" reads first and nothing is reordered.
 */
export function groupHits(hits: readonly SearchHit[]): HitGroup[] {
  const groups = new Map<string, HitGroup>();
  for (const hit of hits) {
    const g = groups.get(hit.invitationId);
    if (g) g.hits.push(hit);
    else
      groups.set(hit.invitationId, {
        invitationId: hit.invitationId,
        candidateName: hit.candidateName,
        templateTitle: hit.templateTitle,
        best: hit.score,
        hits: [hit],
      });
  }
  return [...groups.values()];
}
