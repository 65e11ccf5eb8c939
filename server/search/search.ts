import type { Db, Prisma } from "../db/client";
import { notFound } from "../errors";
import { templateSnapshotSchema } from "../templates/versions";
import { answerContext, similarityOf } from "./answer-context";
import { embedTexts, getEmbedder } from "./embedder";
import { hasSearchTerms, textMatches, websearchParts } from "./fulltext";
import { reciprocalRankFusion, RRF_K } from "./fuse";
import { nearestPassages, type Candidate } from "./nearest";
import { queryWords, sharesAWord } from "./word-support";
import { MAX_SEARCH_LIMIT, searchInput, type SearchHit, type SearchInput } from "./search.schema";

/**
 * Hybrid search: two rankings of the organization's passages, each with its own floor, fused by
 * reciprocal rank fusion (fuse.ts):
 *   - words (fulltext.ts): passages that contain HR's words, by ts_rank_cd;
 *   - meaning (nearest.ts, answer-context.ts): the passages nearest the query's embedding, each read
 *     in its answer (the mean of its cosine similarity and its whole answer's), kept when the answer
 *     says one of the query's words or a word close to one (word-support.ts).
 * Each ranking takes CANDIDATE_FACTOR × limit passages, so a passage one ranking places just below
 * the limit can still be lifted by the other.
 */
export const CANDIDATE_FACTOR = 3;
/**
 * The relevance floor of the fused score. A passage is shown only when it is in one of the rankings
 * (it has HR's words, or its answer has a word near one of them); its fused score is then at least
 * this: the score of the last passage of the longest ranking, absent from the other (rounded down
 * to the 3 decimals a hit's score is given with). A passage in neither ranking scores 0.
 */
export const MIN_SCORE = Math.floor((1000 * (RRF_K + 1)) / (2 * (RRF_K + MAX_SEARCH_LIMIT * CANDIDATE_FACTOR))) / 1000;

type Passage = Omit<Candidate, "distance">;

export type RankedPassage = Passage & {
  /** The fused score in (0, 1] (see fuse.ts): 1 = first in both rankings. */
  score: number;
  /** The passage's place in each ranking (1 = first), null where it is not in it. */
  ranks: { words: number | null; meaning: number | null };
};

type RawTx = Pick<Prisma.TransactionClient, "$queryRaw">;

type RankArgs = { organizationId: string; model: string; templateId?: string; query: string; vector: readonly number[]; take: number };

/**
 * Both rankings of the passages in scope, fused, best first. Run it in a transaction (the HNSW
 * settings are SET LOCAL). Words excluded with `-word` leave passages out of both rankings.
 * `efSearch` passes through to nearestPassages, for the benchmark.
 */
export async function rankPassages(tx: RawTx, args: RankArgs & { efSearch?: number }): Promise<RankedPassage[]> {
  const scope = { organizationId: args.organizationId, model: args.model, templateId: args.templateId };
  const { included, excluded } = websearchParts(args.query);
  const nearest = await nearestPassages(tx, { ...scope, excluded, vector: args.vector, take: args.take, efSearch: args.efSearch });
  const answers = await answerContext(tx, {
    organizationId: args.organizationId,
    model: args.model,
    vector: args.vector,
    responseIds: nearest.map((c) => c.responseId),
  });
  const asked = queryWords(included);
  // Once per answer: several of the candidates are often passages of one answer.
  const supported = new Set([...answers].filter(([, answer]) => sharesAWord(asked, answer.text)).map(([id]) => id));
  const meaning = nearest
    .flatMap(({ distance, ...c }) => {
      const answer = answers.get(c.responseId);
      if (!answer || !supported.has(c.responseId)) return [];
      return [{ ...c, similarity: (similarityOf(distance) + answer.similarity) / 2 }];
    })
    .sort((a, b) => b.similarity - a.similarity);
  const words = await textMatches(tx, { ...scope, query: args.query, take: args.take, alsoRank: meaning.map((c) => c.id) });
  const passages = new Map<string, Passage>();
  for (const { id, content, startMs, endMs, responseId, invitationId } of [...words, ...meaning]) {
    passages.set(id, { id, content, startMs, endMs, responseId, invitationId });
  }
  const fused = reciprocalRankFusion([words.map((t) => ({ id: t.id, score: t.rank })), meaning.map((c) => ({ id: c.id, score: c.similarity }))]);
  return fused.map((f) => ({ ...passages.get(f.id)!, score: f.score, ranks: { words: f.ranks[0] ?? null, meaning: f.ranks[1] ?? null } }));
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
  // Only stop words, only punctuation, or only exclusions: nothing to look for, so nothing found.
  if (!(await hasSearchTerms(db, query))) return [];
  const [vector] = await embedTexts([websearchParts(query).included]);
  const { modelName } = getEmbedder();
  const take = limit * CANDIDATE_FACTOR;
  const fused = await db.$transaction((tx) => rankPassages(tx, { organizationId, model: modelName, templateId, query, vector: vector!, take }));
  const ranked = fused.slice(0, limit);
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
