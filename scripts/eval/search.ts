// The search evaluation (tests/eval/search-queries.json, see tests/eval/README.md): every set's
// interviews in one organization (each set a template of its own, every candidate's answers
// transcribed and indexed the way the pipeline indexes them), each query run through
// searchInterviews, the procedure's own code. A query is answered at rank n when a passage of the
// answer it expects is the n-th result.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Db } from "../../server/db/client";
import { indexResponse } from "../../server/search/index-response";
import { searchInterviews } from "../../server/search/search";
import { answerKey, readTranscripts, ROOT, setSnapshot, transcriptOfText, type AnswerSource, type EvalSet } from "./sets";

export const QUERY_KINDS = ["keywords", "phrase", "paraphrase"] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

const queryFileSchema = z.object({
  queries: z.array(
    z.object({
      set: z.string(),
      kind: z.enum(QUERY_KINDS),
      query: z.string().min(1),
      expect: z.object({ candidate: z.string(), question: z.string() }),
    }),
  ),
});
export type SearchQuery = z.infer<typeof queryFileSchema>["queries"][number];

export function loadSearchQueries(file = path.join(ROOT, "tests", "eval", "search-queries.json")): SearchQuery[] {
  return queryFileSchema.parse(JSON.parse(readFileSync(file, "utf8"))).queries;
}

/** "set/candidate/question" → the response id of that answer. */
export type IndexedSets = Map<string, string>;

/** Every candidate's answers of every set, in one organization, transcribed and indexed. */
export async function indexSets(db: Db, organizationId: string, sets: readonly EvalSet[], source: AnswerSource): Promise<IndexedSets> {
  const responseOf: IndexedSets = new Map();
  for (const set of sets) {
    const snapshot = setSnapshot(set);
    const template = await db.template.create({
      data: { organizationId, title: set.title, description: set.description, rubric: snapshot.rubric, status: "PUBLISHED" },
    });
    const version = await db.templateVersion.create({ data: { templateId: template.id, version: 1, snapshot, hash: `eval-${set.id}` } });
    const spoken = source === "speech" ? readTranscripts(set.id) : null;
    if (source === "speech" && !spoken) throw new Error(`${set.id} has no transcripts (tests/eval/transcripts)`);
    for (const candidate of set.candidates) {
      const invitation = await db.invitation.create({
        data: {
          organizationId,
          templateId: template.id,
          templateVersionId: version.id,
          candidateName: candidate.name,
          candidateEmail: `${set.id}-${candidate.email}`,
          tokenHash: `eval-${organizationId}-${set.id}-${candidate.key}`,
          status: "COMPLETED",
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      });
      for (const q of snapshot.questions) {
        const written = candidate.answers[q.id]!;
        const stored = spoken?.answers[answerKey(candidate.key, q.id)];
        const response = await db.response.create({
          data: {
            invitationId: invitation.id,
            questionId: q.id,
            position: q.position,
            type: "VIDEO",
            status: "TRANSCRIBED",
            transcript: {
              create: {
                engine: stored ? "pocketsphinx" : "text",
                model: "eval",
                language: "en",
                text: stored ? stored.text : written,
                segments: stored ? stored.segments : transcriptOfText(written),
              },
            },
          },
        });
        await indexResponse(db, response.id);
        responseOf.set(`${set.id}/${candidate.key}/${q.id}`, response.id);
      }
    }
  }
  return responseOf;
}

export type SearchOutcome = SearchQuery & {
  heldOut: boolean;
  /** Where the expected answer's first passage is among the first 10 results (1 = first), null when it is not. */
  rank: number | null;
  /** The first result, as "candidate Qn: words…", and its set (null when nothing was found). */
  first: { set: string; text: string } | null;
};

export async function runQueries(
  db: Db,
  organizationId: string,
  responseOf: IndexedSets,
  queries: readonly SearchQuery[],
  heldOut: ReadonlySet<string>,
): Promise<SearchOutcome[]> {
  const setOf = new Map([...responseOf].map(([key, id]) => [id, key.split("/")[0]!]));
  const outcomes: SearchOutcome[] = [];
  for (const q of queries) {
    const expected = responseOf.get(`${q.set}/${q.expect.candidate}/${q.expect.question}`);
    if (!expected) throw new Error(`${q.set}: no answer ${q.expect.candidate}/${q.expect.question}`);
    const hits = await searchInterviews(db, organizationId, { query: q.query, limit: 10 });
    const at = hits.findIndex((h) => h.responseId === expected);
    const top = hits[0];
    outcomes.push({
      ...q,
      heldOut: heldOut.has(q.set),
      rank: at < 0 ? null : at + 1,
      first: top ? { set: setOf.get(top.responseId)!, text: `${top.candidateName} Q${top.questionNumber}: ${top.content.slice(0, 70)}` } : null,
    });
  }
  return outcomes;
}

export type SearchSummary = { queries: number; top1: number; top3: number; top10: number; mrr: number };

export function summarizeSearch(outcomes: readonly SearchOutcome[]): SearchSummary {
  return {
    queries: outcomes.length,
    top1: outcomes.filter((o) => o.rank === 1).length,
    top3: outcomes.filter((o) => o.rank !== null && o.rank <= 3).length,
    top10: outcomes.filter((o) => o.rank !== null).length,
    mrr: outcomes.length ? outcomes.reduce((s, o) => s + (o.rank ? 1 / o.rank : 0), 0) / outcomes.length : 0,
  };
}
